package id.peduli.registry.person;

import id.peduli.PeduliApplication;
import id.peduli.platform.DemoSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Time of the demo people seed ({@code registry-people-v1}) on a fresh embedded database: starts Peduli without the
 * demo, loads the story's seed ({@code demo-v1}) it depends on, then loads the people seed {@code runs} times, each
 * time in one transaction (as the demo runner does) that is rolled back, so every run starts from the same empty
 * registry. Prints each run and the median. Run by bench/registry-demo-seed.sh.
 *
 * <p>Arguments: number of runs (default 3), data directory (default target/bench-demo-seed).
 */
public final class DemoPeopleSeedBenchmark {

    private DemoPeopleSeedBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dataDir =
                Path.of(args.length > 1 ? args[1] : "target/bench-demo-seed").toAbsolutePath();
        deleteTree(dataDir);
        Files.createDirectories(dataDir);
        ConfigurableApplicationContext context = SpringApplication.run(
                PeduliApplication.class,
                "--peduli.data-dir=" + dataDir,
                "--server.port=0",
                "--peduli.demo.enabled=false",
                "--logging.level.root=WARN");
        try {
            TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            DemoSeed story = context.getBeansOfType(DemoSeed.class).values().stream()
                    .filter(s -> s.name().equals("demo-v1"))
                    .findFirst()
                    .orElseThrow();
            asSystem(() -> transaction.executeWithoutResult(s -> story.load()));
            RegistryDemoPeople seed = context.getBean(RegistryDemoPeople.class);
            List<Double> seconds = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                long[] people = new long[1];
                long started = System.nanoTime();
                asSystem(() -> transaction.executeWithoutResult(status -> {
                    seed.load();
                    people[0] = jdbc.sql("select count(*) from registry.person where external_id like 'DEMO-%'")
                            .query(Long.class)
                            .single();
                    status.setRollbackOnly();
                }));
                double s = (System.nanoTime() - started) / 1e9;
                seconds.add(s);
                log("run %d: %,d people in %.2f s", run, people[0], s);
            }
            List<Double> sorted =
                    seconds.stream().sorted(Comparator.naturalOrder()).toList();
            log(
                    "median %.2f s (min %.2f, max %.2f) over %d runs",
                    sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), runs);
        } finally {
            context.close();
        }
    }

    private static void asSystem(Runnable work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "system", null, AuthorityUtils.createAuthorityList("ROLE_SYSTEM_ADMIN")));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
