package id.peduli.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Limits and storage of imports: the largest file ({@code peduli.registry.import.max-bytes}), the most rows
 * ({@code peduli.registry.import.max-rows}), how long an uncommitted file is kept
 * ({@code peduli.registry.import.retention}) and where files wait ({@code <data-dir>/imports}).
 */
@Component
class ImportSettings {

    private long maxBytes;
    private int maxRows;
    private final Duration retention;
    private final Path directory;

    ImportSettings(
            @Value("${peduli.registry.import.max-bytes:200MB}") DataSize maxBytes,
            @Value("${peduli.registry.import.max-rows:1000000}") int maxRows,
            @Value("${peduli.registry.import.retention:7d}") Duration retention,
            @Value("${peduli.data-dir}") String dataDir) {
        this.maxBytes = maxBytes.toBytes();
        this.maxRows = maxRows;
        this.retention = retention;
        this.directory = Path.of(dataDir).toAbsolutePath().normalize().resolve("imports");
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
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        return directory.resolve(Long.toString(jobId));
    }
}
