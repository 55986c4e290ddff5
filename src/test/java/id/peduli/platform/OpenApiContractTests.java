package id.peduli.platform;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import id.peduli.PeduliTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The OpenAPI document as the build produces it: valid, every operation with a summary, a tag and its problem
 * responses, unique schema names, and identical to the committed {@code docs/openapi.json}. After a deliberate API
 * change refresh the file with {@code ./mvnw test -Dtest=OpenApiContractTests -Dopenapi.update=true} and commit it.
 */
@PeduliTest
class OpenApiContractTests {

    static final Path COMMITTED = Path.of("docs", "openapi.json");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiSchemaNames schemaNames;

    private String produced() throws Exception {
        String json = mvc.perform(get("/api/docs/openapi.json").with(as(context, "admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return normalise(json);
    }

    /** Sorted keys, two-space indentation, a final newline: the same bytes for the same API. */
    static String normalise(String json) throws Exception {
        ObjectMapper mapper = new ObjectMapper()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT);
        Object tree = mapper.readValue(json, Object.class);
        return mapper.writeValueAsString(tree).replace("\r\n", "\n") + "\n";
    }

    /** Parses and validates the document; references stay references, as a generator reads them. */
    private static OpenAPI parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIParser().readContents(json, null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        return result.getOpenAPI();
    }

    @Test
    void theProducedDocumentIsTheCommittedOne() throws Exception {
        String produced = produced();
        parse(produced);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, produced, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(produced)
                .as("The API changed but docs/openapi.json did not. Check the change, then refresh the file with "
                        + "'./mvnw test -Dtest=OpenApiContractTests -Dopenapi.update=true' and commit it "
                        + "(the generated client in the tests follows it)")
                .isEqualTo(committed);
    }

    @Test
    void everyOperationHasASummaryATagAndItsProblemResponses() throws Exception {
        OpenAPI api = parse(produced());
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "ProblemField");
        Set<String> operationIds = new HashSet<>();
        List<String> operations = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    String name = method + " " + path;
                    operations.add(name);
                    assertThat(operation.getSummary()).as("summary of %s", name).isNotBlank();
                    assertThat(operation.getTags()).as("tag of %s", name).isNotEmpty();
                    assertThat(operationIds.add(operation.getOperationId()))
                            .as("unique operation id of %s", name)
                            .isTrue();
                    Map<String, ApiResponse> responses = operation.getResponses();
                    List<String> expected = new ArrayList<>(List.of("401", "429", "500", "503"));
                    List<Parameter> parameters =
                            operation.getParameters() == null ? List.of() : operation.getParameters();
                    if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
                        expected.add("404");
                    }
                    if (method != PathItem.HttpMethod.GET) {
                        expected.addAll(List.of("409", "422"));
                    }
                    if (operation.getRequestBody() != null || !parameters.isEmpty()) {
                        expected.add("400");
                    }
                    assertThat(responses).as("responses of %s", name).containsKeys(expected.toArray(String[]::new));
                    responses.forEach((status, reference) -> {
                        ApiResponse response = reference.get$ref() == null
                                ? reference
                                : api.getComponents()
                                        .getResponses()
                                        .get(reference
                                                .get$ref()
                                                .substring(reference.get$ref().lastIndexOf('/') + 1));
                        if (status.startsWith("4") || status.startsWith("5")) {
                            assertThat(response).as("%s of %s", status, name).isNotNull();
                            assertThat(response.getContent())
                                    .as("%s of %s", status, name)
                                    .containsOnlyKeys("application/problem+json");
                            assertThat(response.getContent()
                                            .get("application/problem+json")
                                            .getSchema()
                                            .get$ref())
                                    .as("%s of %s", status, name)
                                    .isEqualTo("#/components/schemas/Problem");
                        }
                    });
                    parameters.stream()
                            .filter(p -> "query".equals(p.getIn()) && "size".equals(p.getName()))
                            .forEach(size -> assertThat(size.getSchema().getMaximum())
                                    .as("upper bound of size in %s", name)
                                    .isNotNull());
                    if (method == PathItem.HttpMethod.PUT && jsonBody(operation) != null) {
                        Schema<?> body = resolve(api, jsonBody(operation));
                        assertThat(body.getRequired())
                                .as("a PUT changes a versioned object and takes the version read (%s)", name)
                                .contains("version");
                    }
                }));
        assertThat(operations).hasSizeGreaterThanOrEqualTo(47);
    }

    @Test
    void everySchemaNameBelongsToOneClass() throws Exception {
        produced();
        assertThat(schemaNames.names()).containsKeys("OrgUnitUpdateRequest", "PersonUpdateRequest");
        assertThat(schemaNames.collisions())
                .as("classes that would share one OpenAPI schema: name them with @Schema(name = ...)")
                .isEmpty();
        assertThat(schemaNames.unnamedNested())
                .as("nested API classes named after their simple name only: name them with @Schema(name = ...)")
                .isEmpty();
    }

    @Test
    void theUnitUpdateIsDocumentedWithTheUnitBody() throws Exception {
        OpenAPI api = parse(produced());
        Schema<?> body = resolve(
                api, jsonBody(api.getPaths().get("/api/v1/org-units/{id}").getPut()));
        assertThat(body.getProperties()).containsOnlyKeys("version", "unit");
        Schema<?> person =
                resolve(api, jsonBody(api.getPaths().get("/api/v1/people/{id}").getPut()));
        assertThat(person.getProperties()).containsOnlyKeys("version", "person");
    }

    @Test
    void successStatusesAreTheOnesTheApiSends() throws Exception {
        OpenAPI api = parse(produced());
        assertThat(api.getPaths().get("/api/v1/people").getPost().getResponses())
                .containsKey("201")
                .doesNotContainKey("200");
        assertThat(api.getPaths()
                        .get("/api/v1/people")
                        .getPost()
                        .getResponses()
                        .get("201")
                        .getHeaders())
                .containsKey("Location");
        assertThat(api.getPaths()
                        .get("/api/v1/people/imports/{id}/validate")
                        .getPost()
                        .getResponses())
                .containsKey("202")
                .doesNotContainKey("201");
        assertThat(api.getPaths().get("/api/v1/people/{id}/photo").getPut().getResponses())
                .containsKey("204");
        assertThat(api.getPaths().get("/api/v1/people/merge").getPost().getResponses())
                .containsKey("200");
        assertThat(api.getPaths()
                        .get("/api/v1/people/{id}/photo")
                        .getGet()
                        .getResponses()
                        .get("200")
                        .getContent())
                .containsOnlyKeys("image/jpeg", "image/png");
        assertThat(api.getPaths()
                        .get("/api/v1/people/export")
                        .getPost()
                        .getResponses()
                        .get("200")
                        .getContent())
                .containsKey("text/csv");
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> assertThat(
                                        operation.getResponses().keySet())
                                .as("%s %s documents its success", method, path)
                                .anyMatch(status -> status.startsWith("2"))));
    }

    /** Real refusals of each status, as a client sees them, have exactly the members of the Problem schema. */
    @Test
    void realProblemAnswersMatchTheProblemSchema() throws Exception {
        OpenAPI api = parse(produced());
        Schema<?> problem = api.getComponents().getSchemas().get("Problem");
        Schema<?> field = api.getComponents().getSchemas().get("ProblemField");
        List<MockHttpServletRequestBuilder> requests = List.of(
                // 400: unreadable JSON
                post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("{"),
                // 400: a path variable of the wrong type
                get("/api/v1/org-units/abc"),
                // 400: bean validation with several fields
                post("/api/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"x\",\"password\":\"\",\"profile\":{\"fullName\":\"\"}}"),
                // 404
                get("/api/v1/regions/99.99"),
                // 409: a username that exists
                post("/api/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"dpo\",\"password\":\"Panjang.Sekali.2026\","
                                + "\"profile\":{\"fullName\":\"Dua Kali\"}}"),
                // 422
                get("/api/v1/regions/search").param("q", "temang").param("limit", "500"));
        List<Integer> statuses = new ArrayList<>();
        for (MockHttpServletRequestBuilder request : requests) {
            MockHttpServletResponse response =
                    mvc.perform(bearer(request, context, "admin")).andReturn().getResponse();
            statuses.add(response.getStatus());
            assertProblem(response, problem, field);
        }
        // 401: a token that does not exist
        MockHttpServletResponse unknownToken = mvc.perform(
                        get("/api/v1/me").header("Authorization", "Bearer pdl_nothing"))
                .andReturn()
                .getResponse();
        statuses.add(unknownToken.getStatus());
        assertProblem(unknownToken, problem, field);
        // 403: a role the operation does not allow
        MockHttpServletResponse denied = mvc.perform(bearer(get("/api/v1/users"), context, "pekerja.alyatama"))
                .andReturn()
                .getResponse();
        statuses.add(denied.getStatus());
        assertProblem(denied, problem, field);
        assertThat(statuses).containsExactly(400, 400, 400, 404, 409, 422, 401, 403);
    }

    @SuppressWarnings("unchecked")
    private static void assertProblem(MockHttpServletResponse response, Schema<?> problem, Schema<?> field)
            throws Exception {
        assertThat(response.getContentType()).startsWith("application/problem+json");
        Map<String, Object> body =
                new ObjectMapper().readValue(response.getContentAsString(StandardCharsets.UTF_8), Map.class);
        assertThat(problem.getProperties())
                .as("members of %s", body)
                .containsKeys(body.keySet().toArray(String[]::new));
        assertThat(body)
                .as("required members")
                .containsKeys(problem.getRequired().toArray(String[]::new));
        assertThat(body.get("code")).isInstanceOf(String.class);
        assertThat(body.get("status")).isEqualTo(response.getStatus());
        for (String list : List.of("errors", "warnings")) {
            if (body.get(list) instanceof List<?> items) {
                for (Object item : items) {
                    Map<String, Object> entry = (Map<String, Object>) item;
                    assertThat(field.getProperties())
                            .containsKeys(entry.keySet().toArray(String[]::new));
                    assertThat(entry).containsKeys(field.getRequired().toArray(String[]::new));
                }
            }
        }
    }

    private static Schema<?> jsonBody(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        var media = operation.getRequestBody().getContent().get("application/json");
        return media == null ? null : media.getSchema();
    }

    private static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
        if (schema != null && schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return api.getComponents().getSchemas().get(name);
        }
        return schema;
    }
}
