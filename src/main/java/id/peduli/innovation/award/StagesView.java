package id.peduli.innovation.award;

import id.peduli.access.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the proposal page shows of S6 and S7: the presentation's schedule and the panelists' scores, the field visits
 * with their members, verdicts and photos, and which of these the caller may add. A panelist with a conflict of
 * interest with the proposal ({@code conflicted}) may do neither; one without may declare one ({@code canDeclare}).
 */
public record StagesView(
        Schedule schedule,
        List<Score> scores,
        List<Visit> visits,
        boolean canSchedule,
        boolean canScore,
        boolean canVisit,
        boolean conflicted,
        boolean canDeclare) {

    /** When and where the presentation and interview take place: a place, a link, or both. */
    @Schema(name = "InnovationPresentationSchedule")
    public record Schedule(long proposalId, Instant startsAt, String place, String link, String scheduledBy) {}

    /** One panelist's presentation and interview scores on the period's scale, and the version of them. */
    @Schema(name = "InnovationPresentationScore")
    public record Score(
            long panelistId,
            String panelistName,
            int presentation,
            int interview,
            String comment,
            Instant at,
            int version) {}

    /** What a field visit found. */
    @Schema(name = "InnovationFieldVisitVerdict")
    public enum Verdict {
        VERIFIED,
        DISCREPANCY
    }

    /** A member of a field visit and the role they took part in. */
    @Schema(name = "InnovationFieldVisitMember")
    public record Member(long userId, String fullName, Role role) {}

    /** A field visit. */
    @Schema(name = "InnovationFieldVisit")
    public record Visit(
            long id,
            LocalDate visitedOn,
            Verdict verdict,
            String notes,
            String recordedBy,
            List<Member> members,
            List<Long> photoIds) {

        /** Whether a panelist and an evaluator made the visit together. */
        public boolean complete() {
            return members.stream().anyMatch(m -> m.role() == Role.PANELIST)
                    && members.stream().anyMatch(m -> m.role() == Role.EVALUATOR);
        }
    }

    public boolean shown() {
        return schedule != null || !scores.isEmpty() || !visits.isEmpty() || canSchedule || canScore || canVisit;
    }
}
