package id.peduli.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The field-encryption key is never inside a backup. A backup records only a fingerprint of it (a hash, from which
 * the key cannot be found), so that a restore can check that the right key is in place before any data is loaded.
 */
final class FieldKeys {

    private FieldKeys() {}

    /** The key's fingerprint: from {@code PEDULI_ENCRYPTION_KEY} when set, else from {@code keys/field.key}. */
    static String fingerprint(Path dataDir, String configured) {
        String key = configured;
        if (key == null || key.isBlank()) {
            Path file = file(dataDir);
            if (!Files.exists(file)) {
                return null;
            }
            try {
                key = Files.readString(file);
            } catch (IOException e) {
                return null;
            }
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(key.strip());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("peduli field key fingerprint\n".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(bytes)).substring(0, 16);
        } catch (IllegalArgumentException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("keys").resolve("field.key");
    }
}
