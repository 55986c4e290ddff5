package id.peduli.innovation.award;

import java.time.Instant;

/** An objection of the public against a proposed Top 99 innovation, and the panel's written answer. */
public record Objection(
        long id,
        long proposalId,
        String proposalTitle,
        String name,
        String contact,
        String text,
        Instant createdAt,
        String answer,
        String answeredBy,
        Instant answeredAt) {}
