package id.peduli.casework;

import java.time.LocalDate;

/**
 * An enrolment as other modules and the API see it. {@code unitId} is where the person is served (a site or the unit
 * itself); {@code enrolledOn} is the day of intake (null while only referred), {@code endedOn} the day of termination
 * (or of closing an enrolment that never started). {@code version} is sent back with a transition (optimistic
 * locking).
 */
public record EnrolmentView(
        long id,
        long personId,
        long programmeId,
        String programmeCode,
        long unitId,
        Long workerUserId,
        Stage stage,
        LocalDate enrolledOn,
        LocalDate endedOn,
        long version) {

    /**
     * True while the person takes part: from intake until termination ({@link Stage#active()}). A referral not yet
     * taken in, a terminated enrolment in follow-up and a closed one are not active.
     */
    public boolean active() {
        return stage.active();
    }

    /**
     * True when the person took part on {@code day}: on or after the day of intake and on or before the day of
     * termination (the day itself counts, so a session on the day someone leaves can still be recorded).
     */
    public boolean activeOn(LocalDate day) {
        return enrolledOn != null && !day.isBefore(enrolledOn) && (endedOn == null || !day.isAfter(endedOn));
    }
}
