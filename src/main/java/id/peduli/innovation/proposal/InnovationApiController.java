package id.peduli.innovation.proposal;

import id.peduli.access.Access;
import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.award.Replications;
import id.peduli.innovation.evaluation.AssignmentView;
import id.peduli.innovation.evaluation.Evaluations;
import id.peduli.innovation.evaluation.ScoreSheet;
import id.peduli.innovation.notification.Notification;
import id.peduli.innovation.notification.Notifications;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.PeriodForm;
import id.peduli.innovation.period.Periods;
import id.peduli.innovation.period.ProposalGroup;
import id.peduli.innovation.selection.FailReason;
import id.peduli.innovation.selection.ScreeningAdvice;
import id.peduli.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The competition over the API: periods, proposals and their moves, the administrative selection, scoring and the
 * inbox. The same roles and scopes as the pages: a proposal outside the caller's scope answers 404 like a missing one.
 */
@RestController
@RequestMapping("/api/v1/innovation")
@Tag(name = "Innovation competition", description = "SINOVIK / KIPP: periods, proposals, selection and scoring")
class InnovationApiController {

    private final Periods periods;
    private final Proposals proposals;
    private final Evaluations evaluations;
    private final Notifications notifications;
    private final Access access;
    private final Replications replications;

    InnovationApiController(
            Periods periods,
            Proposals proposals,
            Evaluations evaluations,
            Notifications notifications,
            Access access,
            Replications replications) {
        this.replications = replications;
        this.periods = periods;
        this.proposals = proposals;
        this.evaluations = evaluations;
        this.notifications = notifications;
        this.access = access;
    }

    @Schema(name = "InnovationAnswerRequest")
    record AnswerRequest(String aspect, String answer) {}

    @Schema(name = "InnovationReturnRequest")
    record ReturnRequest(String comment) {}

    @Schema(name = "InnovationScreenRequest")
    record ScreenRequest(Boolean pass, List<FailReason> reasons, String note) {

        List<FailReason> reasonsOrEmpty() {
            return reasons == null ? List.of() : reasons;
        }
    }

    @Schema(name = "InnovationScoresRequest")
    record ScoresRequest(Map<String, Integer> scores, Map<String, String> comments) {}

    @Schema(name = "InnovationProposalDetail")
    record ProposalDetail(
            ProposalView proposal,
            Completeness completeness,
            List<Transition> history,

            @Schema(
                    description = "For a proposal of the replication group: the replication its unit"
                            + " registered of the same source innovation; null otherwise")
            Replications.Link replication) {}

    @GetMapping("/periods")
    @PreAuthorize(InnovationRoles.PARTICIPANT_EXPRESSION)
    @Operation(summary = "Competition periods, newest first")
    List<Period> periods() {
        return periods.list();
    }

    @GetMapping("/periods/{id}")
    @PreAuthorize(InnovationRoles.PARTICIPANT_EXPRESSION)
    @Operation(summary = "One competition period with its rubric, categories and quota floors")
    Period period(@PathVariable long id) {
        return periods.get(id);
    }

    @PostMapping("/periods")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    @Operation(summary = "Set up a period (secretariat); lines as on the set-up page")
    ResponseEntity<Period> createPeriod(@RequestBody PeriodForm form) {
        Period period = periods.create(form);
        return ResponseEntity.created(URI.create("/api/v1/innovation/periods/" + period.id()))
                .body(period);
    }

    @GetMapping("/proposals")
    @PreAuthorize(InnovationRoles.PARTICIPANT_EXPRESSION)
    @Operation(
            summary = "Proposals of a period the caller may see (units in scope; every submitted one for the "
                    + "secretariat and the panel)")
    List<ProposalView> proposals(
            @RequestParam("period") long periodId,
            @RequestParam(value = "state", required = false) ProposalState state) {
        periods.get(periodId);
        return proposals.visible(periodId, state == null ? Set.of() : EnumSet.of(state), 1000);
    }

    @PostMapping("/proposals")
    @PreAuthorize(InnovationRoles.OPERATOR_EXPRESSION)
    @Operation(summary = "Register an innovation of a unit in scope and draft its proposal for the period")
    ResponseEntity<ProposalView> create(@RequestParam("period") long periodId, @RequestBody InnovationForm form) {
        ProposalView created = proposals.create(periodId, form);
        return ResponseEntity.created(URI.create("/api/v1/innovation/proposals/" + created.id()))
                .body(created);
    }

