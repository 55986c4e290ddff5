package id.peduli.registry.imports;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static id.peduli.registry.imports.ImportTestFiles.csv;
import static id.peduli.registry.imports.ImportTestFiles.externalId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import id.peduli.PeduliTest;
import id.peduli.platform.InstanceId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A job this instance was running when it was killed is marked interrupted at the next start, at once (not after
 * the heartbeat goes stale), says so in the reader's language, wrote nothing, and can be run again. A job another
 * instance runs on the same database is left alone.
 */
@PeduliTest
class InterruptedImportsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InstanceId instance;

    @Autowired
    InterruptedImports interrupted;

    private long alyatama() {
        return jdbc.sql("select id from organization.org_unit where name = 'PSAA Alyatama Jambi'")
                .query(Long.class)
                .single();
    }

    private long people(String externalId) {
        return jdbc.sql("select count(*) from registry.person where external_id = ?")
                .param(externalId)
                .query(Long.class)
                .single();
    }

    private static String row(String externalId, String name) {
        return String.join(",", externalId, name, "P", "1991-03-04", "", "", "15.71.01.1001", "", "", "", "", "", "");
    }

    @Test
    void aCommitThisInstanceWasRunningIsInterruptedAtStartWroteNothingAndCanRunAgain() throws Exception {
        ImportClient client = new ImportClient(mvc, context, "pekerja.alyatama");
        String mine = externalId("putus");
        String theirs = externalId("lain");
        long id = client.validated(alyatama(), "putus.csv", csv(ImportTestFiles.HEADER, row(mine, "Siti Aminah")));
        long other = client.validated(alyatama(), "lain.csv", csv(ImportTestFiles.HEADER, row(theirs, "Nur Hasanah")));
        assertThat(jdbc.sql("select instance_id from registry.import_job where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(instance.value());
        // What a kill during a commit leaves behind: the job row says COMMITTING with a fresh heartbeat; the
        // commit's own transaction died with the process.
        jdbc.sql("""
                        update registry.import_job set status = 'COMMITTING', phase = 'WRITING', processed_rows = 1,
                            mode = 'ALL_OR_NOTHING', heartbeat_at = now() where id = ?
                        """).param(id).update();
        jdbc.sql("""
                        update registry.import_job set status = 'COMMITTING', phase = 'WRITING', heartbeat_at = now(),
                            instance_id = 'another-instance' where id = ?
                        """).param(other).update();
        assertThat(client.commit(id, "ALL_OR_NOTHING").getResponse().getStatus())
                .as("before the restart the job looks alive")
                .isEqualTo(409);
        try {
            assertThat(interrupted.recover()).isEqualTo(1);

            String status = client.status(id);
            assertThat(JsonPath.<String>read(status, "$.status")).isEqualTo("FAILED");
            assertThat(JsonPath.<Boolean>read(status, "$.running")).isFalse();
            assertThat(JsonPath.<String>read(status, "$.error")).contains("Impor terhenti");
            assertThat(people(mine)).isZero();
            String page = mvc.perform(get("/people/import/" + id).with(as(context, "pekerja.alyatama")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("Impor terhenti karena aplikasi dimulai ulang");

            assertThat(JsonPath.<String>read(client.status(other), "$.status"))
                    .as("another instance's job keeps the heartbeat rule")
                    .isEqualTo("COMMITTING");

            assertThat(mvc.perform(bearer(
                                    post("/api/v1/people/imports/" + id + "/validate"), context, "pekerja.alyatama"))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as("the interrupted job can be run again at once")
                    .isEqualTo(202);
            assertThat(JsonPath.<String>read(client.await(id), "$.status")).isEqualTo("VALIDATED");
            assertThat(JsonPath.<String>read(client.committed(id, "ALL_OR_NOTHING"), "$.status"))
                    .isEqualTo("COMMITTED");
            assertThat(people(mine)).isEqualTo(1);
        } finally {
            jdbc.sql("update registry.import_job set status = 'FAILED' where id = ?")
                    .param(other)
                    .update();
        }
    }
}
