package id.peduli.access;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins and locks an account for a while after too many; records sign-ins in the processing log.
 */
@Component
class SignInEvents {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    SignInEvents(
            JdbcClient jdbc,
            Accounts accounts,
            AuditLog audit,
            Clock clock,
            @Value("${peduli.security.max-failed-logins}") int maxFailures,
            @Value("${peduli.security.lockout}") Duration lockout) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof AccountDetails details)) {
            return;
        }
        jdbc.sql("update access.user_account set failed_attempts = 0, locked_until = null, last_login_at = ? "
                        + "where id = ?")
                .params(Timestamp.from(clock.instant()), details.userId())
                .update();
        audit.record(AuditRecord.of(AuditAction.LOGIN, "User", details.userId())
                .actor(details.userId(), details.username()));
    }

    @EventListener
    @Transactional
    public void signedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null
                && event.getAuthentication().getPrincipal() instanceof AccountDetails details) {
            audit.record(AuditRecord.of(AuditAction.LOGOUT, "User", details.userId())
                    .actor(details.userId(), details.username()));
        }
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        var row = accounts.byUsername(username);
        if (row.isEmpty()) {
            audit.record(AuditRecord.of(AuditAction.LOGIN_FAILED, "User", null).actor(null, truncate(username)));
            return;
        }
        Accounts.Row account = row.get();
        Instant now = clock.instant();
        int failures = account.failedAttempts() + 1;
        boolean lock = failures >= maxFailures;
        jdbc.sql("update access.user_account set failed_attempts = :failures, locked_until = :until where id = :id")
                .param("failures", lock ? 0 : failures)
                .param("until", lock ? Timestamp.from(now.plus(lockout)) : null)
                .param("id", account.id())
                .update();
        audit.record(
                AuditRecord.of(AuditAction.LOGIN_FAILED, "User", account.id()).actor(account.id(), account.username()));
        if (lock) {
            audit.record(AuditRecord.of(AuditAction.LOCKED, "User", account.id())
                    .actor(account.id(), account.username())
                    .purpose("lockout " + lockout.toMinutes() + " min after " + maxFailures + " failures"));
        }
    }

    private static String truncate(String value) {
        return value.length() > 60 ? value.substring(0, 60) : value;
    }
}
