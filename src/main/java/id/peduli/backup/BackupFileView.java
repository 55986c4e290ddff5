package id.peduli.backup;

import java.time.Instant;

/** One backup in the list of the backups page. */
public record BackupFileView(String name, long megabytes, Instant modified) {}
