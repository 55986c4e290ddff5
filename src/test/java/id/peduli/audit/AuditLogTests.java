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
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
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
        var page = trail.search(new AuditFilter("filter.user", "EXPORT", "FilterProbe", "77", null, null, null), 0, 10);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items().get(0).action()).isEqualTo("EXPORT");
        assertThat(trail.search(new AuditFilter("filter.user", "VIEW", null, null, null, null, null), 0, 10)
                        .total())
                .isZero();
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
