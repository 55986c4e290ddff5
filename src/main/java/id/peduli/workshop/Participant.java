package id.peduli.workshop;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * A participant of a site: a case enrolment (casework) of a registry person in the Sheltered Workshop programme at the
 * site. {@code enrolmentId} identifies the participant in sessions, production and payouts.
 */
@Schema(name = "WorkshopParticipant")
public record Participant(
        long enrolmentId,
        long personId,
        long siteId,
        String name,
        String guardianName,
        LocalDate enrolledOn,
        LocalDate endedOn,
        boolean intellectualDisability) {

    boolean activeOn(LocalDate day) {
        return enrolledOn != null && !enrolledOn.isAfter(day) && (endedOn == null || !endedOn.isBefore(day));
    }
}
