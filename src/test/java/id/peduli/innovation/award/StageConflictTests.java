package id.peduli.innovation.award;

import static id.peduli.access.AccessTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.access.NewUserCommand;
import id.peduli.access.Role;
import id.peduli.access.UserCommand;
import id.peduli.access.Users;
import id.peduli.innovation.CompetitionTestData;
import id.peduli.innovation.InnovationTestSupport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Conflicts of interest at S6 and S7: a panelist of the proposal's own agency (or above or below it), or one who
 * declared a conflict, neither scores the presentation nor takes part in the field visit, nor is an evaluator with a
 * conflict named in one; each refusal is audited, and the pages do not offer what would be refused.
 */
@PeduliTest
class StageConflictTests {

    static final byte[] PNG = CompetitionStagesTests.PNG;

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seed() {
        InnovationTestSupport.ensureSeed(context);
        // a panelist and an evaluator of the Temanggung regency, whose agency the demo operator's unit belongs to
        person("panelis.temanggung", Role.PANELIST, "Dinas Sosial Kabupaten Temanggung");
        CompetitionTestData.evaluator(context, "penilai.temanggung", "Dinas Sosial Kabupaten Temanggung");
    }

    @Test
    void aPanelistOfTheProposalsOwnAgencyCannotScoreItsPresentationNorVisitIt() throws Exception {
        long id = scheduled("Layanan Konflik Panelis");
        mvc.perform(get("/innovation/proposals/" + id).with(as(context, "panelis.temanggung")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"panelConflicted\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"presentationScoreForm\""))));
        mvc.perform(score(id, "panelis.temanggung"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", Matchers.containsString("konflik kepentingan")));
        assertThat(scores(id)).isZero();
        assertThat(state(id)).isEqualTo("TOP99");
        assertThat(refusals(id, "innovation.presentation.conflicted")).isEqualTo(1);

        // another panelist scores; the conflicted one may not record the visit, and the page does not offer it
        mvc.perform(score(id, "panelis")).andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("PRESENTED");
        mvc.perform(get("/innovation/proposals/" + id + "/field-visit").with(as(context, "panelis.temanggung")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"visitConflicted\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"fieldVisitForm\""))));
        mvc.perform(visit(id, "panelis.temanggung", "evaluator")).andExpect(status().isConflict());
        assertThat(visits(id)).isZero();
        assertThat(refusals(id, "innovation.visit.conflicted")).isEqualTo(1);

        // nor may the clean panelist name them, or an evaluator of the same agency, as companions
        mvc.perform(visit(id, "panelis", "panelis.temanggung"))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("panelis.temanggung")));
        mvc.perform(visit(id, "panelis", "penilai.temanggung"))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("penilai.temanggung")));
        assertThat(visits(id)).isZero();
        assertThat(refusals(id, "innovation.visit.memberConflicted")).isEqualTo(2);
        mvc.perform(visit(id, "panelis", "evaluator")).andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("FIELD_VERIFIED");
    }

    @Test
    void aPanelistWhoDeclaredAConflictCannotScoreNorVisit() throws Exception {
        long id = scheduled("Layanan Konflik Dinyatakan");
        mvc.perform(get("/innovation/proposals/" + id).with(as(context, "panelis")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"panelConflictForm\"")))
                .andExpect(content().string(Matchers.containsString("id=\"presentationScoreForm\"")));
        // without a reason: refused
        mvc.perform(post("/innovation/proposals/" + id + "/panel-conflict")
                        .with(as(context, "panelis"))
                        .with(csrf())
                        .param("reason", " "))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", Matchers.containsString("alasan")));
        assertThat(declared(id)).isZero();
        mvc.perform(post("/innovation/proposals/" + id + "/panel-conflict")
                        .with(as(context, "panelis"))
                        .with(csrf())
                        .param("reason", "Saya pernah menjadi konsultan inovasi ini."))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("success"));
        assertThat(declared(id)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'CONFLICT_DECLARE' and subject_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get("/innovation/proposals/" + id).with(as(context, "panelis")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"panelConflicted\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"presentationScoreForm\""))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"panelConflictForm\""))));
        mvc.perform(score(id, "panelis")).andExpect(status().is3xxRedirection());
        assertThat(scores(id)).isZero();
        assertThat(refusals(id, "innovation.presentation.conflicted")).isEqualTo(1);

        // the panel goes on without them: the declared panelist cannot visit
        person("panelis.kedua", Role.PANELIST, "Pemerintah Kota Surabaya");
        mvc.perform(score(id, "panelis.kedua")).andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("PRESENTED");
        mvc.perform(visit(id, "panelis", "evaluator")).andExpect(status().isConflict());
        mvc.perform(visit(id, "panelis.kedua", "panelis,evaluator")).andExpect(status().isConflict());
        assertThat(visits(id)).isZero();
        assertThat(refusals(id, "innovation.visit.conflicted")).isEqualTo(1);
        assertThat(refusals(id, "innovation.visit.memberConflicted")).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private RequestBuilder score(long id, String panelist) {
        return post("/innovation/proposals/" + id + "/presentation/score")
                .with(as(context, panelist))
                .with(csrf())
                .param("presentation", "8")
                .param("interview", "9")
                .param("comment", "Jelas");
    }

    private RequestBuilder visit(long id, String panelist, String companions) {
        return multipart("/innovation/proposals/" + id + "/field-visit")
                .file(new MockMultipartFile("photos", "a.png", "image/png", PNG))
                .with(as(context, panelist))
                .with(csrf())
                .param("visitedOn", Today.date().minusDays(1).toString())
                .param("verdict", "VERIFIED")
                .param("notes", "Layanan berjalan seperti diuraikan.")
                .param("companions", companions);
    }

    /** A Top 99 proposal of the demo operator's unit in a period of its own, with its presentation scheduled. */
    private long scheduled(String title) throws Exception {
        return PresentationTestData.scheduled(context, mvc, title);
    }

    private void person(String username, Role role, String unitName) {
        Users users = context.getBean(Users.class);
        if (users.findByUsername(username).isPresent()) {
            return;
        }
        InnovationTestSupport.as(
                context,
                "admin",
                () -> users.create(
                        new NewUserCommand(
                                username,
                                "Rahasia-Panelis-2026",
                                new UserCommand("Panel " + username, username + "@panel.peduli.id", null, "id", true),
                                false),
                        role,
                        unitName == null ? null : CompetitionTestData.unit(context, unitName)));
    }

    private String state(long id) {
        return jdbc.sql("select state from innovation.proposal where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private long scores(long id) {
        return count("select count(*) from innovation.presentation_score where proposal_id = ?", id);
    }

    private long visits(long id) {
        return count("select count(*) from innovation.field_visit where proposal_id = ?", id);
    }

    private long declared(long id) {
        return count("select count(*) from innovation.panel_conflict where proposal_id = ?", id);
    }

    private long refusals(long id, String key) {
        return jdbc.sql("select count(*) from audit.entry where action = 'INNOVATION_REFUSED' and subject_id = ? and "
                        + "changes::text like ?")
                .params(String.valueOf(id), "%" + key + "%")
                .query(Long.class)
                .single();
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }
}
