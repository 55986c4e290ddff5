package id.peduli.casework;

import java.time.LocalDate;

/**
 * A referral: INTERNAL from one unit to another, OUTGOING to a service outside the system, INCOMING from one. The
 * receiving side accepts or declines it (for an outgoing referral the sender records the outside service's answer).
 * {@code programmeCode} names the programme the person is referred into, if any; {@code enrolmentId} is the enrolment
 * its acceptance created.
 */
public record ReferralView(
        long id,
        long personId,
        String direction,
        Long fromUnitId,
        Long toUnitId,
        String outsideService,
        String reason,
        LocalDate referredOn,
        String status,
        LocalDate decidedOn,
        String decidedBy,
        String decisionNote,
        long version,
        String programmeCode,
        Long enrolmentId) {

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
