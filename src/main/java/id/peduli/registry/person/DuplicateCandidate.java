package id.peduli.registry.person;

import java.time.LocalDate;
import java.util.List;

/**
 * A possible duplicate shown while registering, with the reasons it is shown ({@code People.CandidateReason} codes,
 * labelled {@code person.candidateReason.<code>}). When {@code inScope} is false the record belongs to a unit the user
 * cannot see, and only its existence is shown.
 */
public record DuplicateCandidate(
        long id,
        String fullName,
        LocalDate birthDate,
        int birthYear,
        String regionCode,
        String regionName,
        String unitName,
        boolean inScope,
        List<String> reasons) {

    public DuplicateCandidate {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Someone outside the user's units: only that they exist. */
    DuplicateCandidate(
            long id, String fullName, LocalDate birthDate, int birthYear, String regionCode, boolean inScope) {
        this(id, fullName, birthDate, birthYear, regionCode, null, null, inScope, List.of());
    }

    DuplicateCandidate withReasons(List<String> values) {
        return new DuplicateCandidate(
                id, fullName, birthDate, birthYear, regionCode, regionName, unitName, inScope, values);
    }
}
