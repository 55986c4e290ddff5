package id.peduli.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An after-commit listener of the test classpath for {@link EventPublicationRegistryTests}: it stops midway (throws)
 * once {@link #stopNext()} was called, as a listener does whose application is stopped before it finishes. It listens only
 * to its own event, so the other tests of the shared context never reach it.
 */
@Component
class InterruptedWork {

    /** Carries an id only, like every event between modules (ADR 9). */
    record Requested(long id) {}

    private final AtomicBoolean stopNext = new AtomicBoolean();
    private final Map<Long, Integer> attempts = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> finished = new ConcurrentHashMap<>();

    @ApplicationModuleListener
    void on(Requested event) {
        attempts.merge(event.id(), 1, Integer::sum);
        if (stopNext.getAndSet(false)) {
            throw new IllegalStateException("stopped midway");
        }
        finished.put(event.id(), true);
    }

    /** The next event stops midway. */
    void stopNext() {
        stopNext.set(true);
    }

    int attempts(long id) {
        return attempts.getOrDefault(id, 0);
    }

    boolean finished(long id) {
        return finished.getOrDefault(id, false);
    }
}
