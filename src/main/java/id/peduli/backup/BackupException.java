package id.peduli.backup;

/** A backup or restore that was refused or failed, with a message for the person running it. */
public class BackupException extends RuntimeException {

    BackupException(String message) {
        super(message);
    }

    BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
