package id.peduli.registry.person;

import java.time.LocalDate;

/**
 * A possible duplicate shown while registering. When {@code inScope} is false the record belongs to a unit the user
 * cannot see, and only its existence is shown.
 */
public record DuplicateCandidate(
        long id, String fullName, LocalDate birthDate, int birthYear, String regionCode, boolean inScope) {}
