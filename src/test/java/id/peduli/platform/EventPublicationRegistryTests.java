package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.peduli.PeduliTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event publication registry (ADR 9): an after-commit listener that stops midway leaves its publication in
 * {@code platform.event_publication}, and resubmitting the outstanding publications, as a restart does, completes it.
 */
@PeduliTest
class EventPublicationRegistryTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    InterruptedWork work;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aListenerStoppedMidwayIsCompletedWhenItsPublicationIsResubmitted() {
        long id = System.nanoTime();
        work.stopNext();
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> events.publishEvent(new InterruptedWork.Requested(id)));

        await().atMost(PATIENCE).until(() -> work.attempts(id) == 1 && failed(id) == 1);
        assertThat(work.finished(id)).isFalse();
        assertThat(outstanding(id)).isEqualTo(1);

        incomplete.resubmitIncompletePublications(publication ->
                publication.getEvent() instanceof InterruptedWork.Requested requested && requested.id() == id);

        await().atMost(PATIENCE).until(() -> work.finished(id) && stored(id) == 0);
        assertThat(work.attempts(id)).isEqualTo(2);
    }

    @Test
    void aListenerThatFinishesLeavesNothingInTheRegistry() {
        long id = System.nanoTime();
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> events.publishEvent(new InterruptedWork.Requested(id)));

        await().atMost(PATIENCE).until(() -> work.finished(id) && stored(id) == 0);
        assertThat(work.attempts(id)).isEqualTo(1);
    }

    @Test
    void aRolledBackPublisherPublishesNothing() {
        long id = System.nanoTime();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new InterruptedWork.Requested(id));
            status.setRollbackOnly();
        });
        assertThat(stored(id)).isZero();
        assertThat(work.attempts(id)).isZero();
    }

    private long stored(long id) {
        return jdbc.sql("select count(*) from platform.event_publication where event_type = ? and serialized_event = ?")
                .params(InterruptedWork.Requested.class.getName(), "{\"id\":" + id + "}")
                .query(Long.class)
                .single();
    }

    private long outstanding(long id) {
        return jdbc.sql("select count(*) from platform.event_publication where event_type = ? and serialized_event = ?"
                        + " and completion_date is null")
                .params(InterruptedWork.Requested.class.getName(), "{\"id\":" + id + "}")
                .query(Long.class)
                .single();
    }

    private long failed(long id) {
        return jdbc.sql("select count(*) from platform.event_publication where event_type = ? and serialized_event = ?"
                        + " and status = 'FAILED'")
                .params(InterruptedWork.Requested.class.getName(), "{\"id\":" + id + "}")
                .query(Long.class)
                .single();
    }
}
