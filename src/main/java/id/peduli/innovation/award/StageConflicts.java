package id.peduli.innovation.award;

import id.peduli.access.Access;
import id.peduli.access.Role;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.audit.AuditRecord;
import id.peduli.innovation.InnovationAudit;
import id.peduli.innovation.evaluation.ConflictsOfInterest;
import id.peduli.innovation.proposal.Proposal;
import id.peduli.innovation.proposal.StoredProposals;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conflicts of interest at S6 and S7: a panelist or evaluator of the proposal's own agency, of an agency above or
 * below it, or who declared a conflict with it, neither scores its presentation nor takes part in its field visit.
 * The rule is the assignment's ({@link ConflictsOfInterest}); panelists declare their conflicts here.
 */
@Service
class StageConflicts {

    private final ConflictsOfInterest conflicts;
    private final Users users;
    private final Access access;
    private final StoredProposals store;
    private final InnovationAudit audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    StageConflicts(
            ConflictsOfInterest conflicts,
            Users users,
            Access access,
            StoredProposals store,
            InnovationAudit audit,
            JdbcClient jdbc,
            Clock clock) {
        this.conflicts = conflicts;
        this.users = users;
        this.access = access;
        this.store = store;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether {@code user}, taking part as {@code role}, has a conflict with the proposal of unit {@code unitId}. */
    boolean conflicted(UserView user, Role role, long proposalId, long unitId, ConflictsOfInterest.Units units) {
        return conflicts.of(user, role, proposalId, unitId, units).isPresent();
    }

    /** Whether the signed-in user, as {@code role}, has a conflict with the proposal. */
    boolean currentConflicted(Role role, long proposalId, long unitId) {
        Long me = access.currentUser().map(PeduliPrincipal::userId).orElse(null);
        if (me == null) {
            return false;
        }
        return users.find(me)
                .map(u -> conflicted(u, role, proposalId, unitId, conflicts.lookup()))
                .orElse(false);
    }

    /** Whether the signed-in panelist declared a conflict with the proposal. */
    boolean declaredByPanelist(long proposalId) {
        return access.currentUser()
                .map(p -> conflicts.declared(Role.PANELIST, p.userId(), proposalId))
                .orElse(false);
    }

    /** The signed-in panelist declares a conflict of interest with the proposal, with a reason. */
    @Transactional
    void declare(long proposalId, String reason) {
        Proposal proposal = store.get(proposalId);
        long me = access.currentUser().map(PeduliPrincipal::userId).orElseThrow();
        String text = reason == null ? "" : reason.strip();
        try {
            if (text.isEmpty() || text.length() > 500) {
                throw BusinessException.invalid("reason", "innovation.conflict.reasonRequired");
            }
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.CONFLICT, "Proposal", proposalId, proposal.unitId(), e);
            throw e;
        }
        jdbc.sql(
                        "insert into innovation.panel_conflict (proposal_id, panelist_id, reason, declared_at) values (?, ?, ?, "
                                + "?) on conflict do nothing")
                .params(proposalId, me, text, Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditRecord.of(InnovationAudit.CONFLICT, "Proposal", proposalId)
                .unit(proposal.unitId())
                .change("panelist", null, true));
    }
}
