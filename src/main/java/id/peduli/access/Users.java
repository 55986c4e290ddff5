package id.peduli.access;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.organization.Organizations;
import id.peduli.platform.RunMode;
import id.peduli.shared.BusinessException;
import id.peduli.shared.PageResult;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and maintaining users, their grants and passwords. Each method is one transaction and is audited. */
@Service
public class Users {

    private static final String TEMP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Organizations organizations;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final RunMode runMode;
    private final SecureRandom random = new SecureRandom();

    Users(
            JdbcClient jdbc,
            Accounts accounts,
            Organizations organizations,
            PasswordEncoder passwords,
            AuditLog audit,
            Clock clock,
            RunMode runMode) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organizations = organizations;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.runMode = runMode;
    }

    public Optional<UserView> find(long id) {
        return accounts.byId(id).map(accounts::view);
    }

    public UserView get(long id) {
        return find(id).orElseThrow(() -> BusinessException.notFound("user.notFound", id));
    }

    public Optional<UserView> findByUsername(String username) {
        return accounts.byUsername(username).map(accounts::view);
    }

    public PageResult<UserView> search(String query, int page, int size) {
        return search(query, page, size, null);
    }

    /**
     * A page of users, optionally only those whose every grant lies in {@code withinUnits} (null: every user). Users
     * without any grant are in no unit and therefore only in the unfiltered list. The filter is part of the query,
     * so totals and paging count only the users that may be seen.
     */
    PageResult<UserView> search(String query, int page, int size, Collection<Long> withinUnits) {
        int pageSize = PageResult.clampSize(size);
        int pageNumber = PageResult.clampPage(page, pageSize);
        String pattern =
                query == null || query.isBlank() ? null : "%" + query.trim().toLowerCase() + "%";
        List<String> conditions = new ArrayList<>();
        if (pattern != null) {
            conditions.add(
                    "(lower(username) like :q or lower(full_name) like :q or lower(coalesce(email, '')) like :q)");
        }
        if (withinUnits != null) {
            conditions.add(withinCondition(withinUnits));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        var countSpec = jdbc.sql("select count(*) from access.user_account" + where);
        var listSpec = jdbc.sql("select " + Accounts.COLUMNS + " from access.user_account" + where
                + " order by lower(full_name), id limit :limit offset :offset");
        if (pattern != null) {
            countSpec = countSpec.param("q", pattern);
            listSpec = listSpec.param("q", pattern);
        }
        if (withinUnits != null && !withinUnits.isEmpty()) {
            countSpec = countSpec.param("units", withinUnits);
            listSpec = listSpec.param("units", withinUnits);
        }
        long total = countSpec.query(Long.class).single();
        List<UserView> items = listSpec
                .param("limit", pageSize)
                .param("offset", PageResult.offset(pageNumber, pageSize))
                .query(Accounts::map)
                .list()
                .stream()
                .map(accounts::view)
                .toList();
        return new PageResult<>(items, pageNumber, pageSize, total);
    }

    /** True when the user exists, has at least one grant and every grant lies in {@code withinUnits}. */
    boolean isWithin(long userId, Collection<Long> withinUnits) {
        var spec = jdbc.sql(
                        "select count(*) from access.user_account where id = :id and " + withinCondition(withinUnits))
                .param("id", userId);
        if (!withinUnits.isEmpty()) {
            spec = spec.param("units", withinUnits);
        }
        return spec.query(Long.class).single() > 0;
    }

    private static String withinCondition(Collection<Long> withinUnits) {
        if (withinUnits.isEmpty()) {
            return "false";
        }
        return """
                exists (select 1 from access.role_grant g where g.user_id = user_account.id)
                and not exists (select 1 from access.role_grant g where g.user_id = user_account.id
                    and (g.org_unit_id is null or g.org_unit_id not in (:units)))""";
    }

    @Transactional
    public UserView create(NewUserCommand command) {
        return create(command, false);
    }

    /** Creates a user and, when a role is given, its first grant, in one transaction. */
    @Transactional
    public UserView create(NewUserCommand command, Role role, Long unitId) {
        UserView created = create(command, false);
        return role == null ? created : addGrant(created.id(), role, unitId);
    }

    /** Creates a demo account: it can sign in only while the instance runs in demo mode. */
    @Transactional
    public UserView createDemo(NewUserCommand command) {
        return create(command, true);
    }

    private UserView create(NewUserCommand command, boolean demo) {
        String username = command.username().trim();
        if (accounts.byUsername(username).isPresent()) {
            throw BusinessException.conflict("username", "user.duplicateUsername", username);
        }
        PasswordPolicy.check(username, command.password());
        UserCommand profile = command.profile();
        long id;
        try {
            id = jdbc.sql("""
                            insert into access.user_account (username, full_name, email, phone, locale, enabled,
                                password_hash, must_change_password, demo, password_changed_at)
                            values (:username, :fullName, :email, :phone, :locale, :enabled, :hash, :mustChange,
                                :demo, :now)
                            returning id
                            """)
                    .param("username", username)
                    .param("fullName", profile.fullName().trim())
                    .param("email", blankToNull(profile.email()))
                    .param("phone", blankToNull(profile.phone()))
                    .param("locale", localeOrDefault(profile.locale()))
                    .param("enabled", profile.enabled())
                    .param("hash", passwords.encode(command.password()))
                    .param("mustChange", command.mustChangePassword())
                    .param("demo", demo)
                    .param("now", Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("username", "user.duplicateUsername", username);
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, "User", id)
                .change("username", null, username)
                .change("fullName", null, profile.fullName().trim())
                .change("enabled", null, profile.enabled()));
        return get(id);
    }

    @Transactional
    public UserView update(long id, int expectedVersion, UserCommand command) {
        UserView current = get(id);
        int updated = jdbc.sql("""
                        update access.user_account set full_name = :fullName, email = :email, phone = :phone,
                            locale = :locale, enabled = :enabled, version = version + 1, updated_at = now()
                        where id = :id and version = :version
                        """)
                .param("fullName", command.fullName().trim())
                .param("email", blankToNull(command.email()))
                .param("phone", blankToNull(command.phone()))
                .param("locale", localeOrDefault(command.locale()))
                .param("enabled", command.enabled())
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("user " + id + " changed since version " + expectedVersion);
        }
        if (current.enabled() && !command.enabled()) {
            endSessionsAndTokens(id, AccessAuditLabels.Revocation.ACCOUNT_DISABLED);
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, "User", id)
                .change("fullName", current.fullName(), command.fullName().trim())
                .change("email", current.email(), blankToNull(command.email()))
                .change("phone", current.phone(), blankToNull(command.phone()))
                .change("locale", current.locale(), localeOrDefault(command.locale()))
                .change("enabled", current.enabled(), command.enabled()));
        return get(id);
    }

    @Transactional
    public UserView addGrant(long userId, Role role, Long unitId) {
        UserView user = get(userId);
        if (role == null) {
            throw BusinessException.invalid("role", "grant.roleRequired");
        }
        if (unitId != null && !organizations.exists(unitId)) {
            throw BusinessException.invalid("unitId", "grant.unitNotFound", unitId);
        }
        boolean exists =
                user.grants().stream().anyMatch(g -> g.role() == role && java.util.Objects.equals(g.unitId(), unitId));
        if (exists) {
            throw BusinessException.conflict("role", "grant.duplicate");
        }
        long grantId = jdbc.sql("""
                        insert into access.role_grant (user_id, role, org_unit_id, created_by)
                        values (:user, :role, :unit, :by) returning id
                        """)
                .param("user", userId)
                .param("role", role.name())
                .param("unit", unitId)
                .param("by", currentUsername())
                .query(Long.class)
                .single();
        bumpVersion(userId);
        audit.record(AuditRecord.of(AuditAction.GRANT_CHANGED, "User", userId)
                .unit(unitId)
                .change("grant", null, role.name() + "@" + (unitId == null ? "*" : unitId))
                .change("grantId", null, grantId));
        return get(userId);
    }

    @Transactional
    public UserView removeGrant(long userId, long grantId) {
        UserView user = get(userId);
        UserView.GrantView grant = user.grants().stream()
                .filter(g -> g.id() == grantId)
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("grant.notFound", grantId));
        jdbc.sql("delete from access.role_grant where id = ? and user_id = ?")
                .params(grantId, userId)
                .update();
        bumpVersion(userId);
        endSessionsAndTokens(userId, AccessAuditLabels.Revocation.GRANT_REMOVED);
        audit.record(AuditRecord.of(AuditAction.GRANT_CHANGED, "User", userId)
                .unit(grant.unitId())
                .change("grant", grant.role().name() + "@" + (grant.unitId() == null ? "*" : grant.unitId()), null));
        return get(userId);
    }

    /** The user changes their own password, proving the current one. */
    @Transactional
    public void changePassword(long userId, String currentPassword, String newPassword) {
        Accounts.Row row = accounts.byId(userId).orElseThrow(() -> BusinessException.notFound("user.notFound", userId));
        if (currentPassword == null || !passwords.matches(currentPassword, row.passwordHash())) {
            throw BusinessException.invalid("currentPassword", "password.currentWrong");
        }
        if (passwords.matches(newPassword, row.passwordHash())) {
            throw BusinessException.invalid("password", "password.sameAsOld");
        }
        PasswordPolicy.check(row.username(), newPassword);
        setPassword(userId, newPassword, false);
        audit.record(AuditRecord.of(AuditAction.PASSWORD_CHANGED, "User", userId));
    }

    /** An administrator sets a temporary password; the user must change it at the next sign-in. Returns it once. */
    @Transactional
    public String resetPassword(long userId) {
        UserView user = get(userId);
        String temporary = temporaryPassword();
        setPassword(user.id(), temporary, true);
        jdbc.sql("update access.user_account set failed_attempts = 0, locked_until = null where id = ?")
                .param(userId)
                .update();
        audit.record(AuditRecord.of(AuditAction.PASSWORD_RESET, "User", userId));
        endSessionsAndTokens(userId, AccessAuditLabels.Revocation.PASSWORD_RESET);
        return temporary;
    }

    @Transactional
    public void unlock(long userId) {
        get(userId);
        jdbc.sql("update access.user_account set failed_attempts = 0, locked_until = null, version = version + 1 "
                        + "where id = ?")
                .param(userId)
                .update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, "User", userId).change("locked", true, false));
    }

    @Transactional
    public void setLocale(long userId, String locale) {
        jdbc.sql("update access.user_account set locale = ? where id = ?")
                .params(localeOrDefault(locale), userId)
                .update();
    }

    boolean demoAccountsUsable() {
        return runMode.demo();
    }

    private void setPassword(long userId, String password, boolean mustChange) {
        jdbc.sql("""
                        update access.user_account set password_hash = :hash, must_change_password = :mustChange,
                            password_changed_at = :now, version = version + 1, updated_at = now()
                        where id = :id
                        """)
                .param("hash", passwords.encode(password))
                .param("mustChange", mustChange)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", userId)
                .update();
    }

    /**
     * Ends every session of the user at their next request (a new security stamp) and revokes all their API tokens,
     * so that nothing signed in before a reset, a disabling or a removed grant keeps working.
     */
    private void endSessionsAndTokens(long userId, AccessAuditLabels.Revocation reason) {
        jdbc.sql("update access.user_account set security_stamp = security_stamp + 1 where id = ?")
                .param(userId)
                .update();
        int revoked = jdbc.sql("update access.api_token set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), userId)
                .update();
        if (revoked > 0) {
            audit.record(AuditRecord.of(AuditAction.TOKEN_REVOKED, "User", userId)
                    .purpose(reason.purpose())
                    .change("tokens", revoked, 0));
        }
    }

    private void bumpVersion(long userId) {
        jdbc.sql("update access.user_account set version = version + 1, updated_at = now() where id = ?")
                .param(userId)
                .update();
    }

    private String temporaryPassword() {
        StringBuilder builder = new StringBuilder();
        while (builder.length() < 14) {
            builder.append(TEMP_ALPHABET.charAt(random.nextInt(TEMP_ALPHABET.length())));
        }
        builder.setCharAt(4, (char) ('2' + random.nextInt(8)));
        builder.setCharAt(9, (char) ('a' + random.nextInt(26)));
        return builder.toString();
    }

    private static String currentUsername() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    private static String localeOrDefault(String locale) {
        return "en".equals(locale) ? "en" : "id";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
