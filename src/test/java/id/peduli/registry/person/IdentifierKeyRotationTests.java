package id.peduli.registry.person;

import static id.peduli.registry.RegistryTestSupport.aPerson;
import static id.peduli.registry.RegistryTestSupport.signIn;
import static id.peduli.registry.RegistryTestSupport.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.PeduliTest;
import id.peduli.platform.FieldEncryption;
import id.peduli.platform.FieldEncryptionForTools;
import id.peduli.registry.RegistryTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rotating the encryption key: stored NIK and KK numbers are sealed again with the new key and found by the new
 * lookup hash, a second run changes nothing, and a previous key that does not open the data stops the rotation
 * without changing anything. Each test rotates the shared database back to the application's key.
 */
@PeduliTest
class IdentifierKeyRotationTests {

    private static final String NIK = "1571015506889907";
    private static final String KK = "1571010101889907";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldEncryption encryption;

    @Autowired
    IdentifierKeyRotation rotation;

    @Autowired
    People people;

    @Value("${peduli.data-dir}")
    String dataDir;

    private static Long personId;

    @BeforeEach
    void registerAPersonWithAFamilyCard() {
        if (personId != null) {
            return;
        }
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        signIn(context, "pekerja.alyatama");
        personId = people.register(aPerson(alyatama)
                        .named("Rotasi Kunci Lestari")
                        .born(LocalDate.of(1988, 6, 15))
                        .nik(NIK)
                        .acceptingWarnings()
                        .build())
                .id();
        RegistryTestSupport.familyCard(
                context,
                RegistryTestSupport.household(context, alyatama, "15.71.01.1001"),
                KK,
                LocalDate.of(2020, 1, 1),
                null);
    }

    private String applicationKey() throws Exception {
        return Files.readString(Path.of(dataDir).resolve("keys").resolve("field.key"))
                .trim();
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private byte[] storedNik() {
        return jdbc.sql("select nik_cipher from registry.person where id = ?")
                .param(personId)
                .query((rs, i) -> rs.getBytes(1))
                .single();
    }

    private byte[] storedNikHash() {
        return jdbc.sql("select nik_hash from registry.person where id = ?")
                .param(personId)
                .query((rs, i) -> rs.getBytes(1))
                .single();
    }

    @Test
    void storedIdentifiersAreSealedAgainWithTheNewKeyAndFoundByItsHash() throws Exception {
        String applicationKey = applicationKey();
        String newKey = newKey();
        FieldEncryption forward = FieldEncryptionForTools.rotating(newKey, applicationKey);
        long logged = jdbc.sql("select count(*) from audit.entry where subject_type = 'EncryptionKey'")
                .query(Long.class)
                .single();
        try {
            IdentifierKeyRotation.Result first = rotation.rotate(forward);
            assertThat(first.people()).isPositive();
            assertThat(first.familyCards()).isPositive();
            assertThat(forward.decrypt(People.NIK_FIELD, storedNik())).isEqualTo(NIK);
            assertThat(storedNikHash()).isEqualTo(forward.hash(People.NIK_FIELD, NIK));
            assertThat(jdbc.sql("select count(*) from registry.kk_history where kk_hash = ?")
                            .param(forward.hash(Households.KK_FIELD, KK))
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThatThrownBy(() -> encryption.decrypt(People.NIK_FIELD, storedNik()))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(rotation.rotate(forward)).isEqualTo(new IdentifierKeyRotation.Result(0, 0));
        } finally {
            rotation.rotate(FieldEncryptionForTools.rotating(applicationKey, newKey));
        }
        assertThat(encryption.decrypt(People.NIK_FIELD, storedNik())).isEqualTo(NIK);
        assertThat(people.idByNik(NIK)).contains(personId);
        assertThat(jdbc.sql("select count(*) from audit.entry where subject_type = 'EncryptionKey'")
                        .query(Long.class)
                        .single())
                .isEqualTo(logged + 2);
    }

    @Test
    void aPreviousKeyThatDoesNotOpenTheDataStopsTheRotationAndChangesNothing() {
        byte[] before = storedNik();
        FieldEncryption wrong = FieldEncryptionForTools.rotating(newKey(), newKey());
        assertThatThrownBy(() -> rotation.rotate(wrong))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("neither the current nor the previous key");
        assertThat(storedNik()).isEqualTo(before);
        assertThat(people.idByNik(NIK)).contains(personId);
    }

    @Test
    void theApplicationRotatesOnlyWhenAPreviousKeyIsConfigured() {
        assertThat(encryption.rotating()).isFalse();
        assertThat(FieldEncryptionForTools.rotating(newKey(), newKey()).rotating())
                .isTrue();
    }
}
