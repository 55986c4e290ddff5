package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message files as a translator edits them: a key written twice in one file silently hides its first text (a
 * validation message once read "Tingkat" instead of "Tingkat keparahan tidak dikenal."), so each key appears once.
 */
class MessageFilesTest {

    private static final Path DIR = Path.of("src/main/resources/i18n");

    @Test
    void everyKeyIsWrittenOncePerFile() throws IOException {
        List<String> repeated = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties"))
                    .sorted()
                    .toList()) {
                Set<String> seen = new HashSet<>();
                for (String key : keys(file)) {
                    if (!seen.add(key)) {
                        repeated.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(repeated).isEmpty();
    }

    static List<String> keys(Path file) throws IOException {
        List<String> keys = new ArrayList<>();
        boolean continued = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            boolean startsEntry =
                    !continued && !trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!");
            if (startsEntry) {
                int end = 0;
                while (end < trimmed.length() && "=: \t".indexOf(trimmed.charAt(end)) < 0) {
                    end++;
                }
                keys.add(trimmed.substring(0, end));
            }
            continued = !trimmed.startsWith("#") && endsWithOddBackslashes(line) && (continued || startsEntry);
        }
        return keys;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int count = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }
}
