package id.peduli.access;

import java.time.Instant;

/** A personal access token as the tokens page lists it (never the secret). State: active, expired or revoked. */
public record TokenRow(
        long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt, String state) {}
