package id.peduli.registry.bench;

import id.peduli.registry.RegistryBenchSupport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often the name a typo was made from is on the first page (20 results) when searching the name with the typo
 * through the API, the quality figure that goes with the speed figures of the benchmark. Names count as the same
 * when their name keys are (Moch. Yudi and Muhammad Yudi, Soekardi and Sukardi).
 *
 * <p>{@code java -cp <test classpath> id.peduli.registry.bench.SearchRecall <base url> <token> <names-typo.tsv>
 * [count]}
 */
public final class SearchRecall {

    private static final Pattern FULL_NAME = Pattern.compile("\"fullName\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private SearchRecall() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        String base = args[0];
        String token = args[1];
        List<String> lines = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
        int count = Math.min(lines.size(), args.length > 3 ? Integer.parseInt(args[3]) : 1000);
        HttpClient client = HttpClient.newHttpClient();
        int found = 0;
        long totals = 0;
        for (String line : lines.subList(0, count)) {
            String[] parts = line.split("\t");
            String intended = RegistryBenchSupport.nameKey(parts[1]);
            HttpRequest request = HttpRequest.newBuilder(URI.create(
                            base + "/api/v1/people?size=20&q=" + URLEncoder.encode(parts[0], StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " for " + parts[0]);
            }
            Matcher names = FULL_NAME.matcher(response.body());
            while (names.find()) {
                if (RegistryBenchSupport.nameKey(names.group(1)).equals(intended)) {
                    found++;
                    break;
                }
            }
            Matcher total = TOTAL.matcher(response.body());
            if (total.find()) {
                totals += Long.parseLong(total.group(1));
            }
        }
        System.out.printf(
                "RECALL queries=%d found_on_first_page=%d recall=%.1f%% mean_matches=%.0f%n",
                count, found, 100.0 * found / count, (double) totals / count);
    }
}
