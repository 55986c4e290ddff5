package id.peduli.innovation.award;

import id.peduli.access.Access;
import id.peduli.innovation.proposal.StoredProposals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scope before load for a field visit, as the bean {@code innovationVisitScope} in security expressions: a panelist
 * may record one for any proposal; an evaluator only for a proposal assigned to them (they see no other), any other
 * proposal is answered exactly like a missing one.
 */
@Component("innovationVisitScope")
class VisitScope {

    private final Access access;
    private final StoredProposals store;
    private final JdbcClient jdbc;

    VisitScope(Access access, StoredProposals store, JdbcClient jdbc) {
        this.access = access;
        this.store = store;
        this.jdbc = jdbc;
    }

    public boolean proposal(Long id) {
        boolean panelist = access.hasAnyRole("PANELIST");
        if (!panelist && !access.hasAnyRole("EVALUATOR")) {
            return false;
        }
        long proposalId = id == null ? 0 : id;
        if (store.unitOf(proposalId).isEmpty()) {
            throw StoredProposals.notFound(proposalId);
        }
        if (panelist) {
            return true;
        }
        long me = access.currentUser().map(p -> p.userId()).orElse(-1L);
        boolean assigned = jdbc.sql("select count(*) from innovation.evaluator_assignment where proposal_id = ? and "
                                + "evaluator_id = ?")
                        .params(proposalId, me)
                        .query(Long.class)
                        .single()
                > 0;
        if (!assigned) {
            throw StoredProposals.notFound(proposalId);
        }
        return true;
    }

    /** The role the signed-in user records a visit in: panelist when they are one, else evaluator. */
    id.peduli.access.Role role() {
        return access.hasAnyRole("PANELIST") ? id.peduli.access.Role.PANELIST : id.peduli.access.Role.EVALUATOR;
    }
}
