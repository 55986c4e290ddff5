package id.peduli.registry.imports;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static id.peduli.registry.imports.ImportTestFiles.csv;
import static id.peduli.registry.imports.ImportTestFiles.externalId;
import static id.peduli.registry.imports.ImportTestFiles.nik;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import id.peduli.PeduliTest;
import id.peduli.access.NewUserCommand;
import id.peduli.access.Role;
import id.peduli.access.UserCommand;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.registry.RegistryTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Who may import into which unit, who sees which job, and people of other units staying out of reach. */
@PeduliTest
class ImportAccessTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private long unit(String name) {
        return jdbc.sql("select id from organization.org_unit where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private byte[] onePerson(String externalId, String nik) {
        return csv(
                ImportTestFiles.HEADER,
                String.join(",", externalId, "Lina Marlina", "P", "1993-04-12", "", nik, "", "", "", "", "", "", ""));
    }

    @Test
    void aSocialWorkerCannotImportIntoAnotherUnit() throws Exception {
        long kartini = unit("BBRSBG Kartini Temanggung");
        ImportClient worker = new ImportClient(mvc, context, "pekerja.alyatama");
        MvcResult api = worker.upload(kartini, "k.csv", onePerson(externalId("k"), ""));
        assertThat(api.getResponse().getStatus()).isEqualTo(403);
        assertThat(api.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("tidak berwenang mengimpor data ke unit ini");
        mvc.perform(multipart("/people/import")
                        .file(new MockMultipartFile("file", "k.csv", "text/csv", onePerson(externalId("k"), "")))
                        .param("orgUnitId", String.valueOf(kartini))
                        .with(as(context, "pekerja.alyatama"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        String page = mvc.perform(get("/people/import").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("PSAA Alyatama Jambi").doesNotContain("BBRSBG Kartini Temanggung");
    }

    @Test
    void rolesWithoutImportCannotImportAtAll() throws Exception {
        long menpan = unit("Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi");
        MvcResult evaluator = new ImportClient(mvc, context, "evaluator").upload(menpan, "e.csv", onePerson("e", ""));
        assertThat(evaluator.getResponse().getStatus()).isEqualTo(403);
        mvc.perform(get("/people/import").with(as(context, "evaluator"))).andExpect(status().isForbidden());
        mvc.perform(bearer(get("/api/v1/people/imports"), context, "evaluator")).andExpect(status().isForbidden());
        MvcResult head = new ImportClient(mvc, context, "kepala.kartini")
                .upload(unit("BBRSBG Kartini Temanggung"), "h.csv", onePerson("h", ""));
        assertThat(head.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aJobIsSeenOnlyByItsOwnerAndTheDpo() throws Exception {
        ImportClient worker = new ImportClient(mvc, context, "pekerja.alyatama");
        MvcResult upload = worker.upload(unit("PSAA Alyatama Jambi"), "mine.csv", onePerson(externalId("m"), ""));
        long id = ((Number) JsonPath.read(upload.getResponse().getContentAsString(), "$.id")).longValue();

        mvc.perform(bearer(get("/api/v1/people/imports/" + id), context, "manajer.kartini"))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(get("/api/v1/people/imports/" + id + "/report"), context, "manajer.kartini"))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(post("/api/v1/people/imports/" + id + "/validate"), context, "manajer.kartini"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/people/import/" + id).with(as(context, "manajer.kartini")))
                .andExpect(status().isNotFound());
        String list = mvc.perform(bearer(get("/api/v1/people/imports"), context, "manajer.kartini"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<java.util.List<Integer>>read(list, "$[*].id")).doesNotContain((int) id);

        mvc.perform(bearer(get("/api/v1/people/imports/" + id), context, "dpo")).andExpect(status().isOk());
        mvc.perform(bearer(post("/api/v1/people/imports/" + id + "/validate"), context, "dpo"))
                .andExpect(status().isForbidden());
    }

    @Test
    void peopleOfAnotherUnitAreNeitherUpdatedNorRevealed() throws Exception {
        String nik = nik(LocalDate.of(1993, 4, 12), true);
        String ext = externalId("lain");
        ImportClient worker = new ImportClient(mvc, context, "pekerja.alyatama");
        long first = worker.validated(unit("PSAA Alyatama Jambi"), "a.csv", onePerson(ext, nik));
        worker.committed(first, "ALL_OR_NOTHING");

        ImportClient manager = new ImportClient(mvc, context, "manajer.kartini");
        long other = manager.validated(unit("BBRSBG Kartini Temanggung"), "b.csv", onePerson(externalId("b"), nik));
        String status = manager.status(other);
        assertThat(((Number) JsonPath.read(status, "$.errorRows")).intValue()).isEqualTo(1);
        assertThat(manager.report(other, "csv", "en"))
                .contains("2,nik,nik,Error,Already registered elsewhere; ask your data protection officer.")
                .doesNotContain(ext);
        assertThat(jdbc.sql("select org_unit_id from registry.person where external_id = ?")
                        .param(ext)
                        .query(Long.class)
                        .single())
                .isEqualTo(unit("PSAA Alyatama Jambi"));
    }

    @Test
    void aJobOfAUserWhoLostTheImportGrantIsNoLongerSeenOrUsed() throws Exception {
        long alyatama = unit("PSAA Alyatama Jambi");
        long kartini = unit("BBRSBG Kartini Temanggung");
        Users users = context.getBean(Users.class);
        RegistryTestSupport.signIn(context, "admin");
        UserView mover;
        try {
            mover = users.create(
                    new NewUserCommand(
                            "impor.pindah",
                            "Rahasia.Kuat.2026",
                            new UserCommand("Uji Pindah Unit", null, null, "id", true),
                            false),
                    Role.SOCIAL_WORKER,
                    alyatama);
        } finally {
            RegistryTestSupport.signOut();
        }
        MvcResult upload = new ImportClient(mvc, context, "impor.pindah")
                .upload(alyatama, "pindah.csv", onePerson(externalId("pindah"), ""));
        long id = ((Number) JsonPath.read(upload.getResponse().getContentAsString(), "$.id")).longValue();
        mvc.perform(bearer(get("/api/v1/people/imports/" + id), context, "impor.pindah"))
                .andExpect(status().isOk());

        // The user moves to Kartini: the Alyatama grant is removed.
        RegistryTestSupport.signIn(context, "admin");
        try {
            long grant = mover.grants().get(0).id();
            users.addGrant(mover.id(), Role.SOCIAL_WORKER, kartini);
            users.removeGrant(mover.id(), grant);
        } finally {
            RegistryTestSupport.signOut();
        }
        for (String user : java.util.List.of("impor.pindah")) {
            mvc.perform(bearer(get("/api/v1/people/imports/" + id), context, user))
                    .andExpect(status().isNotFound());
            mvc.perform(bearer(get("/api/v1/people/imports/" + id + "/report"), context, user))
                    .andExpect(status().isNotFound());
            mvc.perform(bearer(post("/api/v1/people/imports/" + id + "/validate"), context, user))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/people/import/" + id).with(as(context, user))).andExpect(status().isNotFound());
            mvc.perform(get("/people/import/" + id + "/report.csv").with(as(context, user)))
                    .andExpect(status().isNotFound());
            String list = mvc.perform(bearer(get("/api/v1/people/imports"), context, user))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<java.util.List<Integer>>read(list, "$[*].id")).doesNotContain((int) id);
        }
        // The unit's data protection officer still oversees the job.
        mvc.perform(bearer(get("/api/v1/people/imports/" + id), context, "dpo")).andExpect(status().isOk());
        mvc.perform(get("/people/import/" + id).with(as(context, "dpo"))).andExpect(status().isOk());
        String dpoList = mvc.perform(bearer(get("/api/v1/people/imports"), context, "dpo"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<java.util.List<Integer>>read(dpoList, "$[*].id")).contains((int) id);
    }

    @Test
    void downloadingAnImportReportIsLogged() throws Exception {
        ImportClient worker = new ImportClient(mvc, context, "pekerja.alyatama");
        long id = worker.validated(unit("PSAA Alyatama Jambi"), "log.csv", onePerson(externalId("log"), ""));
        worker.report(id, "csv", "id");
        mvc.perform(get("/people/import/" + id + "/report.xlsx").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'VIEW' and subject_type = 'ImportReport'"
                                + " and subject_id = ? and username = 'pekerja.alyatama'")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aPossibleDuplicateInAnotherUnitIsNeitherNamedNorNumbered() throws Exception {
        ImportClient manager = new ImportClient(mvc, context, "manajer.kartini");
        long first = manager.validated(
                unit("BBRSBG Kartini Temanggung"),
                "dup-a.csv",
                csv(
                        ImportTestFiles.HEADER,
                        String.join(
                                ",",
                                externalId("dupa"),
                                "Wulandari Kembang Sepatu",
                                "P",
                                "1977-07-07",
                                "",
                                "",
                                "15.71.01",
                                "",
                                "",
                                "",
                                "",
                                "",
                                "")));
        manager.committed(first, "ALL_OR_NOTHING");
        long kept = jdbc.sql("select id from registry.person where full_name = 'Wulandari Kembang Sepatu'")
                .query(Long.class)
                .single();
        ImportClient worker = new ImportClient(mvc, context, "pekerja.alyatama");
        long second = worker.validated(
                unit("PSAA Alyatama Jambi"),
                "dup-b.csv",
                csv(
                        ImportTestFiles.HEADER,
                        String.join(
                                ",",
                                externalId("dupb"),
                                "Wulandari Kembang Sepatu",
                                "P",
                                "1977-07-07",
                                "",
                                "",
                                "15.71.01",
                                "",
                                "",
                                "",
                                "",
                                "",
                                "")));
        assertThat(worker.report(second, "csv", "en"))
                .contains("Possibly someone already registered elsewhere")
                .doesNotContain("#" + kept);
    }
}
