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
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
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

    @AfterEach
    void resetLanguage() {
        LocaleContextHolder.resetLocaleContext();
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
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));

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
                    assertThat(e.args()).containsExactly("Daerah 3T: 0 dari minimal 1");
                });
        assertThat(state(ids.get(4))).isEqualTo("SHORTLISTED");
        List<String> violated = InnovationTestSupport.as(
                context,
                "panelis",
                () -> panel.change(ids.get(4), false, "Bukti lapangan tidak mendukung klaim hasil inovasi."));
        assertThat(violated).containsExactly("Daerah 3T: 0 dari minimal 1");
        assertThat(state(ids.get(4))).isEqualTo("NOT_SELECTED");
        // putting it back meets the floor again
        assertThat(InnovationTestSupport.as(
                        context,
                        "panelis",
                        () -> panel.change(ids.get(4), true, "Sanggahan dijawab: bukti tambahan diterima.")))
                .isEmpty();
        assertThat(state(ids.get(4))).isEqualTo("SHORTLISTED");
    }

    @Test
    void everyKindOfUnmetFloorIsNamedInWordsInTheCallersLanguage() {
        int year = YEAR - 1;
        long period = InnovationTestSupport.as(
                context,
                "sekretariat",
                () -> context.getBean(Periods.class)
                        .create(PeriodForm.defaults(year))
                        .id());
        jdbc.sql("delete from innovation.quota_floor where period_id = ?")
                .param(period)
                .update();
        for (String[] floor : new String[][] {
            {"CATEGORY", "SOCIAL_PROTECTION", "3"},
            {"GROUP", "REPLICATION", "1"},
            {"PARTICIPANT_TYPE", "MINISTRY", "2"},
            {"THREE_T", "true", "1"}
        }) {
            jdbc.sql("insert into innovation.quota_floor (period_id, dimension, value, minimum) values (?, ?, ?, ?)")
                    .params(period, floor[0], floor[1], Integer.parseInt(floor[2]))
                    .update();
        }
        jdbc.sql("update innovation.period set top_first = 3 where id = ?")
                .param(period)
                .update();
        // two general proposals of social protection, one of a ministry, none from a 3T region
        scored(period, "Inovasi Kalimat " + year + " A", 90, false);
        long ministry = scored(period, "Inovasi Kalimat " + year + " B", 80, false);
        jdbc.sql("update innovation.innovation set participant_type = 'MINISTRY' where id = (select innovation_id "
                        + "from innovation.proposal where id = ?)")
                .param(ministry)
                .update();
        String category = context.getBean(Periods.class).get(period).categoryName("SOCIAL_PROTECTION");
        Panel panel = context.getBean(Panel.class);

        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        assertThat(refusal(panel, period))
                .isEqualTo("Kategori " + category + ": 2 dari minimal 3; Kelompok Replikasi: 0 dari minimal 1; "
                        + "Jenis peserta Kementerian/lembaga: 1 dari minimal 2; Daerah 3T: 0 dari minimal 1");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(refusal(panel, period))
                .isEqualTo("Category " + category + ": 2 of at least 3; Group Replication: 0 of at least 1; "
                        + "Participant type Ministry or agency: 1 of at least 2; 3T region: 0 of at least 1");
        // refused, so nothing was shortlisted
        assertThat(jdbc.sql("select count(*) from innovation.proposal where period_id = ? and state = 'SHORTLISTED'")
                        .param(period)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** The unmet floors the refusal of a Top N proposal without justification names. */
    private String refusal(Panel panel, long period) {
        try {
            InnovationTestSupport.as(context, "panelis", () -> panel.proposeTop(period, null));
        } catch (BusinessException e) {
            assertThat(e.messageKey()).isEqualTo("innovation.top99.floorsUnmet");
            assertThat(e.args()).hasSize(1);
            return String.valueOf(e.args()[0]);
        }
        throw new AssertionError("the proposal was not refused");
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
