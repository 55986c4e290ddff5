package id.peduli.backup;

import id.peduli.platform.EmbeddedDatabaseAccess;
import id.peduli.platform.RunMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Backups taken by the running application: nightly (cron {@code peduli.backup.schedule}, in
 * {@code peduli.time-zone}) into {@code peduli.backup.directory}, keeping the newest {@code peduli.backup.keep}, and
 * on demand from the administrator's page. One backup runs at a time; its progress and the last result are kept
 * for the page. Only the embedded database is backed up this way (an external one has its own tools).
 */
@Service
class Backups implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final RunMode runMode;
    private final Path dataDir;
    private final Path directory;
    private final int keep;
    private final long minFreeBytes;
    private final String configuredKey;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final AtomicReference<BackupState> state =
            new AtomicReference<>(new BackupState(false, null, null, null, null));

    Backups(
            RunMode runMode,
            @Value("${peduli.data-dir}") String dataDir,
            @Value("${peduli.backup.directory:}") String directory,
            @Value("${peduli.backup.keep:7}") int keep,
            @Value("${peduli.backup.min-free-space:1GB}") DataSize minFree,
            @Value("${peduli.backup.schedule:0 30 1 * * *}") String schedule,
            @Value("${peduli.time-zone}") String zone,
            @Value("${peduli.encryption.key:${PEDULI_ENCRYPTION_KEY:}}") String configuredKey) {
        this.runMode = runMode;
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        this.directory = directory == null || directory.isBlank()
                ? this.dataDir.resolve("backups")
                : Path.of(directory).toAbsolutePath().normalize();
        this.keep = Math.max(1, keep);
        this.minFreeBytes = minFree.toBytes();
        this.configuredKey = configuredKey;
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("backup-");
        scheduler.initialize();
        if (runMode.embedded() && !"-".equals(schedule.strip())) {
            scheduler.schedule(this::nightly, new CronTrigger(schedule, ZoneId.of(zone)));
        }
    }

    boolean available() {
        return runMode.embedded();
    }

    Path directory() {
        return directory;
    }

    BackupState state() {
        return state.get();
    }

    /** Starts a backup in the background; false when one is already running. */
    boolean start() {
        if (!available() || !begin()) {
            return false;
        }
        scheduler.execute(this::runStarted);
        return true;
    }

    /** Takes a backup now in the calling thread; returns the archive. */
    Path backupNow() {
        if (!available()) {
            throw new BackupException("Backups from the application need the embedded database.");
        }
        if (!begin()) {
            throw new BackupException("A backup is already running.");
        }
        return runStarted();
    }

    private void nightly() {
        try {
            backupNow();
        } catch (RuntimeException e) {
            log.error("The nightly backup failed: {}", e.getMessage());
        }
    }

    private boolean begin() {
        BackupState current = state.get();
        return !current.running()
                && state.compareAndSet(
                        current, new BackupState(true, null, current.finishedAt(), current.file(), current.error()));
    }

    private Path runStarted() {
        try (EmbeddedDatabaseAccess database = EmbeddedDatabaseAccess.open(dataDir, Duration.ofMinutes(5));
                Connection connection = database.ownerConnection()) {
            Path archive = DatabaseBackup.write(
                    connection,
                    directory,
                    minFreeBytes,
                    FieldKeys.fingerprint(dataDir, configuredKey),
                    step -> state.updateAndGet(s -> new BackupState(true, step, s.finishedAt(), s.file(), s.error())));
            prune(directory, keep);
            log.info("Backup written: {}", archive);
            state.set(new BackupState(
                    false, null, Instant.now(), archive.getFileName().toString(), null));
            return archive;
        } catch (SQLException | RuntimeException e) {
            String message = e instanceof BackupException ? e.getMessage() : "The backup failed: " + e.getMessage();
            state.set(new BackupState(false, null, Instant.now(), null, message));
            throw e instanceof BackupException b ? b : new BackupException(message, e);
        }
    }

    /** The backups in the directory, newest first. */
    static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith(DatabaseBackup.PREFIX) && name.endsWith(DatabaseBackup.SUFFIX);
                    })
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    List<Path> list() {
        return list(directory);
    }

    /** Deletes all but the newest {@code keep} backups (and their checksum files). */
    static void prune(Path directory, int keep) {
        List<Path> backups = list(directory);
        for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            try {
                Files.deleteIfExists(old);
                Files.deleteIfExists(DatabaseBackup.checksumFile(old));
            } catch (IOException e) {
                log.warn("Could not delete the old backup {}", old, e);
            }
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
