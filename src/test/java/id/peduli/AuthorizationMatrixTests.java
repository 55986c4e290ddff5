package id.peduli;

import static id.peduli.access.AccessTestSupport.as;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import id.peduli.AuthorizationMatrix.Expected;
import id.peduli.AuthorizationMatrix.Row;
import id.peduli.access.AccessTestSupport;
import id.peduli.platform.DemoSeed;
import id.peduli.platform.PeduliPrincipal;
import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint of the application against every demo account (plus unit-level administrator, DPO and auditor
 * accounts and a caller without sign-in), with an object inside and one outside the caller's scope. The expectations
 * live in one table, {@code src/test/resources/authorization-matrix.txt}; an endpoint without a row, or a row without
 * an endpoint, fails {@link #everyEndpointHasExactlyOneRow()}.
 */
@PeduliTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    /** The unit-level accounts the fixtures add to the demo accounts every module's seed declares. */
    static final List<String> FIXTURE_CALLERS = List.of(
            AuthorizationFixtures.UNIT_ADMIN,
            AuthorizationFixtures.UNIT_DPO,
            AuthorizationFixtures.UNIT_AUDITOR,
            AuthorizationFixtures.MOVED_WORKER);

    /** The callers: every seed's demo accounts, then the fixtures' accounts. */
    List<String> callers = List.of();

    static final String ANONYMOUS = "(no sign-in)";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    AuthorizationMatrix matrix;
    AuthorizationFixtures fixtures;
    final Map<String, RequestPostProcessor> sessions = new LinkedHashMap<>();
    final Map<String, String> tokens = new LinkedHashMap<>();
    final Map<String, PeduliPrincipal> principals = new LinkedHashMap<>();

    @BeforeAll
    void prepare() throws Exception {
        matrix = AuthorizationMatrix.load();
        fixtures = new AuthorizationFixtures(mvc, context);
        fixtures.create();
        UserDetailsService details = context.getBean(UserDetailsService.class);
        List<String> all = new ArrayList<>();
        context.getBeanProvider(DemoSeed.class)
                .orderedStream()
                .forEach(seed ->
                        seed.accounts().stream().map(DemoSeed.Account::username).forEach(all::add));
        all.addAll(FIXTURE_CALLERS);
        callers = List.copyOf(all);
        for (String caller : callers) {
            principals.put(caller, (PeduliPrincipal) details.loadUserByUsername(caller));
            sessions.put(caller, as(context, caller));
            tokens.put(caller, AccessTestSupport.tokenFor(context, caller, 1));
        }
    }

    /** The handler mappings of the application as the table names them: {@code METHOD /path}. */
    Set<String> endpoints() {
        Set<String> keys = new TreeSet<>();
        List<String> plain = new ArrayList<>();
        List<RequestMappingInfo> infos = new ArrayList<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()
                .forEach(mapping -> infos.addAll(mapping.getHandlerMethods().keySet()));
        for (RequestMappingInfo info : infos) {
            plain.addAll(keys(info));
        }
        for (RequestMappingInfo info : infos) {
            for (String key : keys(info)) {
                boolean ambiguous = plain.stream().filter(key::equals).count() > 1;
                keys.add(ambiguous ? withProduces(info, key) : key);
            }
        }
        return keys;
    }

    private static List<String> keys(RequestMappingInfo info) {
        Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                info.getMethodsCondition().getMethods();
        List<String> names = methods.isEmpty()
                ? List.of("ANY")
                : methods.stream().map(Enum::name).sorted().toList();
        List<String> keys = new ArrayList<>();
        for (String method : names) {
            for (String pattern : info.getPatternValues()) {
                keys.add(method + " " + pattern);
            }
        }
        return keys;
    }

    private static String withProduces(RequestMappingInfo info, String key) {
        Set<MediaType> produces = info.getProducesCondition().getProducibleMediaTypes();
        if (produces.isEmpty()) {
            return key;
        }
        return key + " ("
                + String.join(
                        ", ",
                        produces.stream().map(MediaType::toString).sorted().toList())
                + ")";
    }

    @Test
    void everyEndpointHasExactlyOneRow() {
        Set<String> endpoints = endpoints();
        Set<String> missing = new TreeSet<>(endpoints);
        missing.removeAll(matrix.rows().keySet());
        Set<String> stale = new TreeSet<>(matrix.rows().keySet());
        stale.removeAll(endpoints);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(missing)
                .as(
                        "endpoints without a row in %s; add one per endpoint (see docs/architecture.md, "
                                + "\"Authorization matrix\")",
                        AuthorizationMatrix.RESOURCE)
                .isEmpty();
        softly.assertThat(stale)
                .as("rows in %s for endpoints that no longer exist; remove them", AuthorizationMatrix.RESOURCE)
                .isEmpty();
        softly.assertAll();
    }

    @TestFactory
    Stream<DynamicNode> matrix() {
        Set<String> endpoints = endpoints();
        return matrix.rows().values().stream()
                .filter(row -> endpoints.contains(row.key()))
                .map(row -> DynamicContainer.dynamicContainer(row.key(), calls(row)));
    }

    private Stream<DynamicNode> calls(Row row) {
        List<DynamicNode> calls = new ArrayList<>();
        List<AuthorizationFixtures.Variant> variants = fixtures.variants(row.fixture());
        List<String> callers = new ArrayList<>(this.callers);
        callers.add(ANONYMOUS);
        for (String caller : callers) {
            List<AuthorizationFixtures.Variant> objects = variants.stream()
                    .filter(v -> !(v.ownedByCaller() && caller.equals(ANONYMOUS)))
                    .toList();
            if (objects.stream().allMatch(v -> expected(row, caller, v) == Expected.FORBIDDEN)) {
                // refused by role, before any object is looked at: one object is enough
                objects = objects.subList(0, 1);
            }
            for (AuthorizationFixtures.Variant variant : objects) {
                String name = caller + (variant.label() == null ? "" : ", " + variant.label());
                calls.add(DynamicTest.dynamicTest(name, () -> call(row, caller, variant)));
            }
        }
        return calls.stream();
    }

    private Expected expected(Row row, String caller, AuthorizationFixtures.Variant variant) {
        return caller.equals(ANONYMOUS)
                ? row.anonymousExpected()
                : row.expectedFor(
                        principals.get(caller),
                        variant.object(),
                        variant.unitId(),
                        variant.owner(caller),
                        fixtures::isWithin);
    }

    private void call(Row row, String caller, AuthorizationFixtures.Variant variant) throws Exception {
        boolean anonymous = caller.equals(ANONYMOUS);
        Expected expected = expected(row, caller, variant);
        Map<String, String> vars = variant.vars(anonymous ? null : caller, expected == Expected.ALLOWED);
        String url = AuthorizationMatrix.fill(row.url(), vars);
        AbstractMockHttpServletRequestBuilder<?> request = request(row, url, vars);
        if (!anonymous) {
            if (row.api() && !row.sessionAuth()) {
                request.header("Authorization", "Bearer " + tokens.get(caller));
            } else {
                request.with(sessions.get(caller));
            }
        }
        if (!row.api() || row.sessionAuth()) {
            request.with(csrf());
        }
        request.header("Accept-Language", "en");
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        String answer = status + (location == null ? "" : " to " + location);
        String where = row.method() + " " + url + " as " + caller
                + (variant.label() == null ? "" : " (" + variant.label() + ")");
        if (!expected.matches(status, location)) {
            String body = response.getContentType() != null
                            && response.getContentType().contains("json")
                    ? " " + abbreviate(response.getContentAsString(StandardCharsets.UTF_8))
                    : "";
            fail("%s: expected %s, got %s%s".formatted(where, expected.description(), answer, body));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private AbstractMockHttpServletRequestBuilder<?> request(Row row, String url, Map<String, String> vars) {
        String send = AuthorizationMatrix.fill(row.send(), vars);
        URI uri = URI.create(send.startsWith("path:") ? send.substring(5) : url);
        String method = row.method().equals("ANY") ? "GET" : row.method();
        if (send.equals("multipart")) {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(uri);
            multipart.with(r -> {
                r.setMethod(method);
                return r;
            });
            return multipart;
        }
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), uri);
        if (send.equals("json")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        } else if (send.startsWith("json:")) {
            request.contentType(MediaType.APPLICATION_JSON).content(send.substring(5));
        } else if (send.equals("form")) {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
        } else if (send.startsWith("form:")) {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
            for (String pair : send.substring(5).split("&")) {
                String[] parts = pair.split("=", 2);
                request.param(parts[0], parts.length > 1 ? parts[1] : "");
            }
        } else if (send.equals("bytes")) {
            request.contentType(MediaType.IMAGE_PNG).content("not an image".getBytes(StandardCharsets.UTF_8));
        } else if (send.startsWith("error:")) {
            request.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, Integer.parseInt(send.substring(6)));
        }
        if (row.key().endsWith("(text/html)") || (!row.api() && !send.startsWith("json"))) {
            request.accept(MediaType.TEXT_HTML, MediaType.ALL);
        } else {
            request.accept(MediaType.APPLICATION_JSON, MediaType.ALL);
        }
        return request;
    }
}
