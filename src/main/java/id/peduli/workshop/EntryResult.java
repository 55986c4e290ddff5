package id.peduli.workshop;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * What became of one sent entry: STORED (recorded now), DUPLICATE (recorded before under the same id; nothing more
 * was recorded) or REFUSED (nothing recorded; {@code reason} says why in a code and {@code message} in the caller's
 * language).
 */
@Schema(name = "WorkshopEntryResult")
public record EntryResult(UUID entryId, Status status, Long sessionId, String reason, String message) {

    @Schema(name = "WorkshopEntryStatus")
    public enum Status {
        STORED,
        DUPLICATE,
        REFUSED
    }
}
