package id.peduli.casework;

import java.time.LocalDate;

/**
 * A new referral of a registry person. INTERNAL: {@code fromUnitId} to {@code toUnitId}; OUTGOING: from {@code
 * fromUnitId} to {@code outsideService}; INCOMING: from {@code outsideService} to {@code toUnitId}.
 */
public record ReferralCommand(
        long personId,
        String direction,
        Long fromUnitId,
        Long toUnitId,
        String outsideService,
        String reason,
        LocalDate referredOn) {}
