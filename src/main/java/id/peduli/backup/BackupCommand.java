package id.peduli.backup;

import id.peduli.platform.EmbeddedDatabaseAccess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * {@code java -jar peduli.jar backup [directory]} and {@code java -jar peduli.jar restore <archive>}, for the
 * embedded database of {@code PEDULI_DATA_DIR} (or {@code --peduli.data-dir=...}). A backup may be taken while
 * Peduli runs: it then reads from the running server. A restore needs an empty data directory and the field key
 * of the backed-up installation.
 */
public final class BackupCommand {

    /** What the command says goes through this logger, which stays at INFO while the libraries are quiet. */
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BackupCommand.class);

    private static final String DEFAULT_MIN_FREE = "1GB";

    private final Path dataDir;
    private final String configuredKey;
    private final long minFreeBytes;
    private final Duration startupWait;
    private final Consumer<String> out;

    BackupCommand(Path dataDir, String configuredKey, long minFreeBytes, Duration startupWait, Consumer<String> out) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.configuredKey = configuredKey;
        this.minFreeBytes = minFreeBytes;
        this.startupWait = startupWait;
        this.out = out;
    }

    /** True when the first argument names one of these commands. */
    public static boolean handles(String[] args) {
        return args.length > 0 && ("backup".equals(args[0]) || "restore".equals(args[0]));
    }

    /** Runs the command and returns the process exit code; messages go to standard output and error. */
    public static int run(String[] args) {
        quietLogging();
        String dataDir = option(args, "peduli.data-dir", env("PEDULI_DATA_DIR", "./data"));
        String key = option(args, "peduli.encryption.key", env("PEDULI_ENCRYPTION_KEY", ""));
        long minFree = bytes(
                option(args, "peduli.backup.min-free-space", env("PEDULI_BACKUP_MIN_FREE_SPACE", DEFAULT_MIN_FREE)));
        String[] positional =
                Arrays.stream(args).filter(a -> !a.startsWith("--")).toArray(String[]::new);
        BackupCommand command = new BackupCommand(Path.of(dataDir), key, minFree, Duration.ofMinutes(5), log::info);
        try {
            if ("backup".equals(positional[0])) {
                Path directory = positional.length > 1
                        ? Path.of(positional[1])
                        : Path.of(option(
                                args,
                                "peduli.backup.directory",
                                env(
                                        "PEDULI_BACKUP_DIRECTORY",
                                        Path.of(dataDir, "backups").toString())));
                command.backup(directory);
            } else {
                if (positional.length < 2) {
                    log.error("Usage: java -jar peduli.jar restore <backup file>");
                    return 2;
                }
                command.restore(Path.of(positional[1]));
            }
            return 0;
        } catch (BackupException | IllegalStateException e) {
            log.error(e.getMessage());
            return 1;
        }
    }

    /** Writes a backup of the data directory's database into {@code directory}; returns the archive. */
    Path backup(Path directory) {
        try (EmbeddedDatabaseAccess database = EmbeddedDatabaseAccess.open(dataDir, startupWait);
                Connection connection = database.ownerConnection()) {
            out.accept("Backing up the database of " + dataDir + " into " + directory.toAbsolutePath());
            Path archive = DatabaseBackup.write(
                    connection,
                    directory,
                    minFreeBytes,
                    FieldKeys.fingerprint(dataDir, configuredKey),
                    step -> out.accept("  " + step));
            out.accept("Backup written: " + archive.toAbsolutePath());
            out.accept("Checksum: " + DatabaseBackup.checksumFile(archive).toAbsolutePath());
            out.accept("The field-encryption key is not in the backup: keep " + FieldKeys.file(dataDir)
                    + " (or PEDULI_ENCRYPTION_KEY) safe in another place.");
            return archive;
        } catch (SQLException e) {
            throw new BackupException("Cannot connect to the database: " + e.getMessage(), e);
        }
    }

    /** Restores a backup into the (empty) data directory. */
    void restore(Path archive) {
        BackupManifest manifest = DatabaseBackup.verify(archive);
        if (manifest.format() > BackupManifest.FORMAT) {
            throw new BackupException("This backup was written in a newer format; restore it with the Peduli version"
                    + " that made it (" + manifest.applicationVersion() + ") or a later one.");
        }
        MigrationVersion latest = latestMigration();
        MigrationVersion version = MigrationVersion.fromVersion(manifest.schemaVersion());
        if (version.isNewerThan(latest.getVersion())) {
            throw new BackupException("This backup comes from a newer Peduli (" + manifest.applicationVersion()
                    + ", database schema " + manifest.schemaVersion() + ") than this one (schema " + latest
                    + "). Restore it with that version or a later one. Nothing was restored.");
        }
        if (!EmbeddedDatabaseAccess.empty(dataDir)) {
            throw new BackupException("The data directory " + dataDir + " already holds a database. Restore only"
                    + " into an empty data directory: set PEDULI_DATA_DIR to a new directory. Nothing was restored.");
        }
        String fingerprint = FieldKeys.fingerprint(dataDir, configuredKey);
        if (manifest.keyFingerprint() != null && !manifest.keyFingerprint().equals(fingerprint)) {
            throw new BackupException((fingerprint == null
                            ? "The field-encryption key is missing"
                            : "The" + " field-encryption key in place is not the one this backup was made with")
                    + ": copy the field.key of the backed-up installation to " + FieldKeys.file(dataDir)
                    + " (or set PEDULI_ENCRYPTION_KEY) first. Without it the encrypted NIK and KK numbers cannot be"
                    + " read. Nothing was restored.");
        }
        boolean created = !Files.exists(dataDir.resolve("postgres"));
        out.accept("Restoring " + archive.toAbsolutePath() + " (made " + manifest.createdAt() + " by Peduli "
                + manifest.applicationVersion() + ", schema " + manifest.schemaVersion() + ") into " + dataDir);
        try (EmbeddedDatabaseAccess database = EmbeddedDatabaseAccess.open(dataDir, startupWait)) {
            Flyway.configure()
                    .dataSource(database.url(), database.ownerUser(), database.ownerPassword())
                    .schemas(flywaySchemas())
                    .createSchemas(true)
                    .defaultSchema("public")
                    .locations("classpath:db/migration")
                    .target(version)
                    .load()
                    .migrate();
            try (Connection connection = database.ownerConnection()) {
                DatabaseBackup.load(connection, archive, manifest, step -> out.accept("  " + step));
            }
        } catch (SQLException | RuntimeException e) {
            if (created) {
                deleteTree(dataDir.resolve("postgres"));
            }
            if (e instanceof BackupException b) {
                throw b;
            }
            throw new BackupException("The restore failed: " + e.getMessage() + ". Nothing was restored.", e);
        }
        out.accept("Restore finished. Start Peduli with PEDULI_DATA_DIR=" + dataDir
                + "; it migrates the database to its own version at start.");
    }

    static MigrationVersion latestMigration() {
        try {
            Resource[] resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/V*__*.sql");
            return Stream.of(resources)
                    .map(Resource::getFilename)
                    .filter(name -> name != null && name.startsWith("V") && name.contains("__"))
                    .map(name -> MigrationVersion.fromVersion(name.substring(1, name.indexOf("__"))))
                    .max(Comparator.naturalOrder())
                    .orElse(MigrationVersion.EMPTY);
        } catch (IOException e) {
            throw new BackupException("Cannot list the database migrations: " + e.getMessage(), e);
        }
    }

    static String[] flywaySchemas() {
        try (InputStream in = BackupCommand.class.getResourceAsStream("/application.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("spring.flyway.schemas").split("\\s*,\\s*");
        } catch (IOException | RuntimeException e) {
            throw new BackupException("Cannot read the schema list of the application: " + e.getMessage(), e);
        }
    }

    /** Without Spring Boot's logging set-up the libraries would log at DEBUG; the command says what it does itself. */
    private static void quietLogging() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        if (org.slf4j.LoggerFactory.getLogger(BackupCommand.class) instanceof ch.qos.logback.classic.Logger own) {
            own.setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: the message tells the user the restore failed
        }
    }

    private static String option(String[] args, String name, String fallback) {
        String prefix = "--" + name + "=";
        return Arrays.stream(args)
                .filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()))
                .reduce((a, b) -> b)
                .orElse(fallback);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static long bytes(String size) {
        return org.springframework.util.unit.DataSize.parse(size.strip()).toBytes();
    }
}
