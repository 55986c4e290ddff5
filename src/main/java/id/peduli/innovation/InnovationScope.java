package id.peduli.innovation;

import id.peduli.access.Access;
import id.peduli.innovation.proposal.StoredProposals;
import id.peduli.shared.BusinessException;
import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scope before load for the competition's objects, as the bean {@code innovationScope} in security expressions. Only
 * the proposal's unit (or the assignment's evaluator) is read before the decision; a caller with a listed role but
 * without the object in scope is told it does not exist, exactly as for a missing id.
 */
@Component("innovationScope")
class InnovationScope {

    private final Access access;
    private final StoredProposals store;
    private final JdbcClient jdbc;

    InnovationScope(Access access, StoredProposals store, JdbcClient jdbc) {
        this.access = access;
        this.store = store;
        this.jdbc = jdbc;
    }

    /**
     * Proposal {@code id} for a holder of one of {@code unitRoles} (comma-separated) for the proposal's unit, or of one
     * of {@code competitionRoles} for any unit.
     */
    public boolean proposal(Long id, String unitRoles, String competitionRoles) {
        String[] unit = split(unitRoles);
        String[] wide = split(competitionRoles);
        boolean competition = wide.length > 0 && access.hasAnyRole(wide);
        boolean unitHolder = unit.length > 0 && access.hasAnyRole(unit);
        if (!competition && !unitHolder) {
            return false;
        }
        Long unitId = id == null ? null : store.unitOf(id).orElse(null);
        if (unitId == null) {
            throw StoredProposals.notFound(id == null ? 0 : id);
        }
        if (competition || access.covers(unitId, unit)) {
            return true;
        }
        throw StoredProposals.notFound(id);
    }

    /** Assignment {@code id} for the evaluator it is assigned to; any other evaluator is told it does not exist. */
    public boolean assignment(Long id) {
        if (!access.hasAnyRole(InnovationRoles.EVALUATE)) {
            return false;
        }
        Long evaluator = id == null
                ? null
                : jdbc.sql("select evaluator_id from innovation.evaluator_assignment where id = ?")
                        .param(id)
                        .query(Long.class)
                        .optional()
                        .orElse(null);
        long me = access.currentUser().map(p -> p.userId()).orElse(-1L);
        if (evaluator == null || evaluator != me) {
            throw BusinessException.notFound("innovation.assignment.notFound", id);
        }
        return true;
    }

    private static String[] split(String roles) {
        return roles == null || roles.isBlank()
                ? new String[0]
                : Arrays.stream(roles.split(",")).map(String::trim).toArray(String[]::new);
    }
}
