package id.peduli.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.PeduliApplication;
import id.peduli.platform.EmbeddedDatabaseAccess;
import id.peduli.platform.FieldEncryption;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup taken while Peduli runs, restored into a fresh data directory, gives back every row of every table and
 * every sequence; a damaged backup, one from a newer schema and a restore without the right field key are refused
 * with a clear message, and leave nothing behind.
 */
class BackupRestoreTests {

    private final List<String> output = new ArrayList<>();

    private BackupCommand command(Path dataDir) {
        return new BackupCommand(dataDir, "", 0, Duration.ofMinutes(2), output::add);
    }

    @Test
    void aBackupRestoredIntoAFreshDirectoryHoldsEveryRowOfEveryTable() throws Exception {
        Path original = Files.createTempDirectory("peduli-backup-original");
        Path backups = Files.createTempDirectory("peduli-backups");
        Path archive;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PeduliApplication.class)
                .run("--peduli.data-dir=" + original, "--server.port=0", "--spring.jmx.enabled=false")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            jdbc.sql("""
                            insert into registry.import_job (owner_id, owner_username, org_unit_id, file_name, format,
                                size_bytes, status)
                            select u.id, u.username, (select min(id) from organization.org_unit), 'cadangan.csv',
                                'CSV', 10, 'UPLOADED'
                            from access.user_account u order by u.id limit 1
                            """).update();
            jdbc.sql("insert into audit.entry (action, subject_type, purpose) values ('VIEW', 'Marker', 'backup')")
                    .update();
            FieldEncryption encryption = app.getBean(FieldEncryption.class);
            long unit = jdbc.sql("select min(id) from organization.org_unit")
                    .query(Long.class)
                    .single();
            long person = jdbc.sql("""
                            insert into registry.person (org_unit_id, full_name, name_key, sex, birth_year,
                                nik_cipher, nik_hash, nik_masked)
                            values (?, 'Siti Rahayu', 'rahayu siti', 'F', 1990, ?, ?, '1571**********01')
                            returning id
                            """)
                    .params(
                            unit,
                            encryption.encrypt("person.nik", "1571014101900001"),
                            encryption.hash("person.nik", "1571014101900001"))
                    .query(Long.class)
                    .single();
            jdbc.sql("insert into registry.household (org_unit_id, region_code) values (?, '15.71.01.1001')")
                    .param(unit)
                    .update();
            jdbc.sql("""
                            insert into registry.consent (person_id, purpose, basis, given_by, method, notice_version,
                                given_on)
                            values (?, 'REGISTRATION', 'CONSENT', 'PERSON', 'SIGNATURE', '1', current_date)
                            """).param(person).update();
            for (String table : List.of(
                    "registry.person",
                    "registry.household",
                    "registry.consent",
                    "registry.import_job",
                    "audit.entry",
                    "access.user_account",
                    "organization.org_unit",
                    "region.region",
                    "demo.seed_state")) {
                assertThat(jdbc.sql("select count(*) from " + table)
                                .query(Long.class)
                                .single())
                        .as(table)
                        .isPositive();
            }
            assertThat(jdbc.sql("select count(*) from registry.person where nik_cipher is not null")
                            .query(Long.class)
                            .single())
                    .as("people with an encrypted NIK")
                    .isPositive();
            archive = command(original).backup(backups);
        }
        assertThat(archive.getFileName().toString())
                .startsWith("peduli-backup-")
                .endsWith(".zip");
        assertThat(DatabaseBackup.checksumFile(archive)).exists();
        assertThat(Files.list(backups).map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            // No key file: table data, the manifest and nothing from <data dir>/keys.
            assertThat(zip.stream().map(ZipEntry::getName))
                    .noneMatch(name -> name.endsWith(".key")
                            || name.contains("keys/")
                            || name.contains("field.key")
                            || !name.startsWith("data/") && !name.equals("manifest.json"));
        }

        Path restored = Files.createTempDirectory("peduli-backup-restored");
        assertThatThrownBy(() -> command(restored).restore(archive))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("field-encryption key is missing");
        assertThat(restored.resolve("postgres")).doesNotExist();
        Files.createDirectories(restored.resolve("keys"));
        Files.copy(original.resolve("keys/field.key"), restored.resolve("keys/field.key"));
        command(restored).restore(archive);

        Map<String, List<String>> before = contents(original);
        Map<String, List<String>> after = contents(restored);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }

        Path occupied = restored;
        assertThatThrownBy(() -> command(occupied).restore(archive))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("already holds a database");
    }

    @Test
    void aDamagedBackupOrOneFromANewerSchemaIsRefused() throws Exception {
        Path original = Files.createTempDirectory("peduli-backup-small");
        Path backups = Files.createTempDirectory("peduli-backups-small");
        Path archive;
        try (EmbeddedDatabaseAccess database = EmbeddedDatabaseAccess.open(original, Duration.ofMinutes(2));
                Connection connection = database.ownerConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table public.flyway_schema_history (installed_rank int, version text,"
                    + " success boolean)");
            statement.execute("insert into public.flyway_schema_history values (1, '2026.11.28.0001', true)");
            archive = command(original).backup(backups);
        }

        Path damaged = backups.resolve("damaged.zip");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(damaged, bytes);
        Files.copy(DatabaseBackup.checksumFile(archive), DatabaseBackup.checksumFile(damaged));
        Path target = Files.createTempDirectory("peduli-backup-refused");
        assertThatThrownBy(() -> command(target).restore(damaged))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("does not match its checksum");

        Path newer = backups.resolve("newer.zip");
        rewriteManifest(archive, newer, "\"schemaVersion\" : \"2026.11.28.0001\"", "\"schemaVersion\" : \"9999.1\"");
        assertThatThrownBy(() -> command(target).restore(newer))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("comes from a newer Peduli");
        assertThat(target.resolve("postgres")).doesNotExist();
    }

    /** Every table's rows (as COPY writes them, sorted) and every sequence, outside the Flyway history. */
    private static Map<String, List<String>> contents(Path dataDir) throws Exception {
        Map<String, List<String>> contents = new LinkedHashMap<>();
        try (EmbeddedDatabaseAccess database = EmbeddedDatabaseAccess.open(dataDir, Duration.ofMinutes(2));
                Connection connection = database.ownerConnection()) {
            List<String> tables = new ArrayList<>();
            List<String> sequences = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("""
                            select c.relkind, quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                            from pg_class c join pg_namespace n on n.oid = c.relnamespace
                            where c.relkind in ('r', 'S') and n.nspname not like 'pg\\_%'
                              and n.nspname <> 'information_schema' and c.relname <> 'flyway_schema_history'
                            order by 2""")) {
                while (rs.next()) {
                    (rs.getString(1).equals("r") ? tables : sequences).add(rs.getString(2));
                }
            }
            for (String table : tables) {
                ByteArrayOutputStream rows = new ByteArrayOutputStream();
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyOut("copy " + table + " to stdout (format csv)", rows);
                contents.put(
                        table,
                        rows.toString(StandardCharsets.UTF_8).lines().sorted().toList());
            }
            for (String sequence : sequences) {
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("select last_value, is_called from " + sequence)) {
                    rs.next();
                    contents.put(sequence, List.of(rs.getLong(1) + " " + rs.getBoolean(2)));
                }
            }
        }
        return contents;
    }

    private static void rewriteManifest(Path from, Path to, String search, String replacement) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (ZipFile zip = new ZipFile(from.toFile());
                OutputStream file = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals("manifest.json")) {
                        String manifest = new String(content, StandardCharsets.UTF_8);
                        assertThat(manifest).contains(search);
                        content = manifest.replace(search, replacement).getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        Files.writeString(
                DatabaseBackup.checksumFile(to),
                HexFormat.of().formatHex(sha.digest(Files.readAllBytes(to))) + "  " + to.getFileName() + "\n");
    }
}
