package id.peduli.registry;

import java.time.Instant;

/** One merge as the History tab of a profile shows it: which record was merged into which, by whom, when and why. */
public record MergeRecord(
        long id,
        long survivorId,
        String survivorName,
        long mergedId,
        String mergedName,
        String reason,
        String mergedBy,
        Instant mergedAt) {}
