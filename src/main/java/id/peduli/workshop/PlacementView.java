package id.peduli.workshop;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** A participant's placement into work with its follow-ups (due 30, 90, 180 and 365 days after the start). */
public record PlacementView(
        long id,
        long siteId,
        long enrolmentId,
        long personId,
        String employerName,
        String sector,
        String regionCode,
        Kind kind,
        LocalDate startedOn,
        Money monthlyWage,
        int hoursPerWeek,
        String support,
        LocalDate separatedOn,
        String separationReason,
        List<FollowUp> followUps) {

    @Schema(name = "WorkshopPlacementKind")
    public enum Kind {
        COMPETITIVE,
        SELF_EMPLOYED,
        SHELTERED
    }

    /** One follow-up: due day, and once done, the day, whether still employed, the wage and notes. */
    @Schema(name = "WorkshopFollowUp")
    public record FollowUp(
            long id, int dayMark, LocalDate dueOn, LocalDate doneOn, Boolean stillEmployed, Money wage, String notes) {}
}
