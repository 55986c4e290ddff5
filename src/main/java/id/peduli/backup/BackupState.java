package id.peduli.backup;

import java.time.Instant;

/** What the backups page shows: whether a backup runs, its last step, and the last finished backup or failure. */
public record BackupState(boolean running, String step, Instant finishedAt, String file, String error) {}
