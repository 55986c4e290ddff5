package id.peduli.audit;

import java.time.Instant;

/** One entry of the processing log as read back. {@code changes} is the JSON list of changed fields, if any. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        Long userId,
        String username,
        String action,
        String subjectType,
        String subjectId,
        Long orgUnitId,
        String purpose,
        String clientAddress,
        String userAgent,
        String changes) {}
