package id.peduli.casework;

import org.springframework.stereotype.Component;

/**
 * The case core's scope checks for security expressions, so that an endpoint checks the enrolment of its path before
 * the body is read: {@code @PreAuthorize(CaseworkRoles.READ_EXPRESSION + " and @caseworkScope.read(#id)")}. Each
 * answers true, or "not found" (404, as for a missing id) when the enrolment lies outside the caller's units.
 */
@Component("caseworkScope")
class CaseworkScope {

    private final Enrolments enrolments;
    private final Activities activities;
    private final Referrals referrals;

    CaseworkScope(Enrolments enrolments, Activities activities, Referrals referrals) {
        this.enrolments = enrolments;
        this.activities = activities;
        this.referrals = referrals;
    }

    public boolean activity(long activityId) {
        activities.requireActivity(activityId, CaseworkRoles.READ);
        return true;
    }

    public boolean activityWrite(long activityId) {
        activities.requireActivity(activityId, CaseworkRoles.WRITE);
        return true;
    }

    public boolean referral(long referralId) {
        referrals.require(referralId, CaseworkRoles.WRITE);
        return true;
    }

    public boolean referralRead(long referralId) {
        referrals.require(referralId, CaseworkRoles.READ);
        return true;
    }

    public boolean read(long enrolmentId) {
        enrolments.requireEnrolment(enrolmentId, CaseworkRoles.READ);
        return true;
    }

    public boolean write(long enrolmentId) {
        enrolments.requireEnrolment(enrolmentId, CaseworkRoles.WRITE);
        return true;
    }
}
