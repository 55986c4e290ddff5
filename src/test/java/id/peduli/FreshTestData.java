package id.peduli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each test run a fresh data directory for the embedded PostgreSQL, so tests never see data of an earlier
 * run. Registered through META-INF/services.
 */
public class FreshTestData implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Path directory = Path.of(System.getProperty("peduli.data-dir", "target/test-data"));
        System.setProperty("peduli.data-dir", directory.toString());
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(FreshTestData::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
