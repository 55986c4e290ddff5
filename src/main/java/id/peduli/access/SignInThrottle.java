package id.peduli.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per client address, in memory: after {@code address-limit} failures within {@code window} the
 * address may not try again until the window has passed. Each account is protected on its own by the lockout in the
 * database ({@link SignInEvents}). The table holds at most {@code max-addresses} addresses; when it is full, expired
 * windows are dropped first and then the table starts afresh, so memory stays bounded. Counters are per instance and
 * are lost at a restart.
 */
@Component
class SignInThrottle {

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final int maxAddresses;
    private final ConcurrentHashMap<String, Window> failures = new ConcurrentHashMap<>();

    SignInThrottle(
            Clock clock,
            @Value("${peduli.security.sign-in.address-limit:30}") int limit,
            @Value("${peduli.security.sign-in.window:15m}") Duration window,
            @Value("${peduli.security.sign-in.max-addresses:10000}") int maxAddresses) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
        this.maxAddresses = maxAddresses;
    }

    /** Failures of one address in the current window; {@code unknown} counts those with a username nobody has. */
    record Window(Instant start, int count, int unknown) {}

    boolean blocked(String address) {
        Window current = failures.get(key(address));
        return current != null && open(current) && current.count() >= limit;
    }

    /** Counts a failed sign-in and returns the address's window; {@code count() == limit} once, when it closes. */
    Window failed(String address, boolean unknownUsername) {
        if (failures.size() >= maxAddresses) {
            failures.values().removeIf(w -> !open(w));
            if (failures.size() >= maxAddresses) {
                failures.clear();
            }
        }
        int unknown = unknownUsername ? 1 : 0;
        return failures.compute(
                key(address),
                (k, w) -> w == null || !open(w)
                        ? new Window(clock.instant(), 1, unknown)
                        : new Window(w.start(), w.count() + 1, w.unknown() + unknown));
    }

    /** The address's failures in the current window; zero counts when it has none. */
    Window current(String address) {
        Window w = failures.get(key(address));
        return w != null && open(w) ? w : new Window(clock.instant(), 0, 0);
    }

    int limit() {
        return limit;
    }

    Duration window() {
        return window;
    }

    private boolean open(Window w) {
        return w.start().plus(window).isAfter(clock.instant());
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }
}
