package id.peduli.backup;

import java.util.List;
import java.util.Map;

/** What a backup holds: written as {@code manifest.json}, the first entry of the archive. */
record BackupManifest(
        int format,
        String createdAt,
        String applicationVersion,
        String schemaVersion,
        String postgresVersion,
        String keyFingerprint,
        List<Table> tables,
        Map<String, Sequence> sequences) {

    static final int FORMAT = 1;

    /** A table, its entry in the archive (CSV as COPY writes it), its rows and the SHA-256 of the entry. */
    record Table(String name, String entry, long rows, String sha256) {}

    /** The state of a sequence, set again on restore. */
    record Sequence(long lastValue, boolean called) {}
}
