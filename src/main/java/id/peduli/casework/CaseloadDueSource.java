package id.peduli.casework;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Contribution: due things a programme module adds to the caseload (a placement follow-up, a home visit). The caseload
 * asks every bean with the enrolments it shows (already limited to the caller's units) and shows, per enrolment, the
 * earliest due thing of all sources and of the case core itself (plan and goal reviews).
 */
@FunctionalInterface
public interface CaseloadDueSource {

    List<DueItem> dueFor(Collection<EnrolmentView> enrolments);

    /**
     * One due thing: the enrolment, the day it is due, the message key of what it is (in the contributing module's
     * messages) and where to do it.
     */
    record DueItem(long enrolmentId, LocalDate due, String labelKey, String href) {}
}
