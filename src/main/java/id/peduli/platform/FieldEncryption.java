package id.peduli.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption of sensitive identifiers at rest (AES-256-GCM, random nonce, the field name as associated data) and
 * keyed hashes (HMAC-SHA256) to find them again without decrypting. The master key comes from
 * {@code PEDULI_ENCRYPTION_KEY} (base64, 32 bytes); with the embedded database and no key configured, one is
 * generated once into {@code <data-dir>/keys/field.key} readable by the owner only. With an external database a
 * key must be configured: Peduli refuses to start without one. To rotate the key, start with the new key in {@code
 * PEDULI_ENCRYPTION_KEY} and the old one in {@code PEDULI_ENCRYPTION_KEY_PREVIOUS}: the modules that store
 * identifiers encrypt them again (see {@link #openWithPreviousKey}); then remove the previous key.
 */
@Component
public class FieldEncryption {

    private static final Logger log = LoggerFactory.getLogger(FieldEncryption.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    /** The key data was encrypted with before the current one, while it is being rotated; otherwise null. */
    private final SecretKeySpec previousEncryptionKey;

    private final SecureRandom random = new SecureRandom();

    FieldEncryption(
            @Value("${peduli.encryption.key:${PEDULI_ENCRYPTION_KEY:}}") String configuredKey,
            @Value("${peduli.encryption.previous-key:${PEDULI_ENCRYPTION_KEY_PREVIOUS:}}") String previousKey,
            @Value("${peduli.data-dir}") String dataDir,
            RunMode runMode) {
        boolean rotating = previousKey != null && !previousKey.isBlank();
        if (rotating && (configuredKey == null || configuredKey.isBlank())) {
            throw new IllegalStateException("PEDULI_ENCRYPTION_KEY_PREVIOUS is set: set the new key in "
                    + "PEDULI_ENCRYPTION_KEY as well (32 random bytes, base64)");
        }
        byte[] master = configuredKey == null || configuredKey.isBlank()
                ? generatedKey(Path.of(dataDir), runMode)
                : decode(configuredKey);
        this.encryptionKey = new SecretKeySpec(derive(master, "peduli/field-encryption/v1"), "AES");
        this.hashKey = new SecretKeySpec(derive(master, "peduli/field-hash/v1"), "HmacSHA256");
        Arrays.fill(master, (byte) 0);
        if (rotating) {
            byte[] previous = decode(previousKey);
            this.previousEncryptionKey = new SecretKeySpec(derive(previous, "peduli/field-encryption/v1"), "AES");
            Arrays.fill(previous, (byte) 0);
        } else {
            this.previousEncryptionKey = null;
        }
    }

    /** True when a previous key is configured: stored identifiers are to be encrypted again with the current one. */
    public boolean rotating() {
        return previousEncryptionKey != null;
    }

    /**
     * Reads a value sealed with either key: empty when it was sealed with the current key (nothing to do), the value
     * when it was sealed with the previous key (to be sealed again). Fails when neither key opens it.
     */
    public java.util.Optional<String> openWithPreviousKey(String field, byte[] sealed) {
        if (open(encryptionKey, field, sealed) != null) {
            return java.util.Optional.empty();
        }
        String plain = previousEncryptionKey == null ? null : open(previousEncryptionKey, field, sealed);
        if (plain == null) {
            throw new IllegalStateException("a stored " + field + " opens with neither the current nor the previous"
                    + " key: check PEDULI_ENCRYPTION_KEY_PREVIOUS");
        }
        return java.util.Optional.of(plain);
    }

    private static String open(SecretKeySpec key, String field, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** Encrypts {@code plain}; {@code field} names what it is and must be given again to decrypt. */
    public byte[] encrypt(String field, String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Opens a value sealed with the current key, or, while the key is rotated, with the previous one. */
    public String decrypt(String field, byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        String plain = open(encryptionKey, field, sealed);
        if (plain == null && previousEncryptionKey != null) {
            plain = open(previousEncryptionKey, field, sealed);
        }
        if (plain == null) {
            throw new IllegalStateException("decryption failed (wrong key or altered data)");
        }
        return plain;
    }

    /** A keyed hash of {@code value} for exact lookups; equal values give equal hashes for the same field. */
    public byte[] hash(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            mac.update(field.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    /**
     * An encrypter and hasher for one field that reuses its cipher and MAC, for bulk work in one thread (imports):
     * the same results as {@link #encrypt} and {@link #hash}, without the cost of creating them for every value.
     * Not thread-safe.
     */
    public Bulk bulk(String field) {
        return new Bulk(field);
    }

    public final class Bulk {

        private final byte[] aad;
        private final Cipher cipher;
        private final Mac mac;

        private Bulk(String field) {
            this.aad = field.getBytes(StandardCharsets.UTF_8);
            try {
                this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
                this.mac = Mac.getInstance("HmacSHA256");
                mac.init(hashKey);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public byte[] encrypt(String plain) {
            if (plain == null) {
                return null;
            }
            try {
                byte[] nonce = new byte[NONCE_BYTES];
                random.nextBytes(nonce);
                cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(aad);
                byte[] plainBytes = plain.getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plainBytes.length)];
                System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
                cipher.doFinal(plainBytes, 0, plainBytes.length, out, NONCE_BYTES);
                return out;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("encryption failed", e);
            }
        }

        public byte[] hash(String value) {
            if (value == null) {
                return null;
            }
            mac.update(aad);
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("PEDULI_ENCRYPTION_KEY is not valid base64", e);
        }
        if (bytes.length < 32) {
            throw new IllegalStateException("PEDULI_ENCRYPTION_KEY must hold at least 32 bytes (base64)");
        }
        return bytes;
    }

    private byte[] generatedKey(Path dataDir, RunMode runMode) {
        if (!runMode.embedded()) {
            throw new IllegalStateException("Set PEDULI_ENCRYPTION_KEY (32 random bytes, base64) when running on an "
                    + "external database, for example: openssl rand -base64 32");
        }
        Path file = dataDir.toAbsolutePath().resolve("keys").resolve("field.key");
        try {
            if (Files.exists(file)) {
                OwnerOnlyFiles.narrow(file);
                return decode(Files.readString(file));
            }
            byte[] key = new byte[32];
            random.nextBytes(key);
            OwnerOnlyFiles.write(file, Base64.getEncoder().encodeToString(key));
            log.info("Generated the field encryption key in {} (back it up with the data directory)", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
