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

    CaseworkScope(Enrolments enrolments) {
        this.enrolments = enrolments;
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
