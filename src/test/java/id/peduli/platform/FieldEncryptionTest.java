package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Sealing, opening and hashing identifiers, and the rules for rotating the key. */
class FieldEncryptionTest {

    private static final String KEY_A =
            Base64.getEncoder().encodeToString("a-key-of-thirty-two-bytes-length".getBytes());
    private static final String KEY_B =
            Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes());

    @Test
    void aValueOpensOnlyWithItsKeyAndItsFieldAndHashesTheSameEachTime() {
        FieldEncryption a = FieldEncryptionForTools.withKey(KEY_A);
        byte[] sealed = a.encrypt("person.nik", "3323014107150003");
        assertThat(a.decrypt("person.nik", sealed)).isEqualTo("3323014107150003");
        assertThat(a.encrypt("person.nik", "3323014107150003")).isNotEqualTo(sealed);
        assertThat(a.hash("person.nik", "3323014107150003")).isEqualTo(a.hash("person.nik", "3323014107150003"));
        assertThat(a.hash("household.kk", "3323014107150003")).isNotEqualTo(a.hash("person.nik", "3323014107150003"));
        assertThatThrownBy(() -> a.decrypt("household.kk", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FieldEncryptionForTools.withKey(KEY_B).decrypt("person.nik", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whileRotatingOnlyValuesSealedWithThePreviousKeyAreOpenedForSealingAgain() {
        FieldEncryption old = FieldEncryptionForTools.withKey(KEY_A);
        FieldEncryption rotating = FieldEncryptionForTools.rotating(KEY_B, KEY_A);
        assertThat(old.rotating()).isFalse();
        assertThat(rotating.rotating()).isTrue();
        byte[] sealedBefore = old.encrypt("person.nik", "1571011205900001");
        assertThat(rotating.openWithPreviousKey("person.nik", sealedBefore)).contains("1571011205900001");
        assertThat(rotating.decrypt("person.nik", sealedBefore)).isEqualTo("1571011205900001");
        assertThat(rotating.openWithPreviousKey("person.nik", rotating.encrypt("person.nik", "1571011205900001")))
                .isEmpty();
        byte[] foreign = FieldEncryptionForTools.withKey(
                        Base64.getEncoder().encodeToString("a-third-key-thirty-two-bytes-too".getBytes()))
                .encrypt("person.nik", "1");
        assertThatThrownBy(() -> rotating.openWithPreviousKey("person.nik", foreign))
                .hasMessageContaining("PEDULI_ENCRYPTION_KEY_PREVIOUS");
    }

    @Test
    void aPreviousKeyWithoutANewOneIsRefused() {
        assertThatThrownBy(() -> FieldEncryptionForTools.rotating("", KEY_A))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PEDULI_ENCRYPTION_KEY");
    }

    @Test
    void aGeneratedKeyIsReadableByItsOwnerOnlyAndKeptAcrossStarts(@TempDir Path dataDir) throws Exception {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("embedded", new RunMode.Embedded(5432));
        RunMode embedded = new RunMode(beans.getBeanProvider(RunMode.Embedded.class), "");
        FieldEncryption first = new FieldEncryption("", "", dataDir.toString(), embedded);
        Path keys = dataDir.resolve("keys");
        assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(keys.resolve("field.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var files = Files.list(keys)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("field.key");
        }
        byte[] sealed = first.encrypt("person.nik", "3323014107150003");
        // A key directory an earlier version left open to everyone is narrowed at the next start.
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(keys.resolve("field.key"), PosixFilePermissions.fromString("rw-r--r--"));
        FieldEncryption second = new FieldEncryption("", "", dataDir.toString(), embedded);
        assertThat(second.decrypt("person.nik", sealed)).isEqualTo("3323014107150003");
        assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(keys.resolve("field.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
