package id.peduli.registry.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Limits and storage of imports: the largest file ({@code peduli.registry.import.max-bytes}), the most rows
 * ({@code peduli.registry.import.max-rows}), how long an uncommitted file is kept
 * ({@code peduli.registry.import.retention}), how many uncommitted files and bytes one user may keep
 * ({@code peduli.registry.import.max-pending-files}, {@code peduli.registry.import.max-pending-bytes}) and where
 * files wait ({@code <data-dir>/imports}, readable by the application's own account only).
 */
@Component
class ImportSettings {

    private long maxBytes;
    private int maxRows;
    private final Duration retention;
    private final Path directory;
    private int maxPendingFiles;
    private long maxPendingBytes;

    ImportSettings(
            @Value("${peduli.registry.import.max-bytes:200MB}") DataSize maxBytes,
            @Value("${peduli.registry.import.max-rows:1000000}") int maxRows,
            @Value("${peduli.registry.import.retention:7d}") Duration retention,
            @Value("${peduli.data-dir}") String dataDir,
            @Value("${peduli.registry.import.max-pending-files:5}") int maxPendingFiles,
            @Value("${peduli.registry.import.max-pending-bytes:1GB}") DataSize maxPendingBytes) {
        this.maxBytes = maxBytes.toBytes();
        this.maxRows = maxRows;
        this.retention = retention;
        this.directory = Path.of(dataDir).toAbsolutePath().normalize().resolve("imports");
        this.maxPendingFiles = maxPendingFiles;
        this.maxPendingBytes = maxPendingBytes.toBytes();
    }

    /** How many uploaded files one user may keep that are neither committed nor discarded nor expired. */
    int maxPendingFiles() {
        return maxPendingFiles;
    }

    /** How many bytes those files may take together. */
    long maxPendingBytes() {
        return maxPendingBytes;
    }

    /** Changes the per-user limits while the application runs (tests of the limits use small ones). */
    void pendingLimits(int files, long bytes) {
        this.maxPendingFiles = files;
        this.maxPendingBytes = bytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** The size limit in whole megabytes, for messages. */
    long maxMegabytes() {
        return Math.max(1, maxBytes / (1024 * 1024));
    }

    int maxRows() {
        return maxRows;
    }

    /** Changes the limits while the application runs (tests of the limits use small ones). */
    void limits(long maxBytes, int maxRows) {
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
    }

    Duration retention() {
        return retention;
    }

    Path file(long jobId) {
        try {
            if (!Files.isDirectory(directory)) {
                if (POSIX) {
                    Files.createDirectories(
                            directory,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(directory);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        return directory.resolve(Long.toString(jobId));
    }

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /**
     * Creates {@code file} for writing, readable and writable by the application's own account only from its first
     * byte (POSIX {@code rw-------}; on other file systems the directory's permissions apply). An existing file is
     * replaced.
     */
    static OutputStream createPrivate(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