    @GetMapping("/proposals/{id}")
    @PreAuthorize(InnovationRoles.READ_PROPOSAL_EXPRESSION)
    @Operation(summary = "One proposal with its completeness and history")
    ProposalDetail proposal(@PathVariable long id) {
        ProposalView proposal = proposals.view(id);
        return new ProposalDetail(
                proposal,
                proposals.completeness(id),
                proposals.history(id),
                proposal.group() == ProposalGroup.REPLICATION
                        ? replications
                                .linkFor(proposal.unitId(), proposal.sourceInnovationId())
                                .orElse(null)
                        : null);
    }

    @PostMapping("/proposals/{id}/answers")
    @PreAuthorize(InnovationRoles.DRAFT_PROPOSAL_EXPRESSION)
    @Operation(summary = "Save one answer of the draft; returns the completeness")
    Completeness answer(@PathVariable long id, @RequestBody AnswerRequest request) {
        return proposals.saveAnswer(id, request.aspect(), request.answer());
    }

    @PostMapping("/proposals/{id}/send")
    @PreAuthorize(InnovationRoles.DRAFT_PROPOSAL_EXPRESSION)
    @Operation(summary = "Send the complete draft to the agency verifier (unit operator, before the unit deadline)")
    ProposalView send(@PathVariable long id) {
        return proposals.sendToAgency(id);
    }

    @PostMapping("/proposals/{id}/return")
    @PreAuthorize(InnovationRoles.VERIFY_PROPOSAL_EXPRESSION)
    @Operation(summary = "Return the proposal to the unit with a comment (agency verifier)")
    ProposalView returnToUnit(@PathVariable long id, @RequestBody ReturnRequest request) {
        return proposals.returnToUnit(id, request.comment());
    }

    @PostMapping("/proposals/{id}/submit")
    @PreAuthorize(InnovationRoles.VERIFY_PROPOSAL_EXPRESSION)
    @Operation(summary = "Submit the proposal to the ministry (agency verifier, before the submission deadline)")
    ProposalView submit(@PathVariable long id) {
        return proposals.submit(id);
    }

    @GetMapping("/proposals/{id}/advice")
    @PreAuthorize(InnovationRoles.SCREEN_PROPOSAL_EXPRESSION)
    @Operation(summary = "What the system suggests for the administrative selection of the proposal")
    ScreeningAdvice advice(@PathVariable long id) {
        return proposals.advice(id);
    }

    @PostMapping("/proposals/{id}/screen")
    @PreAuthorize(InnovationRoles.SCREEN_PROPOSAL_EXPRESSION)
    @Operation(summary = "Pass or fail the proposal in the administrative selection, with reasons and a note")
    ProposalView screen(@PathVariable long id, @RequestBody ScreenRequest request) {
        if (request.pass() == null) {
            throw BusinessException.invalid("pass", "innovation.screening.resultRequired");
        }
        return proposals.screen(
                id,
                request.pass(),
                request.reasonsOrEmpty().isEmpty() ? Set.of() : java.util.EnumSet.copyOf(request.reasonsOrEmpty()),
                request.note());
    }

    @GetMapping("/evaluations")
    @PreAuthorize(InnovationRoles.EVALUATOR_EXPRESSION)
    @Operation(summary = "The caller's assignments")
    List<AssignmentView> evaluations() {
        return evaluations.assignedTo(me());
    }

    @PostMapping("/evaluations/{id}/scores")
    @PreAuthorize(InnovationRoles.OWN_ASSIGNMENT_EXPRESSION)
    @Operation(summary = "Score an assigned proposal aspect by aspect (1 to the period's scale) with comments")
    ScoreSheet score(@PathVariable long id, @RequestBody ScoresRequest request) {
        return evaluations.score(
                id,
                request.scores() == null ? Map.of() : request.scores(),
                request.comments() == null ? Map.of() : request.comments());
    }

    @GetMapping("/notifications")
    @PreAuthorize(InnovationRoles.PARTICIPANT_EXPRESSION)
    @Operation(summary = "The caller's inbox, newest first")
    List<Notification> notifications() {
        return notifications.inbox(me(), 200);
    }

    private long me() {
        return access.currentUser().orElseThrow().userId();
    }
}
