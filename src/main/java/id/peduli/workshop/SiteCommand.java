package id.peduli.workshop;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The workshop profile of a site: the regency's MoU, the dates of its phases and its community group. When the launch
 * date is given and the end of the mentoring period is not, it is set 24 months after the launch.
 */
public record SiteCommand(
        @Size(max = 100, message = "{validation.maxLength}") String mouNumber,
        LocalDate mouDate,

        @Size(max = 1000, message = "{validation.maxLength}")
        String costSharingNote,

        LocalDate socialisationOn,
        LocalDate mentorTrainingOn,
        LocalDate launchOn,
        LocalDate mentoringEndsOn,
        LocalDate terminatedOn,
        LocalDate followUpOn,
        @Size(max = 200, message = "{validation.maxLength}") String groupName) {

    static SiteCommand empty() {
        return new SiteCommand(null, null, null, null, null, null, null, null, null, null);
    }

    static SiteCommand of(SiteView site) {
        return new SiteCommand(
                site.mouNumber(),
                site.mouDate(),
                site.costSharingNote(),
                site.socialisationOn(),
                site.mentorTrainingOn(),
                site.launchOn(),
                site.mentoringEndsOn(),
                site.terminatedOn(),
                site.followUpOn(),
                site.groupName());
    }
}
