package id.peduli.registry.person;

import java.time.Instant;

/**
 * One merge as the History tab of a profile shows it: which record was merged into which, by whom, when and why. The
 * number and name of a record in a unit the viewer cannot read are null.
 */
public record MergeRecord(
        long id,
        Long survivorId,
        String survivorName,
        Long mergedId,
        String mergedName,
        String reason,
        String mergedBy,
        Instant mergedAt) {}
