package id.peduli.innovation.evaluation;

import id.peduli.access.Role;
import id.peduli.access.UserView;
import id.peduli.innovation.selection.EvaluatorAssignment;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.OrgUnitType;
import id.peduli.organization.Organizations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Conflicts of interest of evaluators (S4, S7) and panelists (S6, S7) with a proposal, one rule for all: the person's
 * agency is the parent of the unit of their grant for that role (the unit itself at the top of the tree); a proposal
 * of that agency, of a unit below it or of an agency above it is conflicted, so is one they declared a conflict with
 * (evaluators in {@code conflict_declaration}, panelists in {@code panel_conflict}), and, when asked for, one of the
 * same province (the first two digits of the region code; ministries and their units are national).
 *
 * <p>The organisation tree is read through {@link Units}: a whole run reads it once ({@link #wholeTree()}); a single
 * check reads only the few units it needs, by id, each once ({@link #lookup()}), since a unit's ancestors are in its
 * path.
 */
@Service
public class ConflictsOfInterest {

    private final JdbcClient jdbc;
    private final Organizations organizations;

    ConflictsOfInterest(JdbcClient jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    /**
     * The conflict between {@code user}, taking part as {@code role} (EVALUATOR or PANELIST), and the proposal of unit
     * {@code unitId}, if any. Reads only the units involved and the one declaration.
     */
    public Optional<EvaluatorAssignment.Conflict> of(UserView user, Role role, long proposalId, long unitId) {
        return of(user, role, proposalId, unitId, lookup());
    }

    /** As {@link #of(UserView, Role, long, long)} with the units read through {@code units} (shared by a request). */
    public Optional<EvaluatorAssignment.Conflict> of(
            UserView user, Role role, long proposalId, long unitId, Units units) {
        boolean declared = declared(role, user.id(), proposalId);
        EvaluatorAssignment.Evaluator e =
                person(user, role, units, AutoAssignments.DEFAULT_CAP, declared ? Set.of(proposalId) : Set.of());
        return EvaluatorAssignment.conflict(
                proposal(proposalId, unitId, units), e, EvaluatorAssignment.Options.defaults());
    }

    /** Whether the user declared a conflict with the proposal in {@code role}. */
    public boolean declared(Role role, long userId, long proposalId) {
        String table = role == Role.PANELIST ? "panel_conflict" : "conflict_declaration";
        String column = role == Role.PANELIST ? "panelist_id" : "evaluator_id";
        return jdbc.sql("select count(*) from innovation." + table + " where " + column + " = ? and proposal_id = ?")
                        .params(userId, proposalId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Units read by id on demand, each once: for one check or one request. */
    public Units lookup() {
        Map<Long, Optional<OrgUnit>> cache = new HashMap<>();
        return new Units(id -> cache.computeIfAbsent(id, organizations::find).orElse(null));
    }

    /** The whole tree read at once: for a run over a period. */
    Units wholeTree() {
        Map<Long, OrgUnit> all = new HashMap<>();
        organizations.tree().forEach(u -> all.put(u.id(), u));
        return new Units(all::get);
    }

    /** Organisation units by id, read as {@link ConflictsOfInterest#lookup()} or {@link #wholeTree()} decide. */
    public static final class Units {

        private final LongFunction<OrgUnit> source;

        Units(LongFunction<OrgUnit> source) {
            this.source = source;
        }

        OrgUnit get(long id) {
            return source.apply(id);
        }

        /** The units above {@code unitId}, parent first, taken from its path. */
        List<Long> ancestors(long unitId) {
            OrgUnit unit = get(unitId);
            List<Long> up = new ArrayList<>();
            if (unit == null || unit.path() == null) {
                return up;
            }
            String[] ids = unit.path().split("/");
            for (int i = ids.length - 1; i >= 0; i--) {
                if (!ids[i].isEmpty() && Long.parseLong(ids[i]) != unitId) {
                    up.add(Long.parseLong(ids[i]));
                }
            }
            return up;
        }

        /** The two-digit province of a unit's region code; none for a ministry and the units under it. */
        String province(long unitId) {
            OrgUnit unit = get(unitId);
            if (unit == null) {
                return null;
            }
            List<Long> up = ancestors(unitId);
            OrgUnit top = up.isEmpty() ? unit : get(up.get(up.size() - 1));
            if (top != null && top.type() == OrgUnitType.MINISTRY) {
                return null;
            }
            String region = unit.regionCode();
            return region == null || region.length() < 2 ? null : region.substring(0, 2);
        }
    }

    static EvaluatorAssignment.Proposal proposal(long id, long unitId, Units units) {
        return new EvaluatorAssignment.Proposal(
                id, unitId, units.ancestors(unitId), units.province(unitId), null, null);
    }

    /**
     * The person as the algorithm sees them: the agency of their grant for {@code role}; without a unit grant they
     * belong to no agency and only declared conflicts apply.
     */
    static EvaluatorAssignment.Evaluator person(UserView user, Role role, Units units, int cap, Set<Long> declared) {
        Long grantUnit = user.grants().stream()
                .filter(g -> g.role() == role && g.unitId() != null)
                .map(UserView.GrantView::unitId)
                .findFirst()
                .orElse(null);
        OrgUnit unit = grantUnit == null ? null : units.get(grantUnit);
        if (unit == null) {
            return new EvaluatorAssignment.Evaluator(user.id(), -user.id(), List.of(), null, cap, declared);
        }
        long agency = unit.parentId() == null ? unit.id() : unit.parentId();
        return new EvaluatorAssignment.Evaluator(
                user.id(), agency, units.ancestors(agency), units.province(agency), cap, new HashSet<>(declared));
    }
}
