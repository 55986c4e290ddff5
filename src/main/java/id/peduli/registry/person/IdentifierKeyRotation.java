package id.peduli.registry.person;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.FieldEncryption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encrypts the stored NIK and KK numbers again when the encryption key is rotated (ADR 3): when Peduli starts with
 * the new key in {@code PEDULI_ENCRYPTION_KEY} and the old one in {@code PEDULI_ENCRYPTION_KEY_PREVIOUS}, every
 * ciphertext sealed with the old key is sealed again and its lookup hash computed with the new key, in one
 * transaction that keeps registrations waiting (searches keep working on the old values until it commits). Values
 * already sealed with the new key are left alone, so a rotation that was interrupted can simply be started again.
 * About two and a half minutes per million people on two cores; the processing log records how many values were sealed again.
 */
@Component
@Order(50)
class IdentifierKeyRotation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentifierKeyRotation.class);
    private static final int BATCH = 2_000;

    /** How many stored values were sealed again. */
    record Result(int people, int familyCards) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final FieldEncryption encryption;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    IdentifierKeyRotation(
            JdbcClient jdbc,
            JdbcTemplate template,
            FieldEncryption encryption,
            AuditLog audit,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.encryption = encryption;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!encryption.rotating()) {
            return;
        }
        log.info("A previous encryption key is configured: sealing stored NIK and KK numbers with the current key");
        long started = System.nanoTime();
        Result result = rotate(encryption);
        log.info(
                "Encryption key rotated: {} NIK and {} KK numbers sealed again in {} ms; remove"
                        + " PEDULI_ENCRYPTION_KEY_PREVIOUS before the next start",
                result.people(),
                result.familyCards(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Seals again, with {@code keys}' current key, every value that only its previous key opens. */
    Result rotate(FieldEncryption keys) {
        return transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('peduli.registry.key-rotation'))")
                    .query((rs, i) -> 1)
                    .single();
            template.execute("lock table registry.person, registry.kk_history in share row exclusive mode");
            int people = rotate(keys, "registry.person", "nik_cipher", "nik_hash", People.NIK_FIELD);
            int cards = rotate(keys, "registry.kk_history", "kk_cipher", "kk_hash", Households.KK_FIELD);
            if (people + cards > 0) {
                audit.record(AuditRecord.of(AuditAction.UPDATE, "EncryptionKey", null)
                        .actor(null, "system")
                        .purpose("key rotation")
                        .change("nikSealedAgain", null, people)
                        .change("kkSealedAgain", null, cards));
            }
            return new Result(people, cards);
        });
    }

    private int rotate(FieldEncryption keys, String table, String cipherColumn, String hashColumn, String field) {
        int rotated = 0;
        long last = 0;
        while (true) {
            List<Object[]> rows = jdbc.sql("select id, " + cipherColumn + " from " + table + " where id > ? and "
                            + cipherColumn + " is not null order by id limit " + BATCH)
                    .param(last)
                    .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2)})
                    .list();
            if (rows.isEmpty()) {
                return rotated;
            }
            List<Object[]> updates = new ArrayList<>();
            for (Object[] row : rows) {
                keys.openWithPreviousKey(field, (byte[]) row[1])
                        .ifPresent(plain -> updates.add(
                                new Object[] {keys.encrypt(field, plain), keys.hash(field, plain), row[0]}));
                last = (Long) row[0];
            }
            if (!updates.isEmpty()) {
                template.batchUpdate(
                        "update " + table + " set " + cipherColumn + " = ?, " + hashColumn + " = ? where id = ?",
                        updates);
                rotated += updates.size();
            }
        }
    }
}
