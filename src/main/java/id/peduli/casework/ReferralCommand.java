package id.peduli.casework;

import java.time.LocalDate;

/**
 * A new referral of a registry person. INTERNAL: {@code fromUnitId} to {@code toUnitId}; OUTGOING: from {@code
 * fromUnitId} to {@code outsideService}; INCOMING: from {@code outsideService} to {@code toUnitId}. With {@code
 * programmeCode}, the person is referred into that programme at the receiving unit: accepting the referral enrols them.
 */
public record ReferralCommand(
        long personId,
        String direction,
        Long fromUnitId,
        Long toUnitId,
        String outsideService,
        String reason,
        LocalDate referredOn,
        String programmeCode) {

    /** A referral that names no programme. */
    public ReferralCommand(
            long personId,
            String direction,
            Long fromUnitId,
            Long toUnitId,
            String outsideService,
            String reason,
            LocalDate referredOn) {
        this(personId, direction, fromUnitId, toUnitId, outsideService, reason, referredOn, null);
    }
}
