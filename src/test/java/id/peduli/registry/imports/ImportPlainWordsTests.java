package id.peduli.registry.imports;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.registry.imports.ImportTestFiles.csv;
import static id.peduli.registry.imports.ImportTestFiles.externalId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.registry.RegistryTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Imports in plain words: each person created or changed has a history entry leading to the job (found by person in
 * the log), the report names the person of each row with a problem, and small files are measured in bytes.
 */
@PeduliTest
class ImportPlainWordsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private static String row(String externalId, String name, String sex, String birthDate, String region) {
        return String.join(",", externalId, name, sex, birthDate, "", "", region, "", "", "", "", "", "");
    }

    @Test
    void everyImportedPersonHasAnEntryNamingTheJobAndTheHistoryLinksToIt() throws Exception {
        String first = externalId("riwayat");
        byte[] file = csv(
                ImportTestFiles.HEADER,
                row(first, "Maimunah Riwayat", "P", "1979-03-03", "15.71.01.1001"),
                row(externalId("riwayat"), "Syamsul Riwayat", "L", "1975-04-04", "15.71.01.1001"));
        ImportClient client = new ImportClient(mvc, context, "pekerja.alyatama");
        long job = client.validated(RegistryTestSupport.unit(context, "PSAA Alyatama Jambi"), "riwayat.csv", file);
        client.committed(job, "ALL_OR_NOTHING");

        long person = jdbc.sql("select id from registry.person where external_id = ?")
                .param(first)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("""
                        select count(*) from audit.entry where subject_type = 'Person' and subject_id = ?
                        and action = 'CREATE' and changes @> cast(? as jsonb)
                        """)
                        .params(String.valueOf(person), "[{\"field\":\"importJob\",\"new\":\"" + job + "\"}]")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String history = mvc.perform(get("/people/" + person + "?tab=history").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(history).contains("href=\"/people/import/" + job + "\"").contains("Dibuat oleh impor");
    }

    @Test
    void importEntriesCarryTheClientAddressOfTheRequestThatStartedTheRun() throws Exception {
        byte[] file = csv(
                ImportTestFiles.HEADER,
                row(externalId("alamat"), "Juwita Alamat", "P", "1981-05-05", "15.71.01.1001"),
                row(externalId("alamat"), "Herman Alamat", "L", "1977-06-06", "15.71.01.1001"));
        ImportClient client = new ImportClient(mvc, context, "pekerja.alyatama");
        long job = client.from("10.1.2.3")
                .validated(RegistryTestSupport.unit(context, "PSAA Alyatama Jambi"), "alamat.csv", file);
        assertThat(jdbc.sql("select client_address from registry.import_job where id = ?")
                        .param(job)
                        .query(String.class)
                        .single())
                .isEqualTo("10.1.2.3");
        client.from("10.1.2.4").committed(job, "ALL_OR_NOTHING");

        assertThat(jdbc.sql("""
                        select coalesce(client_address, '-') from audit.entry
                        where (subject_type = 'Person' and changes @> cast(? as jsonb))
                           or (subject_type = 'ImportJob' and subject_id = ? and action = 'CREATE')
                        """)
                        .params("[{\"field\":\"importJob\",\"new\":\"" + job + "\"}]", String.valueOf(job))
                        .query(String.class)
                        .list())
                .hasSize(3)
                .containsOnly("10.1.2.4");
    }

    @Test
    void theReportNamesThePersonOfEachRowWithAProblemUntilTheFileIsDeleted() throws Exception {
        byte[] file = csv(
                ImportTestFiles.HEADER,
                row(externalId("nama"), "Rosnah Laporan", "P", "31-02-1990", "15.71.01.1001"),
                row(externalId("nama"), "Ramli Laporan", "L", "1990-02-15", "15.71.01.1001"));
        ImportClient client = new ImportClient(mvc, context, "pekerja.alyatama");
        long job = client.validated(RegistryTestSupport.unit(context, "PSAA Alyatama Jambi"), "nama.csv", file);

        String page = mvc.perform(get("/people/import/" + job).with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Rosnah Laporan")
                .doesNotContain("Ramli Laporan")
                .containsPattern("\\d+ bita");
        assertThat(client.report(job, "csv", "en"))
                .startsWith("\uFEFFRow,Field,Column in the file,Severity,Message,Name")
                .contains("Rosnah Laporan");

        mvc.perform(post("/people/import/" + job + "/discard").with(csrf()).with(as(context, "pekerja.alyatama")));
        assertThat(client.report(job, "csv", "en")).doesNotContain("Rosnah Laporan");
    }
}
