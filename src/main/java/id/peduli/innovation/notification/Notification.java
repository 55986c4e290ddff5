package id.peduli.innovation.notification;

import java.time.Instant;

/** One message of the in-app inbox: a result of a proposal, in the reader's language. */
public record Notification(
        long id, Long proposalId, String messageKey, String title, String detail, Instant createdAt, boolean read) {}
