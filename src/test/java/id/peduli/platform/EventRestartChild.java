package id.peduli.platform;

import id.peduli.PeduliApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Peduli in a separate JVM for {@link EventPublicationRestartTest}, with one extra after-commit listener that only
 * this child registers (it carries no stereotype, so no other context of the test class path scans it).
 *
 * <p>Arguments: the data directory, then {@code publish} or {@code resume}.
 *
 * <ul>
 *   <li>{@code publish}: one task thread; two events are published in one transaction. The listener holds the first
 *       event it receives (in progress, never finishing) while the second waits for the thread (not run yet). The
 *       child prints {@code HOLDING <id>}, then the outstanding publications, then {@code READY}, and waits to be
 *       killed.
 *   <li>{@code resume}: the listener finishes every event it receives and prints {@code COMPLETED <id>}. The child
 *       waits until no publication of its events is left, prints {@code OUTSTANDING <n>} and {@code DONE}, and stops.
 * </ul>
 */
public final class EventRestartChild {

    /** Carries an id only, like every event between modules (ADR 9). */
    record Requested(long id) {}

    private static volatile boolean hold;
    private static final CountDownLatch HOLDING = new CountDownLatch(1);
    private static final Set<Long> COMPLETED = ConcurrentHashMap.newKeySet();

    private EventRestartChild() {}

    /** The listener of this child: holds the first event in the {@code publish} run, finishes each in {@code resume}. */
    static class Listener {

        @ApplicationModuleListener
        void on(Requested event) throws InterruptedException {
            if (hold) {
                System.out.println("HOLDING " + event.id());
                System.out.flush();
                HOLDING.countDown();
                new CountDownLatch(1).await();
            }
            COMPLETED.add(event.id());
            System.out.println("COMPLETED " + event.id());
            System.out.flush();
        }
    }

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        hold = args[1].equals("publish");
        List<String> settings = List.of(
                "--peduli.data-dir=" + dataDir,
                "--peduli.demo.enabled=false",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.jmx.enabled=false",
                "--spring.task.execution.pool.core-size=" + (hold ? 1 : 8),
                "--spring.task.execution.pool.max-size=" + (hold ? 1 : 8));
        ConfigurableApplicationContext app =
                new SpringApplication(PeduliApplication.class, Listener.class).run(settings.toArray(String[]::new));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        if (hold) {
            new TransactionTemplate(app.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
                app.publishEvent(new Requested(1));
                app.publishEvent(new Requested(2));
            });
            HOLDING.await();
            System.out.println("OUTSTANDING " + outstanding(jdbc));
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5).toMillis());
            return;
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (outstanding(jdbc) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        System.out.println("OUTSTANDING " + outstanding(jdbc));
        System.out.println("DONE");
        System.out.flush();
        System.exit(SpringApplication.exit(app));
    }

    private static long outstanding(JdbcClient jdbc) {
        return jdbc.sql(
                        "select count(*) from platform.event_publication where event_type = ? and completion_date is null")
                .param(Requested.class.getName())
                .query(Long.class)
                .single();
    }
}
