package id.peduli.registry.person;

import id.peduli.access.Access;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Limits how often one user may ask whether a NIK or KK number exists (registration and edit checks of a typed NIK,
 * NIK and KK lookups): at most {@code peduli.registry.nik-checks-per-hour} answers in any hour. Each answer tells
 * something about the whole registry, so a user (or a stolen token) cannot probe it number by number. Counted in
 * memory per user name; a restart starts afresh. Work without a signed-in user (start-up data) is not counted.
 */
@Component
public class NikChecks {

    static final Duration WINDOW = Duration.ofHours(1);

    private final Access access;
    private final Clock clock;
    private volatile int limit;
    private final Map<String, Deque<Instant>> answers = new ConcurrentHashMap<>();

    NikChecks(Access access, Clock clock, @Value("${peduli.registry.nik-checks-per-hour:30}") int limit) {
        this.access = access;
        this.clock = clock;
        this.limit = limit;
    }

    /** The refusal: 429, with the seconds until the oldest counted answer leaves the window. */
    public static final class LimitReached extends BusinessException {
        private final long retryAfterSeconds;

        LimitReached(long retryAfterSeconds, int limit) {
            super(429, null, "nik.tooManyChecks", limit, Math.max(1, (retryAfterSeconds + 59) / 60));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Counts one answer for the current user, or refuses when they reached the limit of the last hour. */
    public void count() {
        String user = access.currentUser().map(PeduliPrincipal::username).orElse(null);
        if (user == null) {
            return;
        }
        Instant now = clock.instant();
        Deque<Instant> times = answers.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (times) {
            Instant start = now.minus(WINDOW);
            while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                long wait =
                        Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds();
                throw new LimitReached(Math.max(1, wait), limit);
            }
            times.addLast(now);
        }
    }

    /** The API's answer to {@link LimitReached}: a problem detail in the caller's language, with Retry-After. */
    public static ResponseEntity<ProblemDetail> problem(LimitReached e, MessageSource messages, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, messages.getMessage(e.messageKey(), e.args(), locale));
        problem.setTitle(messages.getMessage("nik.tooManyChecksTitle", null, locale));
        problem.setProperty("code", e.messageKey());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    public int limit() {
        return limit;
    }

    /** Changes the limit at run time (tests lower it to reach it quickly). */
    public void limit(int perHour) {
        this.limit = perHour;
    }
}
