package id.peduli.access;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.RunMode;
import id.peduli.shared.BusinessException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the API. A token is {@code pdl_} followed by 32 random bytes; only its SHA-256 hash is
 * stored, so it is shown exactly once. Tokens expire and can be revoked.
 */
@Service
class ApiTokens {

    static final String PREFIX = "pdl_";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final RunMode runMode;
    private final int maxDays;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(
            JdbcClient jdbc,
            Accounts accounts,
            AuditLog audit,
            Clock clock,
            RunMode runMode,
            @Value("${peduli.security.token-max-days}") int maxDays) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.runMode = runMode;
        this.maxDays = maxDays;
    }

    record TokenView(
            long id,
            String name,
            String prefix,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt) {

        boolean active(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }

        TokenRow row(Instant now) {
            String state = revokedAt != null ? "revoked" : active(now) ? "active" : "expired";
            return new TokenRow(id, name, prefix, createdAt, expiresAt, lastUsedAt, state);
        }
    }

    record CreatedToken(TokenView token, String secret) {}

    @Transactional
    CreatedToken create(long userId, String name, int days) {
        if (name == null || name.isBlank()) {
            throw BusinessException.invalid("name", "validation.required");
        }
        if (name.trim().length() > 100) {
            throw BusinessException.invalid("name", "token.nameTooLong", 100);
        }
        if (days < 1 || days > maxDays) {
            throw BusinessException.invalid("days", "token.daysRange", 1, maxDays);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into access.api_token (user_id, name, token_hash, prefix, created_at, expires_at)
                        values (:user, :name, :hash, :prefix, :now, :expires) returning id
                        """)
                .param("user", userId)
                .param("name", name.trim())
                .param("hash", hash(secret))
                .param("prefix", secret.substring(0, 10))
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(Duration.ofDays(days))))
                .query(Long.class)
                .single();
        audit.record(AuditRecord.of(AuditAction.TOKEN_CREATED, "ApiToken", id).change("name", null, name.trim()));
        return new CreatedToken(get(userId, id), secret);
    }

    List<TokenView> list(long userId) {
        return jdbc.sql("select * from access.api_token where user_id = ? order by created_at desc")
                .param(userId)
                .query((rs, i) -> new TokenView(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("prefix"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    List<TokenRow> rows(long userId) {
        Instant now = clock.instant();
        return list(userId).stream().map(t -> t.row(now)).toList();
    }

    TokenView get(long userId, long tokenId) {
        return list(userId).stream()
                .filter(t -> t.id() == tokenId)
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("token.notFound", tokenId));
    }

    @Transactional
    void revoke(long userId, long tokenId) {
        TokenView token = get(userId, tokenId);
        if (token.revokedAt() != null) {
            return;
        }
        jdbc.sql("update access.api_token set revoked_at = ? where id = ? and user_id = ?")
                .params(Timestamp.from(clock.instant()), tokenId, userId)
                .update();
        audit.record(AuditRecord.of(AuditAction.TOKEN_REVOKED, "ApiToken", tokenId));
    }

    enum Outcome {
        VALID,
        UNKNOWN,
        EXPIRED,
        REVOKED,
        ACCOUNT_UNUSABLE
    }

    record Authentication(Outcome outcome, AccountDetails details) {}

    /** Checks a presented token and, when it is valid, loads its user. */
    Authentication authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return new Authentication(Outcome.UNKNOWN, null);
        }
        Instant now = clock.instant();
        var row = jdbc.sql("select id, user_id, expires_at, revoked_at, last_used_at from access.api_token "
                        + "where token_hash = ?")
                .param(hash(secret))
                .query((rs, i) -> new Object[] {
                    rs.getLong("id"),
                    rs.getLong("user_id"),
                    rs.getTimestamp("expires_at").toInstant(),
                    rs.getTimestamp("revoked_at"),
                    rs.getTimestamp("last_used_at")
                })
                .optional();
        if (row.isEmpty()) {
            return new Authentication(Outcome.UNKNOWN, null);
        }
        Object[] values = row.get();
        if (values[3] != null) {
            return new Authentication(Outcome.REVOKED, null);
        }
        if (!((Instant) values[2]).isAfter(now)) {
            return new Authentication(Outcome.EXPIRED, null);
        }
        Optional<Accounts.Row> account = accounts.byId((Long) values[1]);
        if (account.isEmpty()
                || !account.get().enabled()
                || account.get().lockedAt(now)
                || (account.get().demo() && !runMode.demo())) {
            return new Authentication(Outcome.ACCOUNT_UNUSABLE, null);
        }
        Timestamp lastUsed = (Timestamp) values[4];
        if (lastUsed == null || lastUsed.toInstant().isBefore(now.minusSeconds(60))) {
            jdbc.sql("update access.api_token set last_used_at = ? where id = ?")
                    .params(Timestamp.from(now), values[0])
                    .update();
        }
        return new Authentication(Outcome.VALID, accounts.details(account.get()));
    }

    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
