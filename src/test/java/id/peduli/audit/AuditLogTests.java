package id.peduli.audit;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.access.NewUserCommand;
import id.peduli.access.Role;
import id.peduli.access.UserCommand;
import id.peduli.access.Users;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@PeduliTest
class AuditLogTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditLog log;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() {
        log.record(AuditRecord.of(AuditAction.VIEW, "Probe", 1).purpose("immutability check"));
        long id = jdbc.sql("select max(id) from audit.entry").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("update audit.entry set username = 'someone' where id = ?")
                        .param(id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.entry where id = ?")
                        .param(id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate audit.entry").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThat(jdbc.sql("select purpose from audit.entry where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("immutability check");
    }

    @Test
    void sensitiveChangesAreRecordedWithoutTheirValues() {
        log.record(AuditRecord.of(AuditAction.UPDATE, "Probe", 2)
                .sensitiveChange("nik", true)
                .change("name", "Siti", "Siti Lestari"));
        String changes = jdbc.sql(
                        "select changes::text from audit.entry where subject_type = 'Probe' and subject_id" + " = '2'")
                .query(String.class)
                .single();
        assertThat(changes)
                .contains("\"masked\": true")
                .contains("Siti Lestari")
                .doesNotContain("3323");
    }

    @Test
    void filtersByUserActionAndRecord() {
        log.record(AuditRecord.of(AuditAction.EXPORT, "FilterProbe", 77).actor(null, "filter.user"));
        signIn("auditor");
        try {
            var page = trail.search(
                    new AuditFilter("filter.user", "EXPORT", "FilterProbe", "77", null, null, null), 0, 10);
            assertThat(page.total()).isEqualTo(1);
            assertThat(page.items().get(0).action()).isEqualTo("EXPORT");
            assertThat(trail.search(new AuditFilter("filter.user", "VIEW", null, null, null, null, null), 0, 10)
                            .total())
                    .isZero();
        } finally {
            SecurityContextHolder.clearContext();
        }
        // Without a reader whose grants say what they may see, nothing is shown.
        assertThat(trail.search(new AuditFilter("filter.user", null, null, null, null, null, null), 0, 10)
                        .total())
                .isZero();
    }

    @Test
    void anAuditorOfAUnitSeesOnlyThatSubtreeAndReadingTheLogIsLogged() throws Exception {
        long alyatama = unit("PSAA Alyatama Jambi");
        long kartini = unit("BBRSBG Kartini Temanggung");
        long alyatamaService = jdbc.sql("select id from organization.org_unit where parent_id = ? limit 1")
                .param(alyatama)
                .query(Long.class)
                .single();
        signIn("admin");
        try {
            Users users = context.getBean(Users.class);
            users.create(
                    new NewUserCommand(
                            "auditor.alyatama",
                            "Rahasia.Kuat.2026",
                            new UserCommand("Auditor Alyatama", null, null, "id", true),
                            false),
                    Role.AUDITOR,
                    alyatama);
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.record(AuditRecord.of(AuditAction.VIEW, "ScopeProbe", "unit").unit(alyatama));
        log.record(AuditRecord.of(AuditAction.VIEW, "ScopeProbe", "below").unit(alyatamaService));
        log.record(AuditRecord.of(AuditAction.VIEW, "ScopeProbe", "other").unit(kartini));
        log.record(AuditRecord.of(AuditAction.VIEW, "ScopeProbe", "none"));

        String mine = mvc.perform(bearer(get("/api/v1/audit"), context, "auditor.alyatama")
                        .param("subjectType", "ScopeProbe"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(mine, "$.items[*].subjectId"))
                .containsExactlyInAnyOrder("unit", "below");
        mvc.perform(get("/audit").param("subjectType", "ScopeProbe").with(as(context, "auditor.alyatama")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(">other<"))));
        for (String national : List.of("auditor", "dpo")) {
            mvc.perform(bearer(get("/api/v1/audit"), context, national).param("subjectType", "ScopeProbe"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(4));
        }
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'VIEW' and subject_type = 'AuditLog'"
                                + " and username = 'auditor.alyatama' and changes::text like '%ScopeProbe%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void theLogIsCountedOnlyUpToTheLimit() throws Exception {
        jdbc.sql("""
                        insert into audit.entry (username, action, subject_type, subject_id)
                        select 'count.probe', 'VIEW', 'CountProbe', g::text from generate_series(1, ?) g
                        """).param(AuditTrail.COUNT_LIMIT + 5).update();
        mvc.perform(bearer(get("/api/v1/audit"), context, "auditor")
                        .param("subjectType", "CountProbe")
                        .param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(AuditTrail.COUNT_LIMIT))
                .andExpect(jsonPath("$.totalExact").value(false))
                .andExpect(jsonPath("$.items.length()").value(5));
        mvc.perform(get("/audit").param("subjectType", "CountProbe").with(as(context, "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Lebih dari 10.000 catatan cocok")));
    }

    private long unit(String name) {
        return jdbc.sql("select id from organization.org_unit where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private void signIn(String username) {
        UserDetails details = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
    }

    @Test
    void auditorsAndDpoReadTheLogInTheBrowserAndTheApi() throws Exception {
        for (String user : List.of("auditor", "dpo")) {
            mvc.perform(get("/audit").param("action", "LOGIN_FAILED").with(as(context, user)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("Log pemrosesan")));
            mvc.perform(bearer(get("/api/v1/audit"), context, user).param("size", "5"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items").isArray());
        }
    }

    @Test
    void everyoneElseIsRefused() throws Exception {
        for (String user : List.of("admin", "kepala.kartini", "pekerja.alyatama", "sekretariat", "panelis")) {
            mvc.perform(get("/audit").with(as(context, user))).andExpect(status().isForbidden());
            mvc.perform(bearer(get("/api/v1/audit"), context, user)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized());
    }
}
