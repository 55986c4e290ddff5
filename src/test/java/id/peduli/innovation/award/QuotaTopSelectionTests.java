package id.peduli.innovation.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.PeduliTest;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.period.PeriodForm;
import id.peduli.innovation.period.Periods;
import id.peduli.shared.BusinessException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The panel's Top N proposal fills the period's quota floors first (here: one proposal from a 3T region, although it
 * has the lowest score), then goes by score; a manual change that breaks a floor is refused without a written
 * justification naming the floor, and recorded with it.
 */
@PeduliTest
class QuotaTopSelectionTests {

    private static final int YEAR = 2047;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seed() {
        InnovationTestSupport.ensureSeed(context);
    }

    @Test
    void floorsAreFilledFirstAndAManualChangeBreakingOneNeedsAJustification() {
        long period = InnovationTestSupport.as(
                context,
                "sekretariat",
                () -> context.getBean(Periods.class)
                        .create(PeriodForm.defaults(YEAR))
                        .id());
        jdbc.sql("delete from innovation.quota_floor where period_id = ?")
                .param(period)
                .update();
        jdbc.sql("insert into innovation.quota_floor (period_id, dimension, value, minimum) "
                        + "values (?, 'THREE_T', 'true', 1)")
                .param(period)
                .update();
        jdbc.sql("update innovation.period set top_first = 3 where id = ?")
                .param(period)
                .update();
        List<Long> ids = new ArrayList<>();
        double[] scores = {90, 85, 80, 75, 70};
        for (int i = 0; i < scores.length; i++) {
            ids.add(scored(period, "Inovasi Kuota " + YEAR + " " + i, scores[i], i == 4));
        }
        Panel panel = context.getBean(Panel.class);

        // no justification needed: the 3T floor is met by the selection itself
        List<String> unmet = InnovationTestSupport.as(context, "panelis", () -> panel.proposeTop(period, null));
        assertThat(unmet).isEmpty();
        assertThat(ids.stream().map(this::state).toList())
                .containsExactly("SHORTLISTED", "SHORTLISTED", "NOT_SELECTED", "NOT_SELECTED", "SHORTLISTED");

        // leaving the only 3T proposal out breaks the floor: refused without a justification, nothing changed
        assertThatThrownBy(
                        () -> InnovationTestSupport.as(context, "panelis", () -> panel.change(ids.get(4), false, " ")))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("innovation.top99.floorsViolated");
                    assertThat(e.args()).containsExactly("THREE_T=3T (0/1)");
                });
        assertThat(state(ids.get(4))).isEqualTo("SHORTLISTED");
        List<String> violated = InnovationTestSupport.as(
                context,
                "panelis",
                () -> panel.change(ids.get(4), false, "Bukti lapangan tidak mendukung klaim hasil inovasi."));
        assertThat(violated).containsExactly("THREE_T=3T (0/1)");
        assertThat(state(ids.get(4))).isEqualTo("NOT_SELECTED");
        // putting it back meets the floor again
        assertThat(InnovationTestSupport.as(
                        context,
                        "panelis",
                        () -> panel.change(ids.get(4), true, "Sanggahan dijawab: bukti tambahan diterima.")))
                .isEmpty();
        assertThat(state(ids.get(4))).isEqualTo("SHORTLISTED");
    }

    private long scored(long period, String title, double score, boolean threeT) {
        long unit = jdbc.sql("select unit_id from innovation.proposal order by id limit 1")
                .query(Long.class)
                .single();
        long innovation = jdbc.sql("insert into innovation.innovation (unit_id, title, started_on, three_t) "
                        + "values (?, ?, date '2015-01-01', ?) returning id")
                .params(unit, title, threeT)
                .query(Long.class)
                .single();
        return jdbc.sql("insert into innovation.proposal (period_id, innovation_id, unit_id, grp, category_code, state,"
                        + " assessment_score, normalised_score) values (?, ?, ?, 'GENERAL', 'SOCIAL_PROTECTION', "
                        + "'SCORED', ?, ?) returning id")
                .params(period, innovation, unit, score, score)
                .query(Long.class)
                .single();
    }

    private String state(long id) {
        return jdbc.sql("select state from innovation.proposal where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }
}
