package id.peduli.innovation;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditActions;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.innovation.period.Periods;
import id.peduli.shared.BusinessException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The competition's audit actions, and the record of refused attempts: a refusal rolls back the action's transaction,
 * so it is written in a transaction of its own, with the message key of the refusal and nothing of the content sent.
 */
@Component
public class InnovationAudit implements AuditActions {

    public static final AuditAction REGISTER = AuditAction.of("INNOVATION_REGISTER");
    public static final AuditAction DRAFT = AuditAction.of("PROPOSAL_DRAFT");
    public static final AuditAction SEND = AuditAction.of("PROPOSAL_SEND");
    public static final AuditAction RETURN = AuditAction.of("PROPOSAL_RETURN");
    public static final AuditAction SUBMIT = AuditAction.of("PROPOSAL_SUBMIT");
    public static final AuditAction WITHDRAW = AuditAction.of("PROPOSAL_WITHDRAW");
    public static final AuditAction SCREEN = AuditAction.of("PROPOSAL_SCREEN");
    public static final AuditAction ANNOUNCE = AuditAction.of("ANNOUNCE");
    public static final AuditAction ASSIGN = AuditAction.of("EVALUATOR_ASSIGN");
    public static final AuditAction CONFLICT = AuditAction.of("CONFLICT_DECLARE");
    public static final AuditAction SCORE = AuditAction.of("PROPOSAL_SCORE");
    public static final AuditAction SHORTLIST = AuditAction.of("TOP99_PROPOSE");
    public static final AuditAction OBJECTION = AuditAction.of("OBJECTION");
    public static final AuditAction DECREE = AuditAction.of("DECREE");
    public static final AuditAction AWARD = AuditAction.of("AWARD");
    public static final AuditAction ATTACH = AuditAction.of("ATTACHMENT");
    public static final AuditAction REPLICATION = AuditAction.of("REPLICATION_FOLLOW_UP");
    static final AuditAction REFUSED = AuditAction.of("INNOVATION_REFUSED");

    private final AuditLog audit;

    InnovationAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public List<AuditAction> actions() {
        return List.of(
                Periods.SETUP,
                REGISTER,
                DRAFT,
                SEND,
                RETURN,
                SUBMIT,
                WITHDRAW,
                SCREEN,
                ANNOUNCE,
                ASSIGN,
                CONFLICT,
                SCORE,
                SHORTLIST,
                OBJECTION,
                DECREE,
                AWARD,
                ATTACH,
                REFUSED,
                REPLICATION);
    }

    public void record(AuditRecord record) {
        audit.record(record);
    }

    /** Writes that {@code attempted} on {@code subject} was refused, and why (the message key only). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(AuditAction attempted, String subjectType, Object subjectId, Long unitId, BusinessException e) {
        audit.record(AuditRecord.of(REFUSED, subjectType, subjectId)
                .unit(unitId)
                .change("attempted", null, attempted.code())
                .change("refusal", null, e.messageKey()));
    }
}
