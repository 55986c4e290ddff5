package id.peduli.audit;

import static id.peduli.access.AccessTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Requests refused by the URL rules of the security filter chain, before any controller runs, are written as
 * {@code REFUSED} in the same form as the refusals of the controllers (ADR 10): the endpoint's pattern, no ids.
 */
@PeduliTest
class UrlRuleRefusalTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPageOfTheAdministratorsRefusedToASocialWorkerIsLoggedWithItsPatternAndNoId() throws Exception {
        long before = refused("pekerja.alyatama");

        mvc.perform(get("/admin/users/424299").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(as(context, "pekerja.alyatama"))).andExpect(status().isForbidden());

        assertThat(refused("pekerja.alyatama")).isEqualTo(before + 2);
        List<Map<String, Object>> entries = jdbc.sql("""
                        select * from audit.entry where action = 'REFUSED' and username = 'pekerja.alyatama'
                        order by id desc limit 2
                        """).query().listOfRows();
        assertThat(entries)
                .extracting(e -> e.get("purpose"), e -> e.get("subject_type"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GET /audit → 403", "AuditLog"),
                        org.assertj.core.groups.Tuple.tuple("GET /admin/users/{id} → 403", "User"));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("subject_id")).isNull();
            assertThat(String.valueOf(e.get("purpose"))).doesNotContain("424299");
            assertThat(e.get("client_address")).isNotNull();
        });
    }

    @Test
    void aRefusalByAMethodsOwnRoleCheckIsWrittenOnce() throws Exception {
        long before = refused("logistik.alyatama");

        mvc.perform(post("/people")
                        .with(as(context, "logistik.alyatama"))
                        .with(csrf())
                        .param("fullName", "Someone"))
                .andExpect(status().isForbidden());

        assertThat(refused("logistik.alyatama")).isEqualTo(before + 1);
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentToSignInWithoutARefusal() throws Exception {
        long before = refusedByAnyone();

        mvc.perform(get("/admin/users/424299")).andExpect(redirectedUrl("/login"));

        assertThat(refusedByAnyone()).isEqualTo(before);
    }

    @Test
    void anAllowedRequestAndARefusalOutsidePersonalDataAreNotWritten() throws Exception {
        long before = refusedByAnyone();

        mvc.perform(get("/admin/users").with(as(context, "admin"))).andExpect(status().isOk());
        mvc.perform(get("/admin/units").with(as(context, "pekerja.alyatama"))).andExpect(status().isForbidden());

        assertThat(refusedByAnyone()).isEqualTo(before);
    }

    private long refused(String username) {
        return jdbc.sql("select count(*) from audit.entry where action = 'REFUSED' and username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    private long refusedByAnyone() {
        return jdbc.sql("select count(*) from audit.entry where action = 'REFUSED'")
                .query(Long.class)
                .single();
    }
}
