package id.peduli.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The crash of the issue, reproduced with the real application in its own JVM: Peduli is killed ({@code kill -9})
 * while it commits an all-or-nothing import; the next start comes up, the job reads interrupted at once (not after
 * its heartbeat goes stale) and not one person of the file was written.
 */
class ImportKilledMidCommitTest {

    private static final int ROWS = 50_000;
    private static final String PASSWORD = "Peduli.Demo.2026";

    @Test
    void anAllOrNothingCommitKilledMidwayLeavesNothingAndIsInterruptedAtTheNextStart() throws Exception {
        Path dataDir = Files.createTempDirectory("peduli-import-kill");
        Path csv = dataDir.resolveSibling(dataDir.getFileName() + ".csv");
        StringBuilder file = new StringBuilder("external_id,full_name,sex,birth_year\n");
        for (int i = 1; i <= ROWS; i++) {
            file.append("kill-")
                    .append(i)
                    .append(",Peserta Terputus ")
                    .append(i)
                    .append(",P,1980\n");
        }
        Files.writeString(csv, file);
        int port = freePort();
        Peduli first = Peduli.start(dataDir, port);
        long job;
        try {
            Api api = Api.signIn(port, "pekerja.alyatama");
            long unit = ((Number) JsonPath.read(api.get("/api/v1/me"), "$.grants[0].unitId")).longValue();
            job = ((Number) JsonPath.read(api.upload(unit, csv), "$.id")).longValue();
            api.post("/api/v1/people/imports/" + job + "/validate");
            api.waitFor(job, status -> status.equals("VALIDATED"));
            api.post("/api/v1/people/imports/" + job + "/commit?mode=ALL_OR_NOTHING");
            api.waitFor(job, status -> status.equals("COMMITTING"));
        } finally {
            first.process.destroyForcibly().waitFor();
        }

        Peduli second = Peduli.start(dataDir, port);
        try {
            Api api = Api.signIn(port, "pekerja.alyatama");
            String view = api.get("/api/v1/people/imports/" + job);
            assertThat((String) JsonPath.read(view, "$.status")).isIn("FAILED", "INTERRUPTED");
            assertThat((Boolean) JsonPath.read(view, "$.running")).isFalse();
            String found = api.get("/api/v1/people?q=Peserta%20Terputus&size=1");
            assertThat(((Number) JsonPath.read(found, "$.total")).longValue())
                    .as("people of the interrupted all-or-nothing commit")
                    .isZero();
        } finally {
            second.process.destroy();
            if (!second.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                second.process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(csv);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The application in a child JVM on the test class path, in demo mode on the loopback address. */
    private record Peduli(Process process, List<String> output) {

        static Peduli start(Path dataDir, int port) throws Exception {
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx512m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            "id.peduli.PeduliApplication",
                            "--peduli.data-dir=" + dataDir,
                            "--server.port=" + port,
                            "--server.address=127.0.0.1")
                    .redirectErrorStream(true)
                    .start();
            List<String> output = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        synchronized (output) {
                            output.add(line);
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            HttpClient http = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Peduli did not start:\n" + tail(output));
                }
                try {
                    HttpResponse<String> health = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("UP")) {
                        return new Peduli(process, output);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            process.destroyForcibly();
            throw new IllegalStateException("Peduli was not up after 6 minutes:\n" + tail(output));
        }

        private static String tail(List<String> output) {
            synchronized (output) {
                return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
            }
        }
    }

    /** A client signed in with a personal access token made on the account page, as a user would. */
    private record Api(HttpClient http, String base, String token) {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private static final Pattern TOKEN = Pattern.compile("id=\"newToken\" value=\"([^\"]+)\"");

        static Api signIn(int port, String username) throws Exception {
            String base = "http://127.0.0.1:" + port;
            HttpClient browser = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            String login = browser.send(
                            HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            browser.send(
                    form(
                            base + "/login",
                            Map.of("_csrf", find(CSRF, login), "username", username, "password", PASSWORD)),
                    HttpResponse.BodyHandlers.ofString());
            String tokens = browser.send(
                            HttpRequest.newBuilder(URI.create(base + "/account/tokens"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String created = browser.send(
                            form(
                                    base + "/account/tokens",
                                    Map.of("_csrf", find(CSRF, tokens), "name", "test", "days", "1")),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return new Api(HttpClient.newHttpClient(), base, find(TOKEN, created));
        }

        String get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        String post(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
        }

        String upload(long unit, Path csv) throws Exception {
            String boundary = "peduli" + System.nanoTime();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"orgUnitId\"\r\n\r\n" + unit
                            + "\r\n--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
                            + "Content-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/people/imports"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofFile(csv),
                            HttpRequest.BodyPublishers.ofByteArray(tail))));
        }

        void waitFor(long job, java.util.function.Predicate<String> status) throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            String last = "";
            while (Instant.now().isBefore(deadline)) {
                last = get("/api/v1/people/imports/" + job);
                if (status.test(JsonPath.read(last, "$.status"))) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("job " + job + " did not reach the state: " + last);
        }

        private String send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = http.send(
                    request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        private static HttpRequest form(String url, Map<String, String> fields) {
            String body = fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        private static String find(Pattern pattern, String html) {
            Matcher matcher = pattern.matcher(html);
            if (!matcher.find()) {
                throw new AssertionError("not found on the page: " + pattern);
            }
            return matcher.group(1);
        }
    }
}
