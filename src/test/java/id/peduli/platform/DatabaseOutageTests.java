package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.PeduliApplication;
import id.peduli.access.AccessTestSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An external PostgreSQL stops while Peduli runs and comes back later on the same port and data: during the outage
 * pages and the API answer a quick, translated 503 and health is DOWN; afterwards everything works again without
 * restarting Peduli, and every write acknowledged before the outage is still there.
 */
class DatabaseOutageTests {

    private static final String KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    private static final String PASSWORD = "Outage.Test.Password.2026";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private EmbeddedPostgres database;
    private ConfigurableApplicationContext app;
    private Path dataDir;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anOutageIsAnsweredWith503AndPassesWithoutARestartOrALostWrite() throws Exception {
        dataDir = Files.createTempDirectory("peduli-outage");
        int port = freePort();
        database = startDatabase(port);
        app = new SpringApplicationBuilder(PeduliApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--peduli.bootstrap.admin-password=" + PASSWORD,
                        "--peduli.data-dir=" + dataDir.resolve("app"),
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--peduli.encryption.key=" + KEY,
                        "--peduli.database.connection-timeout=2s",
                        "--spring.jmx.enabled=false");
        app.getBean(JdbcClient.class)
                .sql("update access.user_account set must_change_password = false")
                .update();
        String base = "http://127.0.0.1:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
        String token = AccessTestSupport.tokenFor(app, "admin", 1);
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpClient api =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        signIn(http, base);
        assertThat(get(http, base + "/admin/units", "id").statusCode()).isEqualTo(200);

        List<Long> written = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            written.add(createUnit(api, base, token, "Unit sebelum gangguan " + i));
        }

        database.close();
        database = null;

        HttpResponse<String> page = get(http, base + "/admin/units", "id");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Layanan sedang tidak tersedia").doesNotContain("Exception");
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        // A visitor who is not signed in still gets the sign-in page, and a sign-in is told to try again later.
        HttpClient visitor = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> login = get(visitor, base + "/login", "id");
        assertThat(login.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = postSignIn(visitor, base, login);
        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error=unavailable"));
        assertThat(get(visitor, base + "/login?error=unavailable", "id").body())
                .contains("Layanan sedang tidak dapat menghubungi basis datanya");

        HttpResponse<String> list = api.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/org-units"))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "en")
                        .timeout(REQUEST_TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(503);
        assertThat(list.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(list.headers().firstValue("Retry-After")).isPresent();
        assertThat(list.body()).contains("\"code\":\"error.unavailable\"").contains("cannot reach its database");

        HttpResponse<String> write = postUnit(api, base, token, "Unit selama gangguan");
        assertThat(write.statusCode()).isEqualTo(503);
        assertThat(write.body()).contains("\"code\":\"error.unavailable\"");

        assertThat(health(api, base)).isEqualTo(503);

        database = startDatabase(port);
        boolean up = false;
        for (int attempt = 0; attempt < 60 && !up; attempt++) {
            up = health(api, base) == 200;
            if (!up) {
                Thread.sleep(500);
            }
        }
        assertThat(up).as("health UP again within 30 seconds").isTrue();

        for (Long id : written) {
            HttpResponse<String> unit = api.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/org-units/" + id))
                            .header("Authorization", "Bearer " + token)
                            .timeout(REQUEST_TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unit.statusCode()).isEqualTo(200);
            assertThat(unit.body()).contains("Unit sebelum gangguan");
        }
        Long after = createUnit(api, base, token, "Unit setelah gangguan");
        assertThat(app.getBean(JdbcClient.class)
                        .sql("select count(*) from organization.org_unit where id in (:ids)")
                        .param("ids", List.of(written.get(0), written.get(1), written.get(2), after))
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        assertThat(get(http, base + "/admin/units", "id").statusCode()).isEqualTo(200);
    }

    private EmbeddedPostgres startDatabase(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir.resolve("server"))
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "localhost")
                .start();
    }

    private static int health(HttpClient api, String base) throws Exception {
        return api.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                .timeout(REQUEST_TIMEOUT)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void signIn(HttpClient http, String base) throws Exception {
        HttpResponse<String> posted = postSignIn(http, base, get(http, base + "/login", "id"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    private static HttpResponse<String> postSignIn(HttpClient http, String base, HttpResponse<String> login)
            throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .timeout(REQUEST_TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, String url, String language) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/html")
                        .header("Accept-Language", language)
                        .timeout(REQUEST_TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postUnit(HttpClient http, String base, String token, String name)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/org-units"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept-Language", "en")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"type\":\"MINISTRY\"}"))
                        .timeout(REQUEST_TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Long createUnit(HttpClient http, String base, String token, String name) throws Exception {
        HttpResponse<String> created = postUnit(http, base, token, name);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        return Long.valueOf(id.group(1));
    }
}
