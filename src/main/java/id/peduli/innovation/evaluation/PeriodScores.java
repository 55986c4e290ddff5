package id.peduli.innovation.evaluation;

import id.peduli.innovation.proposal.StoredProposals;
import id.peduli.innovation.selection.ScoreNormalisation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The normalised scores of a period ({@link ScoreNormalisation}: per-evaluator z-score within the period, 50 + 10z on
 * 0–100, with a disagreement flag per proposal).
 *
 * <p><b>When.</b> Recomputed for the whole period every time an evaluator's score sheet is complete (first submission
 * or a later change while the proposal is still open to scoring), in the same transaction as the score: one query reads
 * every submitted total of the period, the algorithm runs in memory, two batch updates write the results. A new score
 * shifts its evaluator's mean and deviation, so every proposal that evaluator scored may move; recomputing the whole
 * period keeps the stored figures exactly what the algorithm gives for the scores as they stand. The panel's ranking and
 * the Top 99 proposal read {@code proposal.normalised_score}.
 */
@Service
public class PeriodScores {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PeriodScores(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Recomputes and stores the normalised scores of every scored proposal of the period. */
    @Transactional
    ScoreNormalisation.Result recompute(long periodId) {
        List<long[]> keys = new ArrayList<>(); // {assignment, proposal, evaluator}
        List<ScoreNormalisation.Score> scores = new ArrayList<>();
        jdbc.sql("""
                        select a.id, a.proposal_id, a.evaluator_id, a.total
                        from innovation.evaluator_assignment a join innovation.proposal p on p.id = a.proposal_id
                        where p.period_id = ? and a.submitted_at is not null and a.total is not null
                        order by a.id
                        """).param(periodId).query(rs -> {
            keys.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            scores.add(new ScoreNormalisation.Score(
                    rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4).doubleValue()));
        });
        ScoreNormalisation.Result result = ScoreNormalisation.normalise(scores);
        List<Object[]> perAssignment = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            perAssignment.add(new Object[] {round(result.scores().get(i).normalised()), keys.get(i)[0]});
        }
        template.batchUpdate("update innovation.evaluator_assignment set normalised = ? where id = ?", perAssignment);
        List<Object[]> perProposal = new ArrayList<>(result.proposals().size());
        for (ScoreNormalisation.ProposalScore p : result.proposals()) {
            perProposal.add(new Object[] {
                round(p.meanRaw()),
                round(p.meanNormalised()),
                round(p.normalisedSpread()),
                p.disagreement(),
                p.proposalId()
            });
        }
        template.batchUpdate(
                "update innovation.proposal set assessment_score = ?, normalised_score = ?, normalised_spread = ?, "
                        + "score_disagreement = ? where id = ?",
                perProposal);
        return result;
    }

    /** The scores of one proposal, by evaluator (those who have not submitted yet have no total). */
    public ProposalScores of(long proposalId) {
        Map<String, Object> row = jdbc.sql("select assessment_score, normalised_score, normalised_spread, "
                        + "score_disagreement from innovation.proposal where id = ?")
                .param(proposalId)
                .query((rs, n) -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("raw", rs.getBigDecimal(1));
                    m.put("normalised", rs.getBigDecimal(2));
                    m.put("spread", rs.getBigDecimal(3));
                    m.put("disagreement", rs.getBoolean(4));
                    return m;
                })
                .optional()
                .orElseThrow(() -> StoredProposals.notFound(proposalId));
        List<ProposalScores.EvaluatorScore> evaluators = jdbc.sql("""
                        select id, evaluator_name, second_opinion, total, normalised
                        from innovation.evaluator_assignment where proposal_id = ? order by id
                        """)
                .param(proposalId)
                .query((rs, n) -> new ProposalScores.EvaluatorScore(
                        rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
        return new ProposalScores(
                proposalId,
                (BigDecimal) row.get("raw"),
                (BigDecimal) row.get("normalised"),
                (BigDecimal) row.get("spread"),
                (Boolean) row.get("disagreement"),
                evaluators);
    }

    /** The proposals of the period whose evaluators disagree. */
    public Set<Long> disagreements(long periodId) {
        return new HashSet<>(jdbc.sql("select id from innovation.proposal where period_id = ? and score_disagreement")
                .param(periodId)
                .query(Long.class)
                .list());
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
