package id.peduli.registry.imports;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.registry.imports.ImportTestFiles.csv;
import static id.peduli.registry.imports.ImportTestFiles.externalId;
import static id.peduli.registry.imports.ImportTestFiles.nik;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The wizard in the browser: template, upload, mapping, progress, report, fix, commit. */
@PeduliTest
class ImportPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long unit() {
        return jdbc.sql("select id from organization.org_unit where name = 'PSAA Alyatama Jambi'")
                .query(Long.class)
                .single();
    }

    private long upload(String name, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/people/import")
                        .file(new MockMultipartFile("file", name, "text/csv", content))
                        .param("orgUnitId", String.valueOf(unit()))
                        .with(as(context, "pekerja.alyatama"))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/people/import/");
        return Long.parseLong(location.substring("/people/import/".length()));
    }

    private void await(long id) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            MvcResult progress = mvc.perform(get("/people/import/" + id + "/progress")
                            .with(as(context, "pekerja.alyatama"))
                            .header("HX-Request", "true"))
                    .andExpect(status().isOk())
                    .andReturn();
            if ("true".equals(progress.getResponse().getHeader("HX-Refresh"))) {
                return;
            }
            assertThat(progress.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("hx-trigger=\"every 1s\"")
                    .contains("<progress");
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import " + id + " still running");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void templatesAreOffered() throws Exception {
        String list = page("/people/import");
        assertThat(list).contains("id=\"uploadForm\"").contains("/people/import/template.xlsx");
        MvcResult csv = mvc.perform(get("/people/import/template.csv").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andExpect(
                        header().string("Content-Disposition", "attachment; filename=\"peduli-import-template.csv\""))
                .andReturn();
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .startsWith("\uFEFFexternal_id,full_name,other_names,sex,birth_place,birth_date,birth_year,nik,")
                .contains("kk_number,kk_valid_from,welfare_decile,decile_checked_on");
        byte[] xlsx = mvc.perform(get("/people/import/template.xlsx").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("template", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook =
                    new org.dhatim.fastexcel.reader.ReadableWorkbook(file.toFile())) {
                java.util.List<String> headers = workbook.getFirstSheet().read().get(0).stream()
                        .map(org.dhatim.fastexcel.reader.Cell::getText)
                        .toList();
                assertThatHeadersAreTheTemplate(headers);
                assertThat(workbook.getSheets().count()).isEqualTo(2);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static void assertThatHeadersAreTheTemplate(java.util.List<String> headers) {
        assertThat(headers)
                .containsExactly(java.util.Arrays.stream(ImportField.values())
                        .map(ImportField::column)
                        .toArray(String[]::new));
    }

    @Test
    void importAFileWithErrorsReadTheReportFixItAndCommit() throws Exception {
        String a = externalId("p");
        String b = externalId("p");
        String header = "ID Eksternal;Nama;JK;Tgl Lahir;NIK";
        String goodNik = nik(LocalDate.of(1988, 11, 30), false);
        long id = upload(
                "keluarga.csv",
                csv(header, a + ";Dani Firmansyah;L;30-11-1988;" + goodNik, b + ";Eka Rahayu;P;31-02-1990;"));
        String mapping = page("/people/import/" + id);
        assertThat(mapping)
                .contains("id=\"mappingForm\"")
                .contains("pemisah titik koma (;)")
                .contains("<option value=\"1\" selected>Nama</option>");

        mvc.perform(post("/people/import/" + id + "/validate")
                        .with(as(context, "pekerja.alyatama"))
                        .with(csrf())
                        .param("map_external_id", "0")
                        .param("map_full_name", "1")
                        .param("map_sex", "")
                        .param("map_birth_date", "3"))
                .andExpect(status().isUnprocessableEntity());

        mvc.perform(post("/people/import/" + id + "/validate")
                        .with(as(context, "pekerja.alyatama"))
                        .with(csrf())
                        .param("map_external_id", "0")
                        .param("map_full_name", "1")
                        .param("map_sex", "2")
                        .param("map_birth_date", "3")
                        .param("map_nik", "4"))
                .andExpect(status().isFound());
        await(id);
        String result = page("/people/import/" + id);
        assertThat(result)
                .contains("Baris dengan galat: 1")
                .contains("Tanggal \"31-02-1990\" tidak ada di kalender.")
                .contains("id=\"commitAll\" disabled");
        String report = mvc.perform(get("/people/import/" + id + "/report.csv")
                        .with(as(context, "pekerja.alyatama"))
                        .cookie(new Cookie("peduli_lang", "en")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).contains("3,birth_date,Tgl Lahir,");

        mvc.perform(post("/people/import/" + id + "/commit")
                        .with(as(context, "pekerja.alyatama"))
                        .with(csrf())
                        .param("mode", "ALL_OR_NOTHING"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from registry.person where external_id in (?, ?)")
                        .params(a, b)
                        .query(Long.class)
                        .single())
                .isZero();

        long fixed = upload(
                "keluarga-perbaikan.csv",
                csv(header, a + ";Dani Firmansyah;L;30-11-1988;" + goodNik, b + ";Eka Rahayu;P;28-02-1990;"));
        mvc.perform(post("/people/import/" + fixed + "/validate")
                        .with(as(context, "pekerja.alyatama"))
                        .with(csrf())
                        .param("map_external_id", "0")
                        .param("map_full_name", "1")
                        .param("map_sex", "2")
                        .param("map_birth_date", "3")
                        .param("map_nik", "4"))
                .andExpect(status().isFound());
        await(fixed);
        assertThat(page("/people/import/" + fixed)).contains("Baris dengan galat: 0");
        mvc.perform(post("/people/import/" + fixed + "/commit")
                        .with(as(context, "pekerja.alyatama"))
                        .with(csrf())
                        .param("mode", "ALL_OR_NOTHING"))
                .andExpect(status().isFound());
        await(fixed);
        assertThat(page("/people/import/" + fixed)).contains("Orang baru terdaftar: 2");
        assertThat(page("/people/import")).contains("keluarga-perbaikan.csv").contains("Tersimpan");
        assertThat(jdbc.sql("select count(*) from registry.person where external_id in (?, ?)")
                        .params(a, b)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aRefusedUploadShowsTheReasonOnTheForm() throws Exception {
        String body = mvc.perform(multipart("/people/import")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", csv("nama")))
                        .param("orgUnitId", String.valueOf(unit()))
                        .with(as(context, "pekerja.alyatama"))
                        .with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("Hanya satu kolom ditemukan");
    }
}
