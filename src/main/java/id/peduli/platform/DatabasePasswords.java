package id.peduli.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The two login roles of the embedded PostgreSQL and their generated passwords, kept in {@code
 * <data-dir>/keys/database.properties} (owner-only, like the field key). The owner ({@code postgres}, the
 * superuser of the embedded cluster) owns every table and runs the migrations; the application connects as {@code
 * peduli_app}, which owns nothing and may only read and append to the audit log. See docs/adr/0007-database-roles.md.
 */
record DatabasePasswords(String ownerUser, String ownerPassword, String appUser, String appPassword) {

    static final String OWNER = "postgres";
    static final String APP = "peduli_app";
    static final String FILE_NAME = "database.properties";

    static Path file(Path keysDirectory) {
        return keysDirectory.resolve(FILE_NAME);
    }

    /** Reads the passwords file, or generates both passwords into a new one. */
    static DatabasePasswords loadOrCreate(Path keysDirectory) {
        Path file = file(keysDirectory);
        try {
            if (Files.exists(file)) {
                OwnerOnlyFiles.narrow(file);
                Properties properties = new Properties();
                properties.load(new StringReader(Files.readString(file)));
                String owner = properties.getProperty("owner.password", "");
                String app = properties.getProperty("app.password", "");
                if (owner.isBlank() || app.isBlank()) {
                    throw new IllegalStateException(file + " lacks owner.password or app.password");
                }
                return new DatabasePasswords(OWNER, owner, APP, app);
            }
            DatabasePasswords passwords = new DatabasePasswords(OWNER, generate(), APP, generate());
            Properties properties = new Properties();
            properties.setProperty("owner.user", OWNER);
            properties.setProperty("owner.password", passwords.ownerPassword());
            properties.setProperty("app.user", APP);
            properties.setProperty("app.password", passwords.appPassword());
            StringWriter out = new StringWriter();
            properties.store(out, "Passwords of the embedded PostgreSQL; back up with the data directory, never share");
            OwnerOnlyFiles.write(file, out.toString());
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** 32 letters and digits: about 190 bits, and safe to write into SQL without quoting troubles. */
    private static String generate() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "DatabasePasswords[" + ownerUser + ", " + appUser + "]";
    }
}
