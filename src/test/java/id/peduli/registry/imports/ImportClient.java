package id.peduli.registry.imports;

import static id.peduli.access.AccessTestSupport.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import id.peduli.access.AccessTestSupport;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Drives import jobs through the API as one user, and waits for them without depending on timing. */
final class ImportClient {

    private final MockMvc mvc;
    private final ApplicationContext context;
    private final String username;
    private final String address;

    ImportClient(MockMvc mvc, ApplicationContext context, String username) {
        this(mvc, context, username, null);
    }

    private ImportClient(MockMvc mvc, ApplicationContext context, String username, String address) {
        this.mvc = mvc;
        this.context = context;
        this.username = username;
        this.address = address;
    }

    /** The same user, sending the following requests from another client address. */
    ImportClient from(String clientAddress) {
        return new ImportClient(mvc, context, username, clientAddress);
    }

    /** Sets the client address of a request when this client has one. */
    private RequestPostProcessor fromAddress() {
        return request -> {
            if (address != null) {
                request.setRemoteAddr(address);
            }
            return request;
        };
    }

    MvcResult upload(long unitId, String fileName, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/people/imports")
                        .with(fromAddress())
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .param("orgUnitId", String.valueOf(unitId))
                        .header("Authorization", "Bearer " + AccessTestSupport.tokenFor(context, username, 1))
                        .header("Accept-Language", "id"))
                .andReturn();
    }

    /** Uploads, validates and waits; returns the job id. Fails when the upload is refused. */
    long validated(long unitId, String fileName, byte[] content) throws Exception {
        MvcResult upload = upload(unitId, fileName, content);
        if (upload.getResponse().getStatus() != 201) {
            throw new AssertionError("upload refused: " + upload.getResponse().getContentAsString());
        }
        long id = ((Number) JsonPath.read(upload.getResponse().getContentAsString(), "$.id")).longValue();
        MvcResult validate = mvc.perform(bearer(
                        post("/api/v1/people/imports/" + id + "/validate").with(fromAddress()), context, username))
                .andReturn();
        if (validate.getResponse().getStatus() != 202) {
            throw new AssertionError(
                    "validation refused: " + validate.getResponse().getContentAsString());
        }
        await(id);
        return id;
    }

    MvcResult commit(long id, String mode) throws Exception {
        return mvc.perform(bearer(
                        post("/api/v1/people/imports/" + id + "/commit")
                                .with(fromAddress())
                                .param("mode", mode),
                        context,
                        username))
                .andReturn();
    }

    /** Commits, waits, and returns the final status JSON. */
    String committed(long id, String mode) throws Exception {
        MvcResult result = commit(id, mode);
        if (result.getResponse().getStatus() != 202) {
            throw new AssertionError("commit refused: " + result.getResponse().getContentAsString());
        }
        return await(id);
    }

    String status(long id) throws Exception {
        return mvc.perform(bearer(get("/api/v1/people/imports/" + id), context, username)
                        .accept(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Polls the job until it no longer runs (at most two minutes); returns its status JSON. */
    String await(long id) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            String json = status(id);
            if (!(Boolean) JsonPath.read(json, "$.running")) {
                return json;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import " + id + " still running: " + json);
            }
            Thread.sleep(50);
        }
    }

    String report(long id, String format, String language) throws Exception {
        return mvc.perform(bearer(
                                get("/api/v1/people/imports/" + id + "/report").param("format", format),
                                context,
                                username)
                        .header("Accept-Language", language))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
