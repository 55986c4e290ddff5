package id.peduli.workshop;

import java.time.LocalDate;

/**
 * A workshop site as pages and the API show it: the organisation unit with the workshop's profile. {@code
 * pastMentoring} is true once the 24-month mentoring period has ended (its end date lies before today).
 */
public record SiteView(
        long id,
        String name,
        String regionCode,
        long centreId,
        String centreName,
        String mouNumber,
        LocalDate mouDate,
        String costSharingNote,
        LocalDate socialisationOn,
        LocalDate mentorTrainingOn,
        LocalDate launchOn,
        LocalDate mentoringEndsOn,
        LocalDate terminatedOn,
        LocalDate followUpOn,
        String groupName,
        boolean pastMentoring,
        int mentors,
        int version) {}
