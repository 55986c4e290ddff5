package id.peduli.casework;

import java.time.LocalDate;
import java.util.List;

/** A service activity at a unit: what, when, how long, by whom, for which ATENSI component, and who attended. */
public record ActivityView(
        long id,
        long unitId,
        String type,
        LocalDate heldOn,
        int durationMinutes,
        String staff,
        RehabComponent component,
        String notes,
        List<Participant> participants,
        List<Attachment> attachments) {

    public record Participant(long enrolmentId, long personId, boolean attended) {}

    public record Attachment(long id, String fileName, String contentType, int size) {}
}
