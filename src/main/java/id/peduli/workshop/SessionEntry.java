package id.peduli.workshop;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One participant's part of a session, as a mentor's phone sends it: the id the phone made for the entry, the site,
 * the day, the participant (enrolment id), whether they came, and what they made.
 */
@Schema(name = "WorkshopSessionEntry")
public record SessionEntry(
        UUID entryId, Long siteId, LocalDate date, Long participantId, Boolean present, List<Line> lines) {

    public SessionEntry {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A product (by id) or a task (by name) with the quantity made, the minutes worked and the rejects. */
    @Schema(name = "WorkshopSessionLine")
    public record Line(Long productId, String task, Integer quantity, Integer minutes, Integer rejects) {}
}
