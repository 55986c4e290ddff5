package id.peduli.innovation.award;

import static id.peduli.access.AccessTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.access.Users;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.period.PeriodForm;
import id.peduli.innovation.period.Periods;
import id.peduli.shared.BusinessException;
import java.math.BigDecimal;
import java.util.Arrays;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * S6 to S8 of one Top 99 proposal: the presentation is scheduled and the unit told, panelists score it on the period's
 * scale, field visits are recorded with photos checked by content and size, the final plenary needs a visit by a
 * panelist and an evaluator, and the decision score is computed from the S4, S6 and S7 scores with the period's
 * weights.
 */
@PeduliTest
class CompetitionStagesTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    static final byte[] PDF = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seed() {
        InnovationTestSupport.ensureSeed(context);
    }

    @Test
    void presentationIsScheduledTheUnitToldAndPanelistsScoreOnTheScale() throws Exception {
        long id = top99("Layanan Presentasi");
        long operator = userId("operator.temanggung");
        // no score before the schedule
        mvc.perform(score(id, "8", "9")).andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("TOP99");
        // neither place nor link: refused
        mvc.perform(post("/innovation/proposals/" + id + "/presentation/schedule")
                        .with(as(context, "sekretariat"))
                        .with(csrf())
                        .param("date", Today.date().plusDays(7).toString())
                        .param("time", "09:30"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", Matchers.containsString("tempat")));
        mvc.perform(post("/innovation/proposals/" + id + "/presentation/schedule")
                        .with(as(context, "sekretariat"))
                        .with(csrf())
                        .param("date", Today.date().plusDays(7).toString())
                        .param("time", "09:30")
                        .param("place", "Ruang Rapat Kementerian PANRB")
                        .param("link", "https://meet.example.go.id/kipp"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from innovation.notification where recipient_id = ? and proposal_id = ? "
                                + "and message_key = 'innovation.notify.presentation'")
                        .params(operator, id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // outside the scale of 1..10: refused, nothing stored
        mvc.perform(score(id, "11", "9")).andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("TOP99");
        mvc.perform(score(id, "8", "9")).andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("PRESENTED");
        assertThat(score(id, "presentation_score")).isEqualByComparingTo("85.00");
        // the panel sees the scores on the proposal page, the unit only the schedule
        mvc.perform(get("/innovation/proposals/" + id).with(as(context, "panelis")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"presentationScores\"")))
                .andExpect(content().string(Matchers.containsString("Ruang Rapat Kementerian PANRB")))
                .andExpect(content().string(Matchers.containsString("Presentasi sangat jelas")));
        mvc.perform(get("/innovation/proposals/" + id).with(as(context, "operator.temanggung")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Ruang Rapat Kementerian PANRB")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Presentasi sangat jelas"))));
    }

    @Test
    void theFinalPlenaryNeedsAVisitByAPanelistAndAnEvaluatorAndTheDecisionScoreUsesS6AndS7() throws Exception {
        long id = presented("Layanan Kunjungan Lapangan");
        // the phone page: camera input
        mvc.perform(get("/innovation/proposals/" + id + "/field-visit").with(as(context, "panelis")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("accept=\"image/*\"")))
                .andExpect(content().string(Matchers.containsString("capture=\"environment\"")));
        // a PDF passed off as a photo, and a photo too large: refused, nothing written
        mvc.perform(visit(id, "VERIFIED", "evaluator", new MockMultipartFile("photos", "foto.jpg", "image/jpeg", PDF)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("JPEG atau PNG")));
        byte[] large = Arrays.copyOf(JPEG, 5 * 1024 * 1024 + 1);
        mvc.perform(visit(
                        id, "VERIFIED", "evaluator", new MockMultipartFile("photos", "besar.jpg", "image/jpeg", large)))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(visit(id, "VERIFIED", "bukan.pengguna", new MockMultipartFile("photos", "a.png", "image/png", PNG)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("bukan.pengguna")));
        assertThat(visits(id)).isZero();

        // the panelist alone: the visit is kept, the proposal stays presented and cannot reach the plenary
        mvc.perform(visit(id, "VERIFIED", "", new MockMultipartFile("photos", "a.png", "image/png", PNG)))
                .andExpect(status().is3xxRedirection());
        assertThat(visits(id)).isEqualTo(1);
        assertThat(state(id)).isEqualTo("PRESENTED");
        assertThatThrownBy(() -> InnovationTestSupport.as(context, "panelis", () -> {
                    context.getBean(Panel.class)
                            .recordFinalScores(id, BigDecimal.valueOf(90), BigDecimal.valueOf(90), "langsung");
                    return null;
                }))
                .isInstanceOfSatisfying(
                        BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("innovation.visit.required"));
        assertThat(state(id)).isEqualTo("PRESENTED");

        // with the evaluator, two photos: verified in the field, S7 = 100, S8 = (40·90 + 40·85 + 20·100) / 100 = 90
        mvc.perform(visit(
                        id,
                        "VERIFIED",
                        "evaluator",
                        new MockMultipartFile("photos", "a.png", "image/png", PNG),
                        new MockMultipartFile("photos", "b.jpg", "image/jpeg", JPEG)))
                .andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("FIELD_VERIFIED");
        assertThat(score(id, "field_score")).isEqualByComparingTo("100.00");
        assertThat(score(id, "decision_score")).isEqualByComparingTo("90.00");
        // a second complete visit finds a discrepancy: S7 = 50, S8 = (3600 + 3400 + 1000) / 100 = 80
        mvc.perform(visit(id, "DISCREPANCY", "evaluator", new MockMultipartFile("photos", "c.png", "image/png", PNG)))
                .andExpect(status().is3xxRedirection());
        assertThat(score(id, "field_score")).isEqualByComparingTo("50.00");
        assertThat(score(id, "decision_score")).isEqualByComparingTo("80.00");

        long photo = jdbc.sql("""
                        select f.id from innovation.field_visit_photo f join innovation.field_visit v on v.id = f.visit_id
                        where v.proposal_id = ? and f.content_type = 'image/jpeg'
                        """).param(id).query(Long.class).single();
        mvc.perform(get("/innovation/proposals/" + id + "/field-visit/photos/" + photo)
                        .with(as(context, "sekretariat")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(content().bytes(JPEG));
        mvc.perform(get("/innovation/proposals/" + id + "/field-visit/photos/" + photo)
                        .with(as(context, "operator.temanggung")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/innovation/proposals/" + id).with(as(context, "panelis")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"fieldVisits\"")))
                .andExpect(content().string(Matchers.containsString("Ada ketidaksesuaian dengan proposal")))
                .andExpect(content().string(Matchers.containsString("Tanpa evaluator")));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private org.springframework.test.web.servlet.RequestBuilder score(long id, String presentation, String interview) {
        return post("/innovation/proposals/" + id + "/presentation/score")
                .with(as(context, "panelis"))
                .with(csrf())
                .param("presentation", presentation)
                .param("interview", interview)
                .param("comment", "Presentasi sangat jelas");
    }

    private org.springframework.test.web.servlet.RequestBuilder visit(
            long id, String verdict, String companions, MockMultipartFile... photos) {
        var request = multipart("/innovation/proposals/" + id + "/field-visit");
        for (MockMultipartFile photo : photos) {
            request.file(photo);
        }
        return request.with(as(context, "panelis"))
                .with(csrf())
                .param("visitedOn", Today.date().minusDays(1).toString())
                .param("verdict", verdict)
                .param("notes", "Layanan berjalan seperti diuraikan; warga desa mengonfirmasi.")
                .param("companions", companions);
    }

    /** A proposal of the demo operator's unit in the Top 99 of a period of its own, scored 90 in S4. */
    private long top99(String title) {
        int year = jdbc.sql("select coalesce(max(year), 2089) + 1 from innovation.period where year between 2090 and "
                        + "2098")
                .query(Integer.class)
                .single();
        long period = InnovationTestSupport.as(
                context,
                "sekretariat",
                () -> context.getBean(Periods.class)
                        .create(PeriodForm.defaults(year))
                        .id());
        long unit = jdbc.sql("select p.unit_id from innovation.proposal p join innovation.innovation i on i.id = "
                        + "p.innovation_id where i.title = 'Gerai Layanan Disabilitas Terpadu Temanggung' limit 1")
                .query(Long.class)
                .single();
        long operator = userId("operator.temanggung");
        long innovation = jdbc.sql("insert into innovation.innovation (unit_id, title, started_on, created_by) values "
                        + "(?, ?, date '2019-01-01', ?) returning id")
                .params(unit, title + " " + year, operator)
                .query(Long.class)
                .single();
        return jdbc.sql("""
                        insert into innovation.proposal (period_id, innovation_id, unit_id, grp, state, assessment_score,
                            normalised_score, created_by)
                        values (?, ?, ?, 'GENERAL', 'TOP99', 88, 90, ?) returning id
                        """)
                .params(period, innovation, unit, operator)
                .query(Long.class)
                .single();
    }

    private long presented(String title) throws Exception {
        long id = top99(title);
        mvc.perform(post("/innovation/proposals/" + id + "/presentation/schedule")
                        .with(as(context, "panelis"))
                        .with(csrf())
                        .param("date", Today.date().minusDays(3).toString())
                        .param("time", "10:00")
                        .param("link", "https://meet.example.go.id/kipp"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(score(id, "8", "9")).andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("PRESENTED");
        return id;
    }

    private String state(long id) {
        return jdbc.sql("select state from innovation.proposal where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private BigDecimal score(long id, String column) {
        return jdbc.sql("select " + column + " from innovation.proposal where id = ?")
                .param(id)
                .query(BigDecimal.class)
                .single();
    }

    private long visits(long id) {
        return jdbc.sql("select count(*) from innovation.field_visit where proposal_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private long userId(String username) {
        return context.getBean(Users.class)
                .findByUsername(username)
                .orElseThrow()
                .id();
    }
}
