package id.peduli.innovation.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * A proposal's scores: the mean of its evaluators' raw totals, the mean of their normalised scores, the spread between
 * the highest and the lowest normalised score and whether that spread is a disagreement (see {@link PeriodScores}).
 */
@Schema(name = "InnovationProposalScores")
public record ProposalScores(
        long proposalId,
        BigDecimal raw,
        BigDecimal normalised,
        BigDecimal spread,
        boolean disagreement,
        List<EvaluatorScore> evaluators) {

    /** One evaluator's raw total and its normalised value (both empty until the evaluator has scored). */
    @Schema(name = "InnovationEvaluatorScore")
    public record EvaluatorScore(
            long assignmentId, String evaluatorName, boolean secondOpinion, BigDecimal raw, BigDecimal normalised) {}
}
