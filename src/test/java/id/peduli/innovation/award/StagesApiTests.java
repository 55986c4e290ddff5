package id.peduli.innovation.award;

import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.access.AccessTestSupport;
import id.peduli.access.Users;
import id.peduli.innovation.CompetitionTestData;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.period.PeriodForm;
import id.peduli.innovation.period.Periods;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * S6 and S7 through {@code /api/v1}: the schedule and the scores with their versions, the field visits with photos as
 * multipart checked like on the page, and the refusals: wrong role (403), outside the caller's scope (404), conflicts.
 */
@PeduliTest
class StagesApiTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seed() {
        InnovationTestSupport.ensureSeed(context);
        CompetitionTestData.evaluator(context, "penilai.temanggung", "Dinas Sosial Kabupaten Temanggung");
    }

    @Test
    void presentationAndFieldVisitThroughTheApi() throws Exception {
        long id = top99("Layanan Lewat API");
        String base = "/api/v1/innovation/proposals/" + id;
        String when = Today.date().minusDays(2).toString();

        // wrong roles
        mvc.perform(json(put(base + "/presentation/schedule"), "operator.temanggung", schedule(when, 0)))
                .andExpect(status().isForbidden());
        mvc.perform(json(put(base + "/presentation/scores/mine"), "evaluator", score(8, 0)))
                .andExpect(status().isForbidden());
        // no version: refused; the first schedule on version 0, then a stale version 0 again
        mvc.perform(json(put(base + "/presentation/schedule"), "sekretariat", "{\"date\": \"" + when + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("version"));
        mvc.perform(json(put(base + "/presentation/schedule"), "sekretariat", schedule(when, 0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scheduleVersion").value(1))
                .andExpect(jsonPath("$.schedule.link").value("https://meet.example.go.id/kipp"));
        mvc.perform(json(put(base + "/presentation/schedule"), "sekretariat", schedule(when, 0)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("error.staleVersion"));
        // scores outside the scale, then the panelist's score and its correction with the version
        mvc.perform(json(put(base + "/presentation/scores/mine"), "panelis", score(11, 0)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("presentation"));
        mvc.perform(json(put(base + "/presentation/scores/mine"), "panelis", score(8, 0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scores[0].version").value(1));
        mvc.perform(json(put(base + "/presentation/scores/mine"), "panelis", score(9, 0)))
                .andExpect(status().isConflict());
        mvc.perform(json(put(base + "/presentation/scores/mine"), "panelis", score(9, 1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scores[0].presentation").value(9));
        assertThat(state(id)).isEqualTo("PRESENTED");
        mvc.perform(bearer(get(base + "/presentation"), context, "panelis"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scores.length()").value(1));

        // field visits: an evaluator not assigned to the proposal does not find it; one of its agency is refused
        mvc.perform(visit(base, "evaluator", "panelis", CompetitionStagesTests.PNG))
                .andExpect(status().isNotFound());
        assign(id, "evaluator");
        assign(id, "penilai.temanggung");
        mvc.perform(visit(base, "penilai.temanggung", "panelis", CompetitionStagesTests.PNG))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("innovation.visit.conflicted"));
        // photos checked by content and size
        mvc.perform(visit(base, "evaluator", "panelis", CompetitionStagesTests.PDF))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("photos"));
        mvc.perform(visit(
                        base, "evaluator", "panelis", Arrays.copyOf(CompetitionStagesTests.JPEG, 5 * 1024 * 1024 + 1)))
                .andExpect(status().isUnprocessableEntity());
        assertThat(visits(id)).isZero();
        mvc.perform(visit(base, "evaluator", "panelis", CompetitionStagesTests.PNG))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.movedToFinal").value(true));
        assertThat(state(id)).isEqualTo("FIELD_VERIFIED");

        // reading: the competition only
        mvc.perform(bearer(get(base + "/field-visits"), context, "evaluator")).andExpect(status().isForbidden());
        mvc.perform(bearer(get(base + "/field-visits"), context, "sekretariat"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].verdict").value("VERIFIED"))
                .andExpect(jsonPath("$[0].members.length()").value(2));
        long photo = jdbc.sql("select f.id from innovation.field_visit_photo f join innovation.field_visit v on "
                        + "v.id = f.visit_id where v.proposal_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        mvc.perform(bearer(get(base + "/field-visits/photos/" + photo), context, "panelis"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(CompetitionStagesTests.PNG));
        mvc.perform(bearer(get("/api/v1/innovation/proposals/999999999/field-visits"), context, "sekretariat"))
                .andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String user, String body) {
        return bearer(request, context, user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static String schedule(String date, int version) {
        return "{\"date\": \"" + date + "\", \"time\": \"10:00\", \"link\": \"https://meet.example.go.id/kipp\", "
                + "\"version\": " + version + "}";
    }

    private static String score(int presentation, int version) {
        return "{\"presentation\": " + presentation + ", \"interview\": 9, \"comment\": \"Jelas\", \"version\": "
                + version + "}";
    }

    private RequestBuilder visit(String base, String user, String companions, byte[] photo) {
        MockMultipartHttpServletRequestBuilder request = multipart(base + "/field-visits");
        request.file(new MockMultipartFile("photos", "foto.png", "image/png", photo));
        return request.header("Authorization", "Bearer " + AccessTestSupport.tokenFor(context, user, 1))
                .param("visitedOn", Today.date().minusDays(1).toString())
                .param("verdict", "VERIFIED")
                .param("notes", "Layanan berjalan seperti diuraikan.")
                .param("companions", companions);
    }

    private void assign(long proposal, String username) {
        long evaluator = context.getBean(Users.class)
                .findByUsername(username)
                .orElseThrow()
                .id();
        jdbc.sql("""
                        insert into innovation.evaluator_assignment (proposal_id, evaluator_id, evaluator_name,
                            second_opinion, assigned_by, assigned_at, submitted_at, total)
                        values (?, ?, ?, false, 'sekretariat', now(), now(), 88)
                        """).params(proposal, evaluator, username).update();
    }

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
        long unit = CompetitionTestData.unit(context, "Dinas Sosial Kabupaten Temanggung");
        long innovation = jdbc.sql("insert into innovation.innovation (unit_id, title, started_on) values (?, ?, "
                        + "date '2019-01-01') returning id")
                .params(unit, title + " " + year)
                .query(Long.class)
                .single();
        return jdbc.sql("""
                        insert into innovation.proposal (period_id, innovation_id, unit_id, grp, state, assessment_score,
                            normalised_score)
                        values (?, ?, ?, 'GENERAL', 'TOP99', 88, 90) returning id
                        """).params(period, innovation, unit).query(Long.class).single();
    }

    private String state(long id) {
        return jdbc.sql("select state from innovation.proposal where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private long visits(long id) {
        return jdbc.sql("select count(*) from innovation.field_visit where proposal_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }
}
