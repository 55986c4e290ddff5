package id.peduli.access;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLabels;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
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
    private final SignInThrottle throttle;

    SignInEvents(
            JdbcClient jdbc,
            Accounts accounts,
            AuditLog audit,
            Clock clock,
            @Value("${peduli.security.max-failed-logins}") int maxFailures,
            @Value("${peduli.security.lockout}") Duration lockout,
            SignInThrottle throttle) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.throttle = throttle;
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

    /**
     * A failed sign-in. Every failure counts against the client address ({@link SignInThrottle}). A wrong password
     * counts against the account too, which is locked for a while after too many; an account that is locked already
     * is not locked again. A username nobody has is only counted in memory, not written to the processing log one row
     * per attempt; the log gets one row when an address reaches the limit.
     */
    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress()
                : null;
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        var row = accounts.byUsername(username);
        SignInThrottle.Window window = throttle.failed(address, row.isEmpty());
        if (window.count() == throttle.limit()) {
            audit.record(AuditRecord.of(AuditAction.LOGIN_FAILED, "User", null)
                    .purpose(AuditLabels.coded(
                            AccessAuditLabels.SIGN_IN_PAUSED,
                            window.count(),
                            throttle.window().toMinutes(),
                            window.unknown())));
        }
        if (row.isEmpty() || !(event instanceof AuthenticationFailureBadCredentialsEvent)) {
            return;
        }
        Accounts.Row account = row.get();
        Instant now = clock.instant();
        audit.record(
                AuditRecord.of(AuditAction.LOGIN_FAILED, "User", account.id()).actor(account.id(), account.username()));
        if (account.lockedAt(now)) {
            return;
        }
        int failures = account.failedAttempts() + 1;
        boolean lock = failures >= maxFailures;
        jdbc.sql("update access.user_account set failed_attempts = :failures, locked_until = :until where id = :id")
                .param("failures", lock ? 0 : failures)
                .param("until", lock ? Timestamp.from(now.plus(lockout)) : null)
                .param("id", account.id())
                .update();
        if (lock) {
            audit.record(AuditRecord.of(AuditAction.LOCKED, "User", account.id())
                    .actor(account.id(), account.username())
                    .purpose(AuditLabels.coded(AccessAuditLabels.LOCKOUT, lockout.toMinutes(), maxFailures)));
        }
    }
}
