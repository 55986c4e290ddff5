package id.peduli.casework;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditActions;
import java.util.List;
import org.springframework.stereotype.Component;

/** The case core's actions, offered as filters by the audit viewer. */
@Component
class CaseworkAuditActions implements AuditActions {

    static final AuditAction ASSESS = AuditAction.of("ASSESS");
    static final AuditAction PLAN = AuditAction.of("PLAN");
    static final AuditAction ACTIVITY = AuditAction.of("ACTIVITY");
    static final AuditAction REFER = AuditAction.of("REFER");

    @Override
    public List<AuditAction> actions() {
        return List.of(Enrolments.ENROL, Enrolments.TRANSITION, ASSESS, PLAN, ACTIVITY, REFER);
    }
}
