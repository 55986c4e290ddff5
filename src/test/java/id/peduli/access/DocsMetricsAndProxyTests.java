package id.peduli.access;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.organization.Organizations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** API documentation and metrics need the right sign-in; behind a trusted proxy the real client is seen. */
@PeduliTest
class DocsMetricsAndProxyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Users users;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void theApiDocumentationNeedsASessionOrAToken() throws Exception {
        mvc.perform(get("/api/docs/openapi.json"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/docs/swagger-ui/index.html")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/docs/ui")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/docs/openapi.json").with(as(context, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists());
        mvc.perform(bearer(get("/api/docs/openapi.json"), context, "pekerja.alyatama"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths").exists());
        mvc.perform(get("/api/docs/swagger-ui/index.html").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk());
    }

    @Test
    void metricsAndBuildInformationAreForNationalAdministratorsOnly() throws Exception {
        long alyatama = organizations.tree().stream()
                .filter(u -> u.name().equals("PSAA Alyatama Jambi"))
                .findFirst()
                .orElseThrow()
                .id();
        if (users.findByUsername("admin.metrics").isEmpty()) {
            UserView unitAdmin = users.create(new NewUserCommand(
                    "admin.metrics",
                    "Initial.Pass.2026",
                    new UserCommand("Admin Metrics", null, null, "id", true),
                    false));
            users.addGrant(unitAdmin.id(), Role.SYSTEM_ADMIN, alyatama);
        }
        mvc.perform(bearer(get("/actuator/prometheus"), context, "admin.metrics"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(bearer(get("/actuator/info"), context, "admin.metrics")).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(bearer(get("/actuator/prometheus"), context, "admin")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void behindATrustedProxyTheProcessingLogRecordsTheRealClientAddress() throws Exception {
        String token = AccessTestSupport.tokenFor(context, "auditor", 1);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/tokens"))
                                .header("Authorization", "Bearer " + token)
                                .header("X-Forwarded-For", "203.0.113.9")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"via proxy\",\"days\":1}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(jdbc.sql("select client_address from audit.entry where action = 'TOKEN_CREATED' "
                                + "and username = 'auditor' order by id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void overHttpsAtTheProxyCookiesAreSecureAndHstsIsSent() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> https = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("X-Forwarded-Proto", "https")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(https.statusCode()).isEqualTo(200);
        assertThat(https.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(https.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("; Secure"));
        HttpResponse<String> plain = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie"))
                .allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("; Secure"));
    }
}
