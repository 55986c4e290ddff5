package id.peduli.demo;

import id.peduli.PeduliApplication;
import id.peduli.platform.DemoSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Time of the workshop's demo seeds ({@code workshop-participants-v1}, {@code casework-cases-v1}, {@code
 * workshop-goods-v1}) on a fresh embedded database, with the registry's people seed ({@code registry-people-v1}) they
 * build on as the baseline measured in the same run. Starts Peduli without the demo, loads every other seed these
 * depend on once, then {@code runs} times loads the people seed and the three workshop seeds in the demo runner's order
 * in one transaction that is rolled back (and vacuumed), so every run starts from the same empty registry and
 * workshop. Prints each seed's time and row counts per run, then the median and spread of each. The demo accounts are
 * made ordinary ones first, as the seeds sign in as the demo programme manager without the demo mode. Run by
 * bench/workshop-demo-seed.sh.
 *
 * <p>Arguments: number of runs (default 3), data directory (default target/bench-workshop-seed).
 */
public final class WorkshopDemoSeedBenchmark {

    static final String BASELINE = "registry-people-v1";
    static final List<String> MEASURED =
            List.of(BASELINE, "workshop-participants-v1", "casework-cases-v1", "workshop-goods-v1");

    private WorkshopDemoSeedBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dataDir = Path.of(args.length > 1 ? args[1] : "target/bench-workshop-seed")
                .toAbsolutePath();
        deleteTree(dataDir);
        Files.createDirectories(dataDir);
        ConfigurableApplicationContext context = SpringApplication.run(
                PeduliApplication.class,
                "--peduli.data-dir=" + dataDir,
                "--server.port=0",
                "--peduli.demo.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.id.peduli.workshop.WorkshopParticipantsSeed=INFO",
                "--logging.level.id.peduli.casework.CaseworkCasesSeed=INFO");
        try {
            TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            List<DemoSeed> ordered =
                    DemoSeeds.ordered(context.getBeansOfType(DemoSeed.class).values());
            Map<String, DemoSeed> byName = new LinkedHashMap<>();
            ordered.forEach(s -> byName.put(s.name(), s));
            Set<String> before = new HashSet<>();
            for (String name : MEASURED) {
                collect(byName, name, before);
            }
            before.removeAll(MEASURED);
            for (DemoSeed seed : ordered) {
                if (before.contains(seed.name())) {
                    asSystem(() -> transaction.executeWithoutResult(s -> seed.load()));
                    log("loaded %s once", seed.name());
                }
            }
            // the seeds sign in as the demo programme manager; demo accounts sign in only in demo mode, which would
            // load every seed at the start
            jdbc.sql("update access.user_account set demo = false where demo").update();
            List<DemoSeed> measured =
                    ordered.stream().filter(s -> MEASURED.contains(s.name())).toList();
            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            measured.forEach(s -> seconds.put(s.name(), new ArrayList<>()));
            seconds.put("workshop seeds together", new ArrayList<>());
            for (int run = 1; run <= runs; run++) {
                int r = run;
                asSystem(() -> transaction.executeWithoutResult(status -> {
                    double workshop = 0;
                    for (DemoSeed seed : measured) {
                        long started = System.nanoTime();
                        seed.load();
                        double s = (System.nanoTime() - started) / 1e9;
                        seconds.get(seed.name()).add(s);
                        if (!seed.name().equals(BASELINE)) {
                            workshop += s;
                        }
                        log("run %d: %-26s %6.2f s  %s", r, seed.name(), s, counts(jdbc, seed.name()));
                    }
                    seconds.get("workshop seeds together").add(workshop);
                    log("run %d: %-26s %6.2f s", r, "workshop seeds together", workshop);
                    status.setRollbackOnly();
                }));
                // the rolled-back rows are dead tuples in the tables and indexes: clear them, so that the next run
                // writes into tables as empty as on a first start
                jdbc.sql("vacuum analyze").update();
            }
            log("load average after the runs: %s", loadAverage());
            for (Map.Entry<String, List<Double>> e : seconds.entrySet()) {
                List<Double> sorted =
                        e.getValue().stream().sorted(Comparator.naturalOrder()).toList();
                log(
                        "%-26s median %.2f s (min %.2f, max %.2f) over %d runs",
                        e.getKey(), sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), runs);
            }
        } finally {
            context.close();
        }
    }

    /** What the seed left, to show that every run loads the same data. */
    private static String counts(JdbcClient jdbc, String seed) {
        String sql = switch (seed) {
            case BASELINE -> "select 'people ' || count(*) from registry.person where external_id like 'DEMO-%'";
            case "workshop-participants-v1" -> """
                        select 'enrolments ' || (select count(*) from casework.enrolment)
                            || ', attendance ' || (select count(*) from workshop.attendance)
                            || ', production ' || (select count(*) from workshop.production_record)
                            || ', payout lines ' || (select count(*) from workshop.payout_line)
                            || ', placements ' || (select count(*) from workshop.placement)
                        """;
            case "casework-cases-v1" -> """
                        select 'assessments ' || (select count(*) from casework.assessment)
                            || ', goals ' || (select count(*) from casework.goal)
                        """;
            default -> """
                        select 'materials ' || (select count(*) from workshop.material)
                            || ', sales ' || (select count(*) from workshop.sale)
                        """;
        };
        try {
            return jdbc.sql(sql).query(String.class).single();
        } catch (RuntimeException e) {
            return "(counts unavailable: " + e.getMessage() + ")";
        }
    }

    private static void collect(Map<String, DemoSeed> byName, String name, Set<String> into) {
        if (into.add(name)) {
            for (String dependency : byName.get(name).dependsOn()) {
                collect(byName, dependency, into);
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
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
