package id.peduli.innovation.award;

import static id.peduli.access.AccessTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.access.Users;
import id.peduli.innovation.CompetitionTestData;
import id.peduli.innovation.InnovationTestSupport;
import java.util.List;
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
 * S7 recorded by an evaluator of the proposal, naming the panelist who came along: only a visit with both moves the
 * proposal on; an evaluator not assigned to the proposal does not find it, one with a conflict is refused.
 */
@PeduliTest
class EvaluatorFieldVisitTests {

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
    void anAssignedEvaluatorRecordsTheVisitWithAPanelist() throws Exception {
        long id = presented("Layanan Kunjungan Evaluator");
        // not assigned to them: not found, like a missing proposal
        mvc.perform(get("/innovation/proposals/" + id + "/field-visit").with(as(context, "evaluator")))
                .andExpect(status().isNotFound());
        mvc.perform(visit(id, "evaluator", "panelis")).andExpect(status().isNotFound());
        assign(id, "evaluator");
        assign(id, "penilai.temanggung");

        mvc.perform(get("/innovation/evaluations").with(as(context, "evaluator")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"fieldVisit-" + id + "\"")));
        mvc.perform(get("/innovation/proposals/" + id + "/field-visit").with(as(context, "evaluator")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"fieldVisitForm\"")))
                .andExpect(content().string(Matchers.containsString("tercatat sebagai evaluator")));
        // the evaluator of the proposal's own agency: refused, audited
        mvc.perform(get("/innovation/proposals/" + id + "/field-visit").with(as(context, "penilai.temanggung")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"visitConflicted\"")));
        mvc.perform(visit(id, "penilai.temanggung", "panelis")).andExpect(status().isConflict());
        assertThat(visits(id)).isZero();

        // the evaluator alone: kept, but the proposal stays presented
        mvc.perform(visit(id, "evaluator", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/innovation/evaluations"));
        assertThat(visits(id)).isEqualTo(1);
        assertThat(state(id)).isEqualTo("PRESENTED");
        // with the panelist named: verified in the field
        mvc.perform(visit(id, "evaluator", "panelis")).andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("FIELD_VERIFIED");
        List<String> members = jdbc.sql("""
                        select m.role from innovation.field_visit_member m join innovation.field_visit v
                            on v.id = m.visit_id where v.proposal_id = ? and v.recorded_by = 'evaluator'
                        order by v.id desc, m.role limit 2
                        """).param(id).query(String.class).list();
        assertThat(members).containsExactly("EVALUATOR", "PANELIST");
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

    private RequestBuilder visit(long id, String user, String companions) {
        return multipart("/innovation/proposals/" + id + "/field-visit")
                .file(new MockMultipartFile("photos", "a.png", "image/png", CompetitionStagesTests.PNG))
                .with(as(context, user))
                .with(csrf())
                .param("visitedOn", Today.date().minusDays(1).toString())
                .param("verdict", "VERIFIED")
                .param("notes", "Layanan berjalan seperti diuraikan.")
                .param("companions", companions);
    }

    /** A presented proposal of the demo operator's unit in a period of its own. */
    private long presented(String title) throws Exception {
        long id = PresentationTestData.scheduled(context, mvc, title);
        mvc.perform(post("/innovation/proposals/" + id + "/presentation/score")
                        .with(as(context, "panelis"))
                        .with(csrf())
                        .param("presentation", "8")
                        .param("interview", "9"))
                .andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("PRESENTED");
        return id;
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
