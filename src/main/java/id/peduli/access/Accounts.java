package id.peduli.access;

import id.peduli.organization.Organizations;
import id.peduli.platform.PeduliPrincipal.RoleGrant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table access for users and grants. */
@Repository
class Accounts {

    static final String COLUMNS = "id, username, full_name, email, phone, locale, enabled, password_hash, "
            + "must_change_password, failed_attempts, locked_until, demo, last_login_at, version, security_stamp";

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Clock clock;

    Accounts(JdbcClient jdbc, Organizations organizations, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.clock = clock;
    }

    record Row(
            long id,
            String username,
            String fullName,
            String email,
            String phone,
            String locale,
            boolean enabled,
            String passwordHash,
            boolean mustChangePassword,
            int failedAttempts,
            Instant lockedUntil,
            boolean demo,
            Instant lastLoginAt,
            int version,
            int securityStamp) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    Optional<Row> byUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from access.user_account where lower(username) = lower(?)")
                .param(username == null ? "" : username.trim())
                .query(Accounts::map)
                .optional();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from access.user_account where id = ?")
                .param(id)
                .query(Accounts::map)
                .optional();
    }

    /**
     * True while a session that started with {@code securityStamp} may go on: the account still exists, is enabled
     * and no reset, disabling or removed grant has changed its stamp since. One primary-key lookup per request.
     */
    boolean sessionStillValid(long userId, int securityStamp) {
        return jdbc.sql("select count(*) from access.user_account where id = ? and enabled and security_stamp = ?")
                        .params(userId, securityStamp)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<UserView.GrantView> grants(long userId) {
        return jdbc.sql("select id, role, org_unit_id from access.role_grant where user_id = ? order by role, id")
                .param(userId)
                .query((rs, i) -> {
                    long unit = rs.getLong("org_unit_id");
                    Long unitId = rs.wasNull() ? null : unit;
                    return new UserView.GrantView(
                            rs.getLong("id"),
                            Role.valueOf(rs.getString("role")),
                            unitId,
                            unitId == null ? null : organizations.name(unitId));
                })
                .list();
    }

    AccountDetails details(Row row) {
        List<RoleGrant> grants = grants(row.id()).stream()
                .map(g -> new RoleGrant(g.role().name(), g.unitId(), g.unitName()))
                .toList();
        return new AccountDetails(
                row.id(),
                row.username(),
                row.fullName(),
                row.passwordHash(),
                row.enabled(),
                row.lockedAt(clock.instant()),
                row.mustChangePassword(),
                row.locale(),
                row.securityStamp(),
                grants);
    }

    UserView view(Row row) {
        return new UserView(
                row.id(),
                row.username(),
                row.fullName(),
                row.email(),
                row.phone(),
                row.locale(),
                row.enabled(),
                row.mustChangePassword(),
                row.lockedAt(clock.instant()),
                row.lastLoginAt(),
                row.version(),
                grants(row.id()));
    }

    static Row map(ResultSet rs, int i) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new Row(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("full_name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("locale"),
                rs.getBoolean("enabled"),
                rs.getString("password_hash"),
                rs.getBoolean("must_change_password"),
                rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant(),
                rs.getBoolean("demo"),
                lastLogin == null ? null : lastLogin.toInstant(),
                rs.getInt("version"),
                rs.getInt("security_stamp"));
    }
}
