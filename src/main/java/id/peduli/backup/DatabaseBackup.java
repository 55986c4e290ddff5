package id.peduli.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads backups of the whole database. A backup is one ZIP archive (every entry DEFLATE-compressed):
 * {@code data/<schema>.<table>.csv} for every table, as {@code COPY ... TO STDOUT (FORMAT csv)} writes it, all read
 * in one REPEATABLE READ, read-only transaction, so the archive is a consistent snapshot; and {@code manifest.json}
 * ({@link BackupManifest}). Next to it, {@code <archive>.sha256} holds the SHA-256 of the archive in the format of
 * {@code sha256sum}. The Flyway history is not copied: restore recreates it by migrating to the backup's version.
 */
final class DatabaseBackup {

    static final String PREFIX = "peduli-backup-";
    static final String SUFFIX = ".zip";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String SYSTEM_SCHEMAS = "n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'"
            + " and not (n.nspname = 'public' and c.relname = 'flyway_schema_history')";

    private DatabaseBackup() {}

    /** The application's version, from the build information packaged with it. */
    static String applicationVersion() {
        try (InputStream in = DatabaseBackup.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("build.version", "dev");
            }
        } catch (IOException e) {
            // fall through
        }
        return "dev";
    }

    /**
     * Writes a backup into {@code directory} and returns the archive. Refused before anything is written when the
     * disk would keep less than {@code minFreeBytes} free; a failure leaves no archive behind (it is written under
     * a temporary name, forced to disk, then renamed).
     */
    static Path write(
            Connection connection,
            Path directory,
            long minFreeBytes,
            String keyFingerprint,
            Consumer<String> progress) {
        try {
            Files.createDirectories(directory);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            long estimate = single(connection, "select pg_database_size(current_database())");
            long usable = Files.getFileStore(directory).getUsableSpace();
            if (usable - estimate < minFreeBytes) {
                throw new BackupException("Not enough free disk space in " + directory + ": a backup may need up to "
                        + megabytes(estimate) + " MB and at least " + megabytes(minFreeBytes)
                        + " MB must stay free (peduli.backup.min-free-space), but only " + megabytes(usable)
                        + " MB are free. Nothing was written.");
            }
            String schemaVersion = schemaVersion(connection);
            if (schemaVersion == null) {
                throw new BackupException("The database holds no Peduli data yet (Peduli has never started on it):"
                        + " there is nothing to back up.");
            }
            String postgresVersion = text(connection, "show server_version");
            List<String> tables = names(connection, 'r');
            Map<String, BackupManifest.Sequence> sequences = sequences(connection);
            Instant now = Instant.now();
            Path archive = directory.resolve(PREFIX + STAMP.format(now) + SUFFIX);
            Path part = directory.resolve(archive.getFileName() + ".part");
            List<BackupManifest.Table> written = new ArrayList<>();
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            MessageDigest whole = sha256();
            try {
                try (OutputStream file = Files.newOutputStream(part);
                        DigestOutputStream digest = new DigestOutputStream(file, whole);
                        ZipOutputStream zip = new ZipOutputStream(digest)) {
                    int done = 0;
                    for (String table : tables) {
                        String entry = "data/" + table.replace("\"", "") + ".csv";
                        zip.putNextEntry(new ZipEntry(entry));
                        MessageDigest sha = sha256();
                        long rows = copy.copyOut(
                                "copy " + table + " to stdout (format csv)",
                                new DigestOutputStream(new KeepOpen(zip), sha));
                        zip.closeEntry();
                        written.add(new BackupManifest.Table(table, entry, rows, hex(sha.digest())));
                        progress.accept(++done + "/" + tables.size() + " " + table);
                    }
                    BackupManifest manifest = new BackupManifest(
                            BackupManifest.FORMAT,
                            now.toString(),
                            applicationVersion(),
                            schemaVersion,
                            postgresVersion,
                            keyFingerprint,
                            written,
                            sequences);
                    zip.putNextEntry(new ZipEntry("manifest.json"));
                    zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                    zip.closeEntry();
                }
                force(part);
                Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
                writeAtomically(checksumFile(archive), hex(whole.digest()) + "  " + archive.getFileName() + "\n");
            } finally {
                Files.deleteIfExists(part);
            }
            connection.commit();
            return archive;
        } catch (SQLException | IOException e) {
            throw new BackupException("The backup failed: " + e.getMessage() + ". Nothing was written.", e);
        }
    }

    static Path checksumFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".sha256");
    }

    /** Checks the archive against its {@code .sha256} file and returns its manifest. */
    static BackupManifest verify(Path archive) {
        Path checksum = checksumFile(archive);
        if (!Files.exists(archive)) {
            throw new BackupException("There is no backup " + archive + ".");
        }
        if (!Files.exists(checksum)) {
            throw new BackupException("The checksum file " + checksum + " is missing: the backup cannot be checked"
                    + " and is not restored.");
        }
        try {
            String expected = Files.readString(checksum).strip().split("\\s+")[0];
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(archive), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!hex(sha.digest()).equalsIgnoreCase(expected)) {
                throw new BackupException("The backup " + archive.getFileName() + " does not match its checksum: it"
                        + " is damaged or was changed. Nothing was restored.");
            }
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                ZipEntry entry = zip.getEntry("manifest.json");
                if (entry == null) {
                    throw new BackupException(archive.getFileName() + " is not a Peduli backup (no manifest).");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return JSON.readValue(in, BackupManifest.class);
                }
            }
        } catch (IOException e) {
            throw new BackupException("Cannot read the backup " + archive + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the backup into a database migrated to the backup's schema version, in one transaction: every table
     * is emptied (migrations may have seeded rows), filled from the archive with triggers and foreign-key checks
     * off (the rows were consistent when they were copied), checked against its SHA-256, and the sequences are
     * set to their saved values.
     */
    static void load(Connection connection, Path archive, BackupManifest manifest, Consumer<String> progress) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local session_replication_role = replica");
                List<String> present = names(connection, 'r');
                if (!present.isEmpty()) {
                    statement.execute("truncate " + String.join(", ", present));
                }
            }
            int done = 0;
            for (BackupManifest.Table table : manifest.tables()) {
                ZipEntry entry = zip.getEntry(table.entry());
                if (entry == null) {
                    throw new BackupException("The backup lacks " + table.entry() + ". Nothing was restored.");
                }
                MessageDigest sha = sha256();
                long rows;
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
                    rows = copy.copyIn("copy " + table.name() + " from stdin (format csv)", in);
                }
                if (rows != table.rows() || !hex(sha.digest()).equals(table.sha256())) {
                    throw new BackupException(
                            "The data of " + table.name() + " in the backup is damaged. Nothing" + " was restored.");
                }
                progress.accept(++done + "/" + manifest.tables().size() + " " + table.name());
            }
            try (Statement statement = connection.createStatement()) {
                for (Map.Entry<String, BackupManifest.Sequence> sequence :
                        manifest.sequences().entrySet()) {
                    statement.execute("select setval('" + sequence.getKey().replace("'", "''") + "', "
                            + sequence.getValue().lastValue() + ", "
                            + sequence.getValue().called() + ")");
                }
            }
            connection.commit();
        } catch (SQLException | IOException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; nothing was committed
            }
            throw new BackupException("The restore failed: " + e.getMessage() + ". Nothing was restored.", e);
        } catch (BackupException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // nothing was committed
            }
            throw e;
        }
    }

    static String schemaVersion(Connection connection) throws SQLException {
        if (text(connection, "select to_regclass('public.flyway_schema_history')::text") == null) {
            return null;
        }
        return text(connection, """
                select version from public.flyway_schema_history where success and version is not null
                order by installed_rank desc limit 1""");
    }

    /** Qualified, quoted names of the tables ('r') or sequences ('S') outside the system schemas. */
    private static List<String> names(Connection connection, char kind) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where c.relkind = '%s' and c.relpersistence = 'p' and %s
                        order by n.nspname, c.relname""".formatted(kind, SYSTEM_SCHEMAS))) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static Map<String, BackupManifest.Sequence> sequences(Connection connection) throws SQLException {
        Map<String, BackupManifest.Sequence> sequences = new LinkedHashMap<>();
        for (String name : names(connection, 'S')) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select last_value, is_called from " + name)) {
                rs.next();
                sequences.put(name, new BackupManifest.Sequence(rs.getLong(1), rs.getBoolean(2)));
            }
        }
        return sequences;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void writeAtomically(Path file, String content) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        force(part);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** Lets COPY close its stream without closing the archive. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
