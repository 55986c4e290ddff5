package id.peduli.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this instance of Peduli, the same across restarts: {@code peduli.instance-id} when set, otherwise a random
 * identifier generated once into {@code <data dir>/instance.id}. Work that an instance records as running and finds
 * still running at its next start was interrupted by that instance's stop, so it can be marked at once.
 */
@Component
public final class InstanceId {

    private final String value;

    InstanceId(@Value("${peduli.instance-id:}") String configured, @Value("${peduli.data-dir}") String dataDir) {
        this.value = configured == null || configured.isBlank()
                ? stored(Path.of(dataDir).toAbsolutePath().normalize().resolve("instance.id"))
                : configured.strip();
    }

    public String value() {
        return value;
    }

    private static String stored(Path file) {
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            OwnerOnlyFiles.directory(file.getParent());
            String id = UUID.randomUUID().toString();
            OwnerOnlyFiles.write(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
