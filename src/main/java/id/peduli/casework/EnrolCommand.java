package id.peduli.casework;

import java.time.LocalDate;

/**
 * Enrol a registry person in a programme at a unit (the programme's owning unit or a unit below it, such as a site),
 * with an optional assigned worker (a user id), the day of intake (today when null) and why.
 */
public record EnrolCommand(
        long personId, String programmeCode, long unitId, Long workerUserId, LocalDate on, String reason) {}
