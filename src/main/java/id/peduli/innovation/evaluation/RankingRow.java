package id.peduli.innovation.evaluation;

import id.peduli.innovation.proposal.ProposalState;
import id.peduli.innovation.proposal.ProposalView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One line of the ranked list: raw and normalised scores and whether the evaluators disagree. */
@Schema(name = "InnovationRankingRow")
public record RankingRow(
        int rank,
        long proposalId,
        String title,
        String unitName,
        ProposalState state,
        BigDecimal raw,
        BigDecimal normalised,
        boolean disagreement) {

    /** The rows of proposals already in rank order; {@code disagreements} names those whose evaluators disagree. */
    public static List<RankingRow> rows(List<ProposalView> ranked, Set<Long> disagreements) {
        List<RankingRow> rows = new ArrayList<>(ranked.size());
        int rank = 0;
        for (ProposalView p : ranked) {
            rows.add(new RankingRow(
                    ++rank,
                    p.id(),
                    p.title(),
                    p.unitName(),
                    p.state(),
                    p.assessmentScore(),
                    p.normalisedScore(),
                    disagreements.contains(p.id())));
        }
        return rows;
    }
}
