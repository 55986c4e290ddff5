package id.peduli.demo;

import id.peduli.platform.DemoSeed;
import id.peduli.platform.RunMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the modules' {@link DemoSeed}s on a start in demo mode: each seed once, after the seeds it depends on, in one
 * transaction with the row of {@code demo.seed_state} that records it. A seed interrupted by a crash left nothing
 * behind and runs again at the next start; a completed one never runs again.
 */
@Component
@Order(100)
class DemoSeeds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeds.class);

    private final RunMode runMode;
    private final List<DemoSeed> seeds;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DemoSeeds(RunMode runMode, List<DemoSeed> seeds, JdbcClient jdbc, TransactionTemplate transaction) {
        this.runMode = runMode;
        this.seeds = ordered(seeds);
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (runMode.demo()) {
            loadMissing();
        }
    }

    /** Loads every seed not recorded yet; answers the names it loaded. */
    List<String> loadMissing() {
        List<String> loaded = new ArrayList<>();
        for (DemoSeed seed : seeds) {
            if (completed(seed.name())) {
                continue;
            }
            long started = System.nanoTime();
            asSystem(() -> transaction.executeWithoutResult(status -> {
                seed.load();
                jdbc.sql("insert into demo.seed_state (name) values (?)")
                        .param(seed.name())
                        .update();
            }));
            loaded.add(seed.name());
            log.info("Demo data {} loaded in {} ms", seed.name(), (System.nanoTime() - started) / 1_000_000);
        }
        return loaded;
    }

    boolean completed(String name) {
        return jdbc.sql("select count(*) from demo.seed_state where name = ?")
                        .param(name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<DemoSeed> seeds() {
        return seeds;
    }

    private static void asSystem(Runnable work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "system", null, AuthorityUtils.createAuthorityList("ROLE_SYSTEM_ADMIN")));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * The seeds in the order they run: a seed comes after every seed it depends on; among those ready, lower
     * {@link DemoSeed#order()} and then name first. Refuses duplicate names, unknown dependencies and cycles, so a
     * mistake in a module's seed stops the start instead of loading half a story.
     */
    static List<DemoSeed> ordered(Collection<DemoSeed> seeds) {
        Map<String, DemoSeed> byName = new LinkedHashMap<>();
        for (DemoSeed seed : seeds) {
            if (byName.put(seed.name(), seed) != null) {
                throw new IllegalStateException("Two demo seeds are named " + seed.name());
            }
        }
        for (DemoSeed seed : seeds) {
            for (String dependency : seed.dependsOn()) {
                if (!byName.containsKey(dependency)) {
                    throw new IllegalStateException(
                            "Demo seed " + seed.name() + " depends on " + dependency + ", which does not exist");
                }
            }
        }
        List<DemoSeed> result = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Comparator<DemoSeed> byOrder = Comparator.comparingInt(DemoSeed::order).thenComparing(DemoSeed::name);
        while (result.size() < byName.size()) {
            DemoSeed next = byName.values().stream()
                    .filter(s -> !done.contains(s.name()) && done.containsAll(s.dependsOn()))
                    .min(byOrder)
                    .orElseThrow(() -> new IllegalStateException("Demo seeds depend on each other in a circle: "
                            + byName.keySet().stream()
                                    .filter(n -> !done.contains(n))
                                    .toList()));
            result.add(next);
            done.add(next.name());
        }
        return List.copyOf(result);
    }
}
