package id.peduli.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The store behind {@code Idempotency-Key}: a key is claimed by the caller's first request, then either completed
 * with its successful answer (replayed to retries for {@link #TTL}) or released when the request failed, so that the
 * caller can correct it and send it again. Each statement commits on its own, outside the request's transaction.
 */
@Component
class IdempotencyKeys {

    static final Duration TTL = Duration.ofHours(24);
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final String FIELD = "idempotency.body";

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    IdempotencyKeys(JdbcClient jdbc, FieldEncryption encryption, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.clock = clock;
    }

    /** What a request with a key should do. */
    sealed interface Claim {}

    /** First use (or the earlier one failed, expired or died): go on, then {@link #complete} or {@link #release}. */
    record Proceed() implements Claim {}

    /** The same request succeeded before: send its answer again. */
    record Replay(int status, String location, String contentType, byte[] body) implements Claim {}

    /** The key was used with another request. */
    record Mismatch() implements Claim {}

    /** The first request with this key is still running. */
    record InProgress() implements Claim {}

    Claim claim(long userId, String key, byte[] requestHash) {
        Instant now = clock.instant();
        purgeNowAndThen(now);
        int inserted = jdbc.sql("""
                        insert into platform.idempotency_key
                            (user_id, idem_key, request_hash, created_at, locked_until, expires_at)
                        values (:user, :key, :hash, :now, :lockedUntil, :expiresAt)
                        on conflict (user_id, idem_key) do nothing
                        """)
                .param("user", userId)
                .param("key", key)
                .param("hash", requestHash)
                .param("now", Timestamp.from(now))
                .param("lockedUntil", Timestamp.from(now.plus(LEASE)))
                .param("expiresAt", Timestamp.from(now.plus(TTL)))
                .update();
        if (inserted == 1) {
            return new Proceed();
        }
        Optional<Stored> stored = jdbc.sql("""
                        select request_hash, status, location, content_type, body, locked_until, expires_at
                        from platform.idempotency_key where user_id = :user and idem_key = :key
                        """)
                .param("user", userId)
                .param("key", key)
                .query((rs, n) -> new Stored(
                        rs.getBytes("request_hash"),
                        (Integer) rs.getObject("status"),
                        rs.getString("location"),
                        rs.getString("content_type"),
                        rs.getBytes("body"),
                        rs.getTimestamp("locked_until").toInstant(),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
        if (stored.isEmpty()) {
            return claim(userId, key, requestHash); // released meanwhile
        }
        Stored row = stored.get();
        boolean expired = !row.expiresAt().isAfter(now);
        boolean dead = row.status() == null && !row.lockedUntil().isAfter(now);
        if (expired || dead) {
            int taken = jdbc.sql("""
                            update platform.idempotency_key
                            set request_hash = :hash, status = null, location = null, content_type = null,
                                body = null, created_at = :now, locked_until = :lockedUntil, expires_at = :expiresAt
                            where user_id = :user and idem_key = :key
                              and locked_until = :oldLock and expires_at = :oldExpiry
                            """)
                    .param("hash", requestHash)
                    .param("now", Timestamp.from(now))
                    .param("lockedUntil", Timestamp.from(now.plus(LEASE)))
                    .param("expiresAt", Timestamp.from(now.plus(TTL)))
                    .param("user", userId)
                    .param("key", key)
                    .param("oldLock", Timestamp.from(row.lockedUntil()))
                    .param("oldExpiry", Timestamp.from(row.expiresAt()))
                    .update();
            return taken == 1 ? new Proceed() : new InProgress();
        }
        if (!MessageDigest.isEqual(row.requestHash(), requestHash)) {
            return new Mismatch();
        }
        if (row.status() == null) {
            return new InProgress();
        }
        byte[] body = row.body() == null
                ? new byte[0]
                : encryption.decrypt(FIELD, row.body()).getBytes(StandardCharsets.UTF_8);
        return new Replay(row.status(), row.location(), row.contentType(), body);
    }

    /** Keeps the successful answer of the claimed request for the retries. */
    void complete(long userId, String key, int status, String location, String contentType, byte[] body) {
        jdbc.sql("""
                        update platform.idempotency_key
                        set status = :status, location = :location, content_type = :contentType, body = :body
                        where user_id = :user and idem_key = :key and status is null
                        """)
                .param("status", status)
                .param("location", location)
                .param("contentType", contentType)
                .param("body", encryption.encrypt(FIELD, new String(body, StandardCharsets.UTF_8)))
                .param("user", userId)
                .param("key", key)
                .update();
    }

    /** Frees the key of a request that failed: the caller may send it again, corrected, with the same key. */
    void release(long userId, String key) {
        jdbc.sql("delete from platform.idempotency_key where user_id = :user and idem_key = :key and status is null")
                .param("user", userId)
                .param("key", key)
                .update();
    }

    /** SHA-256 of the method, the path and the body bytes. */
    static byte[] hash(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void purgeNowAndThen(Instant now) {
        Instant last = lastPurge.get();
        if (last.plus(Duration.ofMinutes(10)).isBefore(now) && lastPurge.compareAndSet(last, now)) {
            jdbc.sql("delete from platform.idempotency_key where expires_at < :now")
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    private record Stored(
            byte[] requestHash,
            Integer status,
            String location,
            String contentType,
            byte[] body,
            Instant lockedUntil,
            Instant expiresAt) {}
}
