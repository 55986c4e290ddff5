package id.peduli.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the application connects with another role than the one that runs the migrations (always with the embedded
 * database, optionally with an external one: {@code spring.flyway.user}), gives the application's role what it
 * needs after every migration, and sets the owner's default privileges so tables created by later migrations are
 * usable too:
 *
 * <ul>
 *   <li>in every schema Flyway manages: usage of the schema and of its sequences;
 *   <li>in {@code audit}: only SELECT and INSERT on its tables (the log is append-only; the role owns nothing, so it
 *       can neither change nor drop the table or its triggers);
 *   <li>elsewhere: SELECT, INSERT, UPDATE, DELETE and TRUNCATE, and MAINTAIN (ANALYZE after bulk loads) from
 *       PostgreSQL 17 on.
 * </ul>
 *
 * The statements are idempotent and run as the owner, so a database made by an earlier version gets them at its
 * first start. See docs/adr/0007-database-roles.md.
 */
@Component
class ApplicationRoleGrants implements Callback {

    static final String APPEND_ONLY_SCHEMA = "audit";

    private static final Logger log = LoggerFactory.getLogger(ApplicationRoleGrants.class);

    private final ObjectProvider<DatabasePasswords> embedded;
    private final String datasourceUser;
    private final String flywayUser;

    ApplicationRoleGrants(
            ObjectProvider<DatabasePasswords> embedded,
            @Value("${spring.datasource.username:}") String datasourceUser,
            @Value("${spring.flyway.user:}") String flywayUser) {
        this.embedded = embedded;
        this.datasourceUser = datasourceUser;
        this.flywayUser = flywayUser;
    }

    /** The application's role when it differs from the migrating one; null when both are the same. */
    String applicationRole() {
        DatabasePasswords passwords = embedded.getIfAvailable();
        if (passwords != null) {
            return passwords.appUser();
        }
        if (flywayUser.isBlank() || datasourceUser.isBlank() || flywayUser.equals(datasourceUser)) {
            return null;
        }
        return datasourceUser;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE && applicationRole() != null;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String role = applicationRole();
        Connection connection = context.getConnection();
        try {
            if (!exists(connection, role)) {
                log.warn("The database role {} does not exist: no privileges given", role);
                return;
            }
            if (role.equals(currentUser(connection))) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(role, context.getConfiguration().getSchemas(), maintain(connection))) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot give the application's database role its privileges", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "peduli-application-role-grants";
    }

    static List<String> statements(String role, String[] schemas, boolean maintain) {
        String grantee = quote(role);
        List<String> sql = new ArrayList<>();
        for (String name : schemas) {
            String schema = quote(name);
            sql.add("grant usage on schema " + schema + " to " + grantee);
            sql.add("grant usage, select on all sequences in schema " + schema + " to " + grantee);
            sql.add("alter default privileges in schema " + schema + " grant usage, select on sequences to " + grantee);
            String tables;
            if (APPEND_ONLY_SCHEMA.equals(name)) {
                sql.add("revoke all on all tables in schema " + schema + " from " + grantee);
                sql.add("alter default privileges in schema " + schema + " revoke all on tables from " + grantee);
                tables = "select, insert";
            } else {
                tables = "select, insert, update, delete, truncate" + (maintain ? ", maintain" : "");
            }
            sql.add("grant " + tables + " on all tables in schema " + schema + " to " + grantee);
            sql.add("alter default privileges in schema " + schema + " grant " + tables + " on tables to " + grantee);
        }
        return sql;
    }

    private static boolean exists(Connection connection, String role) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            statement.setString(1, role);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The MAINTAIN privilege (ANALYZE, VACUUM without owning the table) exists from PostgreSQL 17 on. */
    private static boolean maintain(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion() >= 17;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
