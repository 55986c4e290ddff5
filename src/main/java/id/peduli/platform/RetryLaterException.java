package id.peduli.platform;

import id.peduli.shared.BusinessException;
import java.time.Duration;

/**
 * A refusal the caller should retry later: 429 when they sent too many requests, 503 when the service is busy. The
 * API answers it with a problem detail and a {@code Retry-After} header in whole seconds.
 */
public class RetryLaterException extends BusinessException {

    private final Duration retryAfter;

    public RetryLaterException(int status, String messageKey, Duration retryAfter, Object... args) {
        super(status, null, messageKey, args);
        if (status != 429 && status != 503) {
            throw new IllegalArgumentException("Retry later means 429 or 503, not " + status);
        }
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    /** Too many requests from this caller; try again after {@code retryAfter}. */
    public static RetryLaterException tooManyRequests(String messageKey, Duration retryAfter, Object... args) {
        return new RetryLaterException(429, messageKey, retryAfter, args);
    }

    /** The service cannot answer now; try again after {@code retryAfter}. */
    public static RetryLaterException unavailable(String messageKey, Duration retryAfter, Object... args) {
        return new RetryLaterException(503, messageKey, retryAfter, args);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The value of the {@code Retry-After} header: whole seconds, rounded up, at least 1. */
    public String retryAfterHeader() {
        return retryAfterSeconds(retryAfter);
    }

    static String retryAfterSeconds(Duration duration) {
        long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        return String.valueOf(Math.max(1, seconds));
    }
}
