package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.PeduliTest;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded database asks every connection for a password, migrations run as the owner, and the application
 * connects as a role that owns nothing: it can append to and read the audit log but neither change, delete nor
 * truncate entries, nor switch off or drop the trigger that keeps the log append-only. Everything else the running
 * application does (temporary staging tables, COPY, TRUNCATE, ANALYZE, advisory locks, trigram functions) still
 * works, also on tables that later migrations create.
 */
@PeduliTest
class DatabaseRolesTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatabasePasswords passwords;

    @Autowired
    RunMode runMode;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Value("${peduli.data-dir}")
    String dataDir;

    @Test
    void theApplicationConnectsAsARoleThatOwnsNothing() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("peduli_app");
        assertThat(jdbc.sql(
                                "select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("""
                        select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where c.relowner = (select oid from pg_roles where rolname = current_user)
                          and n.nspname not like 'pg\\_temp%' and n.nspname not like 'pg\\_toast\\_temp%'
                        """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from pg_namespace
                        where nspowner = (select oid from pg_roles where rolname = current_user)
                        """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select tableowner from pg_tables where schemaname = 'audit' and tablename = 'entry'")
                        .query(String.class)
                        .single())
                .isEqualTo("postgres");
    }

    @Test
    void theApplicationsRoleCannotChangeDeleteTruncateOrUnprotectTheAuditLog() {
        jdbc.sql("insert into audit.entry (action, subject_type, purpose) values ('VIEW', 'RoleProbe', 'kept')")
                .update();
        long id = jdbc.sql("select max(id) from audit.entry where subject_type = 'RoleProbe'")
                .query(Long.class)
                .single();
        refused("update audit.entry set purpose = 'changed' where id = " + id, "permission denied");
        refused("delete from audit.entry where id = " + id, "permission denied");
        refused("truncate audit.entry", "permission denied");
        refused("alter table audit.entry disable trigger entry_append_only", "must be owner");
        refused("alter table audit.entry disable trigger all", "must be owner");
        refused("drop trigger entry_append_only on audit.entry", "must be owner");
        refused("drop trigger entry_no_truncate on audit.entry", "must be owner");
        refused("drop table audit.entry", "must be owner");
        refused("alter table audit.entry owner to peduli_app", "must be owner");
        refused("drop function audit.refuse_change() cascade", "must be owner");
        refused("set session_replication_role = replica", "permission denied");
        refused("create table audit.shadow (id bigint)", "permission denied");
        assertThat(jdbc.sql("select purpose from audit.entry where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("kept");
        assertThat(jdbc.sql("""
                        select count(*) from pg_trigger
                        where tgrelid = 'audit.entry'::regclass and not tgisinternal and tgenabled = 'O'
                        """).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theTriggerStillStopsTheOwner() throws SQLException {
        jdbc.sql("insert into audit.entry (action, subject_type, purpose) values ('VIEW', 'RoleProbe', 'owner')")
                .update();
        try (Connection owner = owner();
                Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.execute("update audit.entry set purpose = 'x' where purpose = 'owner'"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void tablesOfLaterMigrationsAreUsableByTheApplicationAndTheAuditSchemaStaysAppendOnly() throws SQLException {
        try (Connection owner = owner();
                Statement statement = owner.createStatement()) {
            statement.execute("create table registry.later_probe (id bigserial primary key, note text)");
            statement.execute("create table audit.later_probe (id bigserial primary key, note text)");
        }
        try {
            jdbc.sql("insert into registry.later_probe (note) values ('a')").update();
            jdbc.sql("update registry.later_probe set note = 'b'").update();
            assertThat(jdbc.sql("select note from registry.later_probe")
                            .query(String.class)
                            .single())
                    .isEqualTo("b");
            jdbc.sql("delete from registry.later_probe").update();
            jdbc.sql("truncate registry.later_probe").update();
            jdbc.sql("insert into audit.later_probe (note) values ('a')").update();
            assertThat(jdbc.sql("select count(*) from audit.later_probe")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            refused("update audit.later_probe set note = 'b'", "permission denied");
            refused("delete from audit.later_probe", "permission denied");
            refused("truncate audit.later_probe", "permission denied");
        } finally {
            try (Connection owner = owner();
                    Statement statement = owner.createStatement()) {
                statement.execute("drop table registry.later_probe");
                statement.execute("drop table audit.later_probe");
            }
        }
    }

    @Test
    void stagingTablesCopyAnalyzeLocksAndTrigramsWorkForTheApplicationsRole() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("do $$ begin perform set_config('temp_buffers', '256MB', true); exception when others then null;"
                            + " end $$")
                    .update();
            jdbc.sql("select pg_advisory_xact_lock(hashtext('peduli.roles-probe'))")
                    .query(Object.class)
                    .single();
            jdbc.sql("create temp table roles_probe (code text, name text) on commit drop")
                    .update();
            try {
                DataSourceUtils.getConnection(dataSource)
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy roles_probe from stdin", new StringReader("33\tJawa Tengah\n"));
            } catch (SQLException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            jdbc.sql("analyze roles_probe").update();
            assertThat(jdbc.sql("select similarity(name, 'Jawa Tengah') from roles_probe")
                            .query(Double.class)
                            .single())
                    .isEqualTo(1.0);
            jdbc.sql("truncate roles_probe").update();
        });
        assertThat(jdbc.sql("""
                        select has_table_privilege('region.region', 'TRUNCATE')
                           and has_table_privilege('region.region', 'MAINTAIN')
                           and has_table_privilege('registry.person', 'UPDATE')
                           and has_table_privilege('audit.entry', 'INSERT')
                           and has_table_privilege('audit.entry', 'SELECT')
                           and not has_table_privilege('audit.entry', 'UPDATE')
                           and not has_table_privilege('audit.entry', 'DELETE')
                           and not has_table_privilege('audit.entry', 'TRUNCATE')
                        """).query(Boolean.class).single()).isTrue();
    }

    @Test
    void everyConnectionNeedsThePasswordFromTheOwnerOnlyFile() throws Exception {
        String url = EmbeddedDatabaseConfiguration.url(runMode.embeddedPort());
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "peduli_app", "peduli_app"))
                .hasMessageContaining("password authentication failed");
        try (Connection owner = owner()) {
            assertThat(owner.isValid(2)).isTrue();
        }
        Path keys = Path.of(dataDir).toAbsolutePath().resolve("keys");
        assertThat(Files.getPosixFilePermissions(Path.of(dataDir).toAbsolutePath()))
                .as("the data directory, with uploaded import files, is the owner's only")
                .containsExactlyInAnyOrderElementsOf(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(keys.resolve("database.properties")))
                .containsExactlyInAnyOrderElementsOf(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(keys.resolve("database.properties"))).contains(passwords.ownerPassword());
        assertThat(Files.exists(keys.resolve("initdb.password"))).isFalse();
        assertThat(EmbeddedDatabaseConfiguration.trustsEveryone(
                        Path.of(dataDir).toAbsolutePath().resolve("postgres").resolve("pg_hba.conf")))
                .isFalse();
    }

    private void refused(String sql, String message) {
        assertThatThrownBy(() -> jdbc.sql(sql).update())
                .as(sql)
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining(message);
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(
                EmbeddedDatabaseConfiguration.url(runMode.embeddedPort()),
                passwords.ownerUser(),
                passwords.ownerPassword());
    }
}
