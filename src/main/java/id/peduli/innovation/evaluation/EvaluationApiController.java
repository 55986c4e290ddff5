package id.peduli.innovation.evaluation;

import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.award.Panel;
import id.peduli.innovation.period.Periods;
import id.peduli.platform.Idempotent;
import id.peduli.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assessment over the API: automatic and manual assignment of evaluators, conflicts of interest declared by the
 * evaluator, the score sheet, raw and normalised scores per proposal and the ranked list of a period.
 */
@RestController
@RequestMapping("/api/v1/innovation")
@Tag(name = "Innovation assessment", description = "SINOVIK / KIPP: evaluator assignment, conflicts and scores")
class EvaluationApiController {

    private final Periods periods;
    private final Evaluations evaluations;
    private final AutoAssignments assignments;
    private final PeriodScores scores;
    private final Panel panel;

    EvaluationApiController(
            Periods periods, Evaluations evaluations, AutoAssignments assignments, PeriodScores scores, Panel panel) {
        this.periods = periods;
        this.evaluations = evaluations;
        this.assignments = assignments;
        this.scores = scores;
        this.panel = panel;
    }

    @Schema(name = "InnovationAutoAssignRequest")
    record AutoAssignRequest(
            @Schema(description = "Whether an evaluator may not get a proposal of their own province")
            Boolean avoidSameProvince) {}

    @Schema(name = "InnovationAssignRequest")
    record AssignRequest(String username, Boolean secondOpinion) {}

    @Schema(name = "InnovationConflictRequest")
    record ConflictRequest(String reason) {}

    @GetMapping("/periods/{id}/assignments")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    @Operation(summary = "The period's evaluators with their loads and caps, and the proposals waiting for one")
    AssignmentOverview overview(@PathVariable long id) {
        return assignments.overview(id);
    }

    @PostMapping("/periods/{id}/assignments/auto")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    @Operation(
            summary = "Assign an evaluator to every passed proposal without one: balanced, within caps, free of "
                    + "conflicts of interest; lists the proposals that could not get one and why")
    AssignmentOverview autoAssign(@PathVariable long id, @RequestBody AutoAssignRequest request) {
        periods.get(id);
        return assignments.run(id, required(request == null ? null : request.avoidSameProvince()));
    }

    @PostMapping("/periods/{id}/assignments/second-evaluators")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    @Operation(
            summary = "Assign a second evaluator to every proposal whose only score lies within 5 points of the pass "
                    + "mark (done automatically when the score comes in; this retries where nobody was free)")
    AssignmentOverview secondEvaluators(@PathVariable long id, @RequestBody AutoAssignRequest request) {
        periods.get(id);
        return assignments.secondEvaluators(id, required(request == null ? null : request.avoidSameProvince()));
    }

    @GetMapping("/proposals/{id}/assignments")
    @PreAuthorize("@innovationScope.proposal(#id, '', 'SECRETARIAT,PANELIST')")
    @Operation(summary = "The evaluators assigned to a proposal")
    List<AssignmentView> ofProposal(@PathVariable long id) {
        return evaluations.ofProposal(id);
    }

    @PostMapping("/proposals/{id}/assignments")
    @Idempotent
    @PreAuthorize(InnovationRoles.SCREEN_PROPOSAL_EXPRESSION)
    @Operation(summary = "Assign an evaluator by hand (refused on a conflict of interest or at the evaluator's cap)")
    ResponseEntity<AssignmentView> assign(@PathVariable long id, @RequestBody AssignRequest request) {
        if (request == null || request.username() == null || request.username().isBlank()) {
            throw BusinessException.invalid("username", "validation.required");
        }
        AssignmentView created =
                evaluations.assign(id, request.username(), Boolean.TRUE.equals(request.secondOpinion()));
        return ResponseEntity.created(URI.create("/api/v1/innovation/proposals/" + id + "/assignments"))
                .body(created);
    }

    @DeleteMapping("/assignments/{id}")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    @Operation(summary = "Withdraw an assignment that has not been scored, while the proposal is being assessed")
    ResponseEntity<Void> unassign(@PathVariable long id) {
        evaluations.unassign(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/evaluations/{id}")
    @PreAuthorize(InnovationRoles.OWN_ASSIGNMENT_EXPRESSION)
    @Operation(summary = "The caller's score sheet: the proposal, its answers, the rubric and the scores given so far")
    ScoreSheet sheet(@PathVariable long id) {
        return evaluations.sheet(id);
    }

    @PostMapping("/evaluations/{id}/conflict")
    @PreAuthorize(InnovationRoles.OWN_ASSIGNMENT_EXPRESSION)
    @Operation(
            summary = "Declare a conflict of interest with the assigned proposal, with a reason; an assignment not yet "
                    + "scored is withdrawn and the evaluator never gets the proposal again")
    ResponseEntity<Void> declareConflict(@PathVariable long id, @RequestBody ConflictRequest request) {
        evaluations.declareConflict(id, request == null ? null : request.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/proposals/{id}/scores")
    @PreAuthorize("@innovationScope.proposal(#id, '', 'SECRETARIAT,PANELIST')")
    @Operation(summary = "Raw and normalised scores of a proposal, by evaluator, with the disagreement flag")
    ProposalScores proposalScores(@PathVariable long id) {
        return scores.of(id);
    }

    @GetMapping("/periods/{id}/ranking")
    @PreAuthorize(InnovationRoles.COMPETITION_EXPRESSION)
    @Operation(summary = "The scored proposals of a period ranked by normalised score")
    List<RankingRow> ranking(@PathVariable long id) {
        periods.get(id);
        return RankingRow.rows(panel.ranking(id, 2000), scores.disagreements(id));
    }

    private static boolean required(Boolean value) {
        if (value == null) {
            throw BusinessException.invalid("avoidSameProvince", "validation.required");
        }
        return value;
    }
}
