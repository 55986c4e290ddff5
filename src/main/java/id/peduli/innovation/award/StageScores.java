package id.peduli.innovation.award;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The scores of S6 and S7 and the decision-support score of S8, kept on the proposal whenever a panelist's
 * presentation score or a field visit changes.
 *
 * <ul>
 *   <li><b>S6</b>: the mean over panelists of their presentation and interview scores, each read as a share of the
 *       period's scale top and expressed on 0–100 (a 10 on a 1–10 scale gives 100, like the rubric of S4).
 *   <li><b>S7</b>: over the visits that had both a panelist and an evaluator, the share of verdicts
 *       {@code VERIFIED}, on 0–100 (one visit that found a discrepancy gives 0).
 *   <li><b>S8</b>: {@code (wA · S4 + wP · S6 + wF · S7) / 100} with the period's weights (40/40/20 by default), S4
 *       being the normalised assessment score (the raw one when there is no normalised score); set once S6 and S7
 *       both have a score.
 * </ul>
 */
@Component
class StageScores {

    private final JdbcClient jdbc;

    StageScores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes the S6, S7 and S8 scores of the proposal; returns the S6 score (null before any). */
    BigDecimal refresh(long proposalId) {
        BigDecimal presentation =
                jdbc.sql("""
                        select avg((s.presentation + s.interview) * 50.0 / per.scale_max)
                        from innovation.presentation_score s
                        join innovation.proposal p on p.id = s.proposal_id
                        join innovation.period per on per.id = p.period_id
                        where s.proposal_id = ?
                        """).param(proposalId).query(BigDecimal.class).list().get(0);
        BigDecimal field =
                jdbc.sql("""
                        select avg(case when v.verdict = 'VERIFIED' then 100.0 else 0.0 end)
                        from innovation.field_visit v
                        where v.proposal_id = ?
                            and exists (select 1 from innovation.field_visit_member m
                                        where m.visit_id = v.id and m.role = 'PANELIST')
                            and exists (select 1 from innovation.field_visit_member m
                                        where m.visit_id = v.id and m.role = 'EVALUATOR')
                        """).param(proposalId).query(BigDecimal.class).list().get(0);
        BigDecimal s6 = presentation == null ? null : presentation.setScale(2, RoundingMode.HALF_UP);
        BigDecimal s7 = field == null ? null : field.setScale(2, RoundingMode.HALF_UP);
        BigDecimal decision = null;
        if (s6 != null && s7 != null) {
            decision = jdbc.sql("""
                            select (per.weight_assessment * coalesce(p.normalised_score, p.assessment_score, 0)
                                + per.weight_presentation * ? + per.weight_field * ?) / 100.0
                            from innovation.proposal p join innovation.period per on per.id = p.period_id
                            where p.id = ?
                            """)
                    .params(s6, s7, proposalId)
                    .query(BigDecimal.class)
                    .single()
                    .setScale(2, RoundingMode.HALF_UP);
        }
        jdbc.sql("update innovation.proposal set presentation_score = ?, field_score = ?, decision_score = ? "
                        + "where id = ?")
                .params(s6, s7, decision, proposalId)
                .update();
        return s6;
    }
}
