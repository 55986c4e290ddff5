package id.peduli.innovation.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What the secretariat sees of a period's assignment ({@link AutoAssignments}), and what the last run did: how many
 * assignments it made and which proposals it could not serve.
 */
@Schema(name = "InnovationAssignmentOverview")
public record AssignmentOverview(
        long periodId,
        int assigned,
        List<EvaluatorLoad> evaluators,
        List<Waiting> waiting,
        List<Shortfall> unassigned) {

    /** An evaluator with their number of proposals in the period and their cap. */
    @Schema(name = "InnovationEvaluatorLoad")
    public record EvaluatorLoad(long userId, String username, String fullName, int load, int cap) {}

    /**
     * A passed proposal with no evaluator still to score it: none assigned yet, or ({@code secondOpinion}) its only
     * score lies near the pass mark and it waits for a second evaluator.
     */
    @Schema(name = "InnovationAssignmentWaiting")
    public record Waiting(long proposalId, String title, boolean secondOpinion) {}

    /**
     * A proposal the run could not serve: {@code reason} is NO_ELIGIBLE_EVALUATOR, TOO_FEW_ELIGIBLE_EVALUATORS or
     * CAPACITY_EXHAUSTED.
     */
    @Schema(name = "InnovationAssignmentShortfall")
    public record Shortfall(long proposalId, String reason, int missing) {}
}
