package id.peduli.casework;

import java.time.LocalDate;

/** One line of a caseload: the enrolment, whom and where, and the next due thing (null when nothing is due). */
public record CaseloadRow(
        EnrolmentView enrolment,
        String personName,
        String programmeName,
        String unitName,
        CaseloadDueSource.DueItem next,
        boolean overdue) {

    public LocalDate due() {
        return next == null ? null : next.due();
    }
}
