package id.peduli.audit;

import java.util.List;

/**
 * Contribution: the audit actions a module declares beyond the general ones of {@link AuditAction}, so that the audit
 * viewer offers them as a filter. A module publishes one bean, for example {@code AuditActions enrolmentActions() {
 * return () -> List.of(ENROL, LEAVE); }}, and adds {@code audit.action.ENROL} to its messages.
 */
@FunctionalInterface
public interface AuditActions {

    List<AuditAction> actions();
}
