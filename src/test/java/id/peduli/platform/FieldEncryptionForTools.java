package id.peduli.platform;

/** Field encryption with a given key, for tools that write encrypted data without starting Peduli. */
public final class FieldEncryptionForTools {

    private FieldEncryptionForTools() {}

    /** The same encryption Peduli uses when started with {@code PEDULI_ENCRYPTION_KEY=base64Key}. */
    public static FieldEncryption withKey(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("a key is required (32 random bytes, base64)");
        }
        return new FieldEncryption(base64Key, null, ".", null);
    }

    /** The encryption Peduli uses while rotating from {@code previousKey} to {@code currentKey}. */
    public static FieldEncryption rotating(String currentKey, String previousKey) {
        return new FieldEncryption(currentKey, previousKey, ".", null);
    }
}
