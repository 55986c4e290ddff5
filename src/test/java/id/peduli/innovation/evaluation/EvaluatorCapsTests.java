package id.peduli.innovation.evaluation;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.innovation.CompetitionTestData;
import id.peduli.innovation.InnovationTestSupport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The secretariat sets each evaluator's cap for a period on a page and through the API: 225 until set, never below the
 * proposals the evaluator already holds, an edit on a stale version refused; every change audited.
 */
@PeduliTest
class EvaluatorCapsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecretariatSetsACapNotBelowTheLoadOnAStaleVersionNeither() throws Exception {
        InnovationTestSupport.ensureSeed(context);
        long evaluator = CompetitionTestData.evaluator(context, "penilai.surabaya", "Pemerintah Kota Surabaya");
        long period = CompetitionTestData.period(context);
        long a = CompetitionTestData.passedProposal(context, period, "Dinas Sosial Kabupaten Temanggung", "Batas A");
        long b = CompetitionTestData.passedProposal(context, period, "Pemerintah Provinsi Jambi", "Batas B");
        for (long proposal : new long[] {a, b}) {
            InnovationTestSupport.as(
                    context,
                    "sekretariat",
                    () -> context.getBean(Evaluations.class).assign(proposal, "penilai.surabaya", false));
        }
        String caps = "/innovation/periods/" + period + "/evaluator-caps";

        // the page lists the evaluator with load 2 and the default cap 225; others may not see it
        mvc.perform(get(caps).with(as(context, "sekretariat")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"cap-" + evaluator + "\"")))
                .andExpect(content().string(Matchers.containsString("value=\"225\"")));
        mvc.perform(get(caps).with(as(context, "evaluator"))).andExpect(status().isForbidden());

        // below the two proposals they hold: refused, with how many
        mvc.perform(post(caps + "/" + evaluator)
                        .with(as(context, "sekretariat"))
                        .with(csrf())
                        .param("cap", "1")
                        .param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("sudah ditugaskan 2 proposal")))
                .andExpect(content().string(Matchers.containsString("value=\"1\"")));
        assertThat(stored(period, evaluator)).isNull();
        assertThat(refusals(period, "innovation.cap.belowLoad")).isEqualTo(1);
        // not a number: refused
        mvc.perform(post(caps + "/" + evaluator)
                        .with(as(context, "sekretariat"))
                        .with(csrf())
                        .param("cap", "banyak")
                        .param("version", "0"))
                .andExpect(status().isUnprocessableEntity());

        // set to 2 from the page, then to 40 through the API with the version read
        mvc.perform(post(caps + "/" + evaluator)
                        .with(as(context, "sekretariat"))
                        .with(csrf())
                        .param("cap", "2")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(stored(period, evaluator)).isEqualTo(2);
        mvc.perform(bearer(get("/api/v1" + caps), context, "sekretariat"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.userId == " + evaluator + ")].cap").value(Matchers.contains(2)))
                .andExpect(jsonPath("$[?(@.userId == " + evaluator + ")].load").value(Matchers.contains(2)))
                .andExpect(
                        jsonPath("$[?(@.userId == " + evaluator + ")].version").value(Matchers.contains(1)));
        mvc.perform(bearer(put("/api/v1" + caps + "/" + evaluator), context, "sekretariat")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cap\": 40, \"version\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cap").value(40))
                .andExpect(jsonPath("$.version").value(2));
        // the same edit again on the old version: someone changed it meanwhile
        mvc.perform(bearer(put("/api/v1" + caps + "/" + evaluator), context, "sekretariat")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cap\": 30, \"version\": 1}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("error.staleVersion"));
        mvc.perform(bearer(put("/api/v1" + caps + "/" + evaluator), context, "sekretariat")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cap\": 1, \"version\": 2}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("innovation.cap.belowLoad"));
        mvc.perform(bearer(put("/api/v1" + caps + "/" + evaluator), context, "sekretariat")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cap\": 0, \"version\": 2}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("cap"));
        assertThat(stored(period, evaluator)).isEqualTo(40);
        // an account that is not an evaluator is not found; an evaluator may not call it
        long secretariat = jdbc.sql("select id from access.user_account where username = 'sekretariat'")
                .query(Long.class)
                .single();
        mvc.perform(bearer(put("/api/v1" + caps + "/" + secretariat), context, "sekretariat")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cap\": 40, \"version\": 0}"))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(put("/api/v1" + caps + "/" + evaluator), context, "evaluator")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cap\": 40, \"version\": 2}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'EVALUATOR_ASSIGN' and subject_id = ? and "
                                + "changes::text like '%cap%'")
                        .param(String.valueOf(period))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private Integer stored(long period, long evaluator) {
        return jdbc.sql("select cap from innovation.period_evaluator where period_id = ? and user_id = ?")
                .params(period, evaluator)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    private long refusals(long period, String key) {
        return jdbc.sql("select count(*) from audit.entry where action = 'INNOVATION_REFUSED' and subject_id = ? and "
                        + "changes::text like ?")
                .params(String.valueOf(period), "%" + key + "%")
                .query(Long.class)
                .single();
    }
}
