package id.peduli.registry.imports;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static id.peduli.registry.imports.ImportTestFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import id.peduli.PeduliTest;
import id.peduli.access.AccessTestSupport;
import id.peduli.registry.RegistryTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.unit.DataSize;

/** Limits on uploads and on the import files a user keeps, and how the files are kept. */
@PeduliTest
class ImportLimitsTests {

    private static final String USER = "manajer.kartini";
    private static final byte[] SMALL = csv("full_name,sex", "Budi Batas,L");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportSettings settings;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    private int files;
    private long bytes;

    @BeforeEach
    void remember() {
        files = settings.maxPendingFiles();
        bytes = settings.maxPendingBytes();
    }

    @AfterEach
    void restore() {
        settings.pendingLimits(files, bytes);
    }

    private long kartini() {
        return RegistryTestSupport.unit(context, "BBRSBG Kartini Temanggung");
    }

    private long[] pending() {
        return jdbc.sql("""
                        select count(*), coalesce(sum(j.size_bytes), 0) from registry.import_job j
                        join access.user_account u on u.id = j.owner_id
                        where u.username = ? and j.file_deleted_at is null
                        """)
                .param(USER)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    private MvcResult upload(byte[] content) throws Exception {
        return new ImportClient(mvc, context, USER).upload(kartini(), "batas.csv", content);
    }

    private static long id(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private MvcResult discard(long id) throws Exception {
        return mvc.perform(bearer(delete("/api/v1/people/imports/" + id + "/file"), context, USER))
                .andReturn();
    }

    @Test
    void anUploadLargerThanTheLimitIsAnsweredFromItsLengthWithoutReadingIt() throws Exception {
        long limit = environment
                .getRequiredProperty("peduli.registry.import.max-bytes", DataSize.class)
                .toBytes();
        String token = AccessTestSupport.tokenFor(context, USER, 1);
        String start = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"besar.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nfull_name,sex\r\n";
        String head = "POST /api/v1/people/imports HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Accept-Language: en\r\n"
                + "Content-Type: multipart/form-data; boundary=b0undary\r\n"
                + "Content-Length: " + (limit + 1024) + "\r\n"
                + "Connection: close\r\n\r\n";
        String answer;
        try (Socket socket = new Socket("localhost", port)) {
            // Only a guard against a server that waits for the body: the old limits read it all before answering.
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + start).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                received.write(buffer, 0, n);
                if (received.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
            answer = received.toString(StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("import.file.tooLarge").contains("The file is too large: at most");
    }

    @Test
    void aUserKeepsAtMostSoManyUncommittedFilesAndDiscardingOneMakesRoom() throws Exception {
        settings.pendingLimits((int) pending()[0] + 1, bytes);
        MvcResult first = upload(SMALL);
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        long firstId = id(first);

        MvcResult second = upload(SMALL);
        assertThat(second.getResponse().getStatus()).isEqualTo(409);
        assertThat(JsonPath.<String>read(second.getResponse().getContentAsString(), "$.code"))
                .isEqualTo("import.pending.tooManyFiles");
        assertThat(JsonPath.<String>read(second.getResponse().getContentAsString(), "$.detail"))
                .contains("Selesaikan atau buang");

        MvcResult discarded = discard(firstId);
        assertThat(discarded.getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select file_deleted_at is not null from registry.import_job where id = ?")
                        .param(firstId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(Files.exists(settings.file(firstId))).isFalse();

        MvcResult third = upload(SMALL);
        assertThat(third.getResponse().getStatus()).isEqualTo(201);
        discard(id(third));
    }

    @Test
    void aUserKeepsAtMostSoManyBytesOfUncommittedFiles() throws Exception {
        settings.pendingLimits(files, pending()[1] + SMALL.length + SMALL.length / 2);
        MvcResult first = upload(SMALL);
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        MvcResult second = upload(SMALL);
        assertThat(second.getResponse().getStatus()).isEqualTo(409);
        assertThat(JsonPath.<String>read(second.getResponse().getContentAsString(), "$.code"))
                .isEqualTo("import.pending.tooManyBytes");
        assertThat(jdbc.sql("select count(*) from registry.import_job where file_name = 'batas.csv'"
                                + " and size_bytes = 0")
                        .query(Long.class)
                        .single())
                .isZero();
        discard(id(first));
    }

    @Test
    void uploadedFilesAreReadableByTheApplicationOnly() throws Exception {
        MvcResult upload = upload(SMALL);
        assertThat(upload.getResponse().getStatus()).isEqualTo(201);
        long id = id(upload);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.file(id))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(settings.file(id).getParent())))
                .isEqualTo("rwx------");
        discard(id);
    }

    @Test
    void aRunningJobsFileCannotBeDiscardedAndAnotherUsersJobIsNotFound() throws Exception {
        MvcResult upload = upload(SMALL);
        long id = id(upload);
        jdbc.sql("update registry.import_job set status = 'VALIDATING', heartbeat_at = now() where id = ?")
                .param(id)
                .update();
        assertThat(discard(id).getResponse().getStatus()).isEqualTo(409);
        jdbc.sql("update registry.import_job set status = 'UPLOADED' where id = ?")
                .param(id)
                .update();
        assertThat(mvc.perform(bearer(delete("/api/v1/people/imports/" + id + "/file"), context, "pekerja.alyatama"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(discard(id).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theCsvReportNeutralisesCellsASpreadsheetWouldTakeForFormulas() throws Exception {
        MvcResult upload = mvc.perform(multipart("/api/v1/people/imports")
                        .file(new MockMultipartFile(
                                "file", "rumus.csv", "text/csv", csv("=HYPERLINK(1),sex,birth_year", ",L,1990")))
                        .param("orgUnitId", String.valueOf(kartini()))
                        .param(
                                "mapping",
                                "{\"full_name\": \"=HYPERLINK(1)\", \"sex\": \"sex\", \"birth_year\": \"birth_year\"}")
                        .header("Authorization", "Bearer " + AccessTestSupport.tokenFor(context, USER, 1)))
                .andReturn();
        assertThat(upload.getResponse().getStatus())
                .as(upload.getResponse().getContentAsString())
                .isEqualTo(201);
        long id = id(upload);
        ImportClient client = new ImportClient(mvc, context, USER);
        mvc.perform(bearer(post("/api/v1/people/imports/" + id + "/validate"), context, USER));
        client.await(id);
        String report = client.report(id, "csv", "en");
        assertThat(report).contains("'=HYPERLINK(1)");
        for (String line : report.split("\r?\n")) {
            for (String cell : line.split(",")) {
                assertThat(cell.replace("\"", "")).doesNotStartWith("=");
            }
        }
        discard(id);
    }

    @Test
    void theJobPageOffersToDiscardTheFileAndDiscardingDeletesIt() throws Exception {
        long id = id(upload(SMALL));
        String page = mvc.perform(get("/people/import/" + id).with(as(context, USER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"discardButton\"").contains("Buang berkas");
        String other = mvc.perform(post("/people/import/" + id + "/discard")
                        .with(as(context, "pekerja.alyatama"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(other).isNull();
        assertThat(Files.exists(settings.file(id))).isTrue();
        MvcResult discarded = mvc.perform(post("/people/import/" + id + "/discard")
                        .with(as(context, USER))
                        .with(csrf()))
                .andReturn();
        assertThat(discarded.getResponse().getRedirectedUrl()).isEqualTo("/people/import");
        assertThat(Files.exists(settings.file(id))).isFalse();
    }
}
