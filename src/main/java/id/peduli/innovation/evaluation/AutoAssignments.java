package id.peduli.innovation.evaluation;

import id.peduli.access.Role;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.audit.AuditRecord;
import id.peduli.innovation.Actor;
import id.peduli.innovation.InnovationAudit;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.Periods;
import id.peduli.innovation.proposal.Proposal;
import id.peduli.innovation.proposal.ProposalState;
import id.peduli.innovation.proposal.ProposalView;
import id.peduli.innovation.proposal.Proposals;
import id.peduli.innovation.proposal.StoredProposals;
import id.peduli.innovation.selection.EvaluatorAssignment;
import id.peduli.shared.PageResult;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Automatic assignment of evaluators through {@link EvaluatorAssignment}: the evaluators are every enabled account with
 * the evaluator role, each with the period's cap ({@code period_evaluator.cap}, 225 when not set); the proposals are
 * those that passed the administrative selection and still lack an evaluator. Assignments made by hand stay and count
 * towards caps and loads.
 *
 * <p><b>Conflicts of interest</b>, the same for the automatic run and a manual assignment ({@link #conflict}): the
 * evaluator's agency is the parent of the unit of their evaluator grant (the unit itself at the top of the tree); a
 * proposal of that agency, of a unit below it or of an agency above it is refused, so is one the evaluator declared a
 * conflict with, and, when asked for, one of the same province (the first two digits of the region code; ministries
 * and their units are national and have no province).
 *
 * <p><b>Second evaluator.</b> When a proposal's only evaluator submits a raw total within ±5 of the pass mark, a second
 * evaluator is assigned at once ({@link #secondEvaluator}); the proposal stays open to scoring until the second score
 * is in. When nobody is free, it waits; the secretariat's "assign second evaluators" retries for the whole period, or
 * the secretariat assigns one by hand.
 */
@Service
class AutoAssignments {

    static final int DEFAULT_CAP = 225;
    static final double SECOND_MARGIN = 5;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Users users;
    private final ConflictsOfInterest conflicts;
    private final StoredProposals store;
    private final Proposals proposals;
    private final Periods periods;
    private final InnovationAudit audit;
    private final Clock clock;

    AutoAssignments(
            JdbcClient jdbc,
            JdbcTemplate template,
            Users users,
            ConflictsOfInterest conflicts,
            StoredProposals store,
            Proposals proposals,
            Periods periods,
            InnovationAudit audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.users = users;
        this.conflicts = conflicts;
        this.store = store;
        this.proposals = proposals;
        this.periods = periods;
        this.audit = audit;
        this.clock = clock;
    }

    /** The period's evaluators with their loads and the proposals waiting for an evaluator. */
    AssignmentOverview overview(long periodId) {
        periods.get(periodId);
        return overview(periodId, 0, List.of());
    }

    private AssignmentOverview overview(long periodId, int assigned, List<EvaluatorAssignment.Unassigned> shortfalls) {
        List<AssignmentOverview.Shortfall> unassigned = shortfalls.stream()
                .map(u -> new AssignmentOverview.Shortfall(
                        u.proposalId(), u.reason().name(), u.missing()))
                .toList();
        Map<Long, Integer> loads = loads(periodId);
        Map<Long, Integer> caps = caps(periodId);
        List<AssignmentOverview.EvaluatorLoad> evaluators = new ArrayList<>();
        for (UserView u : evaluatorAccounts()) {
            evaluators.add(new AssignmentOverview.EvaluatorLoad(
                    u.id(),
                    u.username(),
                    u.fullName(),
                    loads.getOrDefault(u.id(), 0),
                    caps.getOrDefault(u.id(), DEFAULT_CAP)));
        }
        List<AssignmentOverview.Waiting> waiting = jdbc.sql("""
                        select p.id, i.title, exists (select 1 from innovation.evaluator_assignment a
                            where a.proposal_id = p.id)
                        from innovation.proposal p join innovation.innovation i on i.id = p.innovation_id
                        where p.period_id = ? and p.state in ('ADMIN_PASSED', 'ASSIGNED')
                            and not exists (select 1 from innovation.evaluator_assignment a
                                where a.proposal_id = p.id and a.submitted_at is null)
                        order by p.id limit 500
                        """)
                .param(periodId)
                .query((rs, n) -> new AssignmentOverview.Waiting(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                .list();
        return new AssignmentOverview(periodId, assigned, evaluators, waiting, unassigned);
    }

    /**
     * Gives every passed proposal of the period without an evaluator one evaluator: balanced, within caps and free of
     * conflicts. Proposals that cannot get one are listed with the reason.
     */
    @Transactional
    AssignmentOverview run(long periodId, boolean avoidSameProvince) {
        periods.get(periodId);
        Actor secretariat = proposals.actor(Role.SECRETARIAT);
        Pool pool = pool(periodId);
        EvaluatorAssignment.Options options =
                EvaluatorAssignment.Options.defaults().withAvoidSameProvince(avoidSameProvince);
        EvaluatorAssignment.Result result =
                EvaluatorAssignment.assign(pool.proposals(), pool.evaluators(), options, pool.existing(options));
        List<EvaluatorAssignment.Unassigned> unassigned = result.unassigned().stream()
                .filter(u -> pool.waiting().contains(u.proposalId()))
                .toList();
        insert(result.assignments(), false, secretariat);
        moveToAssigned(result.assignments(), secretariat);
        audit.record(AuditRecord.of(InnovationAudit.ASSIGN, "Period", periodId)
                .change("assigned", null, result.assignments().size())
                .change("unassigned", null, unassigned.size()));
        return overview(periodId, result.assignments().size(), unassigned);
    }

    /**
     * Gives a second evaluator to every proposal of the period whose only evaluator submitted a raw total within ±5 of
     * the pass mark; with {@code avoidSameProvince}, never one of the proposal's province.
     */
    @Transactional
    AssignmentOverview secondEvaluators(long periodId, boolean avoidSameProvince) {
        Period period = periods.get(periodId);
        Actor secretariat = proposals.actor(Role.SECRETARIAT);
        EvaluatorAssignment.Result result = second(period, null, secretariat, avoidSameProvince);
        audit.record(AuditRecord.of(InnovationAudit.ASSIGN, "Period", periodId)
                .change("secondEvaluators", null, result.assignments().size()));
        return overview(periodId, result.assignments().size(), result.unassigned());
    }

    /**
     * A second evaluator for one proposal whose single score was just submitted, when that score lies within ±5 of the
     * pass mark. Returns whether the proposal needs one (then it stays open to scoring, with or without a second
     * evaluator found).
     */
    @Transactional
    boolean secondEvaluator(long proposalId, BigDecimal firstTotal, Actor actor) {
        ProposalView p = proposals.view(proposalId);
        Period period = periods.get(p.periodId());
        if (!needsSecond(period, firstTotal)) {
            return false;
        }
        long evaluators = jdbc.sql("select count(*) from innovation.evaluator_assignment where proposal_id = ?")
                .param(proposalId)
                .query(Long.class)
                .single();
        if (evaluators != 1) {
            return false;
        }
        EvaluatorAssignment.Result result = second(period, proposalId, actor, false);
        audit.record(AuditRecord.of(InnovationAudit.ASSIGN, "Proposal", proposalId)
                .unit(p.unitId())
                .change("secondEvaluator", null, !result.assignments().isEmpty()));
        return true;
    }

    static boolean needsSecond(Period period, BigDecimal firstTotal) {
        return firstTotal != null && Math.abs(firstTotal.doubleValue() - period.passMark()) <= SECOND_MARGIN;
    }

    private EvaluatorAssignment.Result second(
            Period period, Long onlyProposal, Actor actor, boolean avoidSameProvince) {
        Pool pool = pool(period.id());
        Map<Long, Double> firstScores = new HashMap<>();
        jdbc.sql("""
                        select a.proposal_id, min(a.total) from innovation.evaluator_assignment a
                        join innovation.proposal p on p.id = a.proposal_id
                        where p.period_id = ? and p.state = 'ASSIGNED'
                        group by a.proposal_id
                        having count(*) = 1 and count(a.submitted_at) = 1
                        """).param(period.id()).query(rs -> {
            long id = rs.getLong(1);
            if (onlyProposal == null || onlyProposal == id) {
                firstScores.put(id, rs.getBigDecimal(2).doubleValue());
            }
        });
        EvaluatorAssignment.Options options =
                new EvaluatorAssignment.Options(1, avoidSameProvince, period.passMark(), SECOND_MARGIN);
        EvaluatorAssignment.Result result = EvaluatorAssignment.secondEvaluators(
                pool.proposals(), pool.evaluators(), pool.existing(options), firstScores, options);
        insert(result.assignments(), true, actor);
        return result;
    }

    /**
     * The conflict of interest between an evaluator and a proposal, the same rule as the automatic run (declared
     * conflicts included; the province only when asked for).
     */
    Optional<EvaluatorAssignment.Conflict> conflict(UserView evaluator, long proposalId, long unitId) {
        return conflicts.of(evaluator, Role.EVALUATOR, proposalId, unitId);
    }

    // ----------------------------------------------------------------------------------------------- machinery

    private record Pool(
            List<EvaluatorAssignment.Proposal> proposals,
            List<EvaluatorAssignment.Evaluator> evaluators,
            List<EvaluatorAssignment.Assignment> current,
            Set<Long> waiting) {

        /**
         * The assignments already made that the algorithm accepts as given: none with a conflict, but one of the
         * proposal's province made before the province was avoided stays and counts towards loads.
         */
        List<EvaluatorAssignment.Assignment> existing(EvaluatorAssignment.Options options) {
            Map<Long, EvaluatorAssignment.Proposal> byId = new HashMap<>();
            proposals.forEach(p -> byId.put(p.id(), p));
            Map<Long, EvaluatorAssignment.Evaluator> evaluatorsById = new HashMap<>();
            evaluators.forEach(e -> evaluatorsById.put(e.id(), e));
            return current.stream()
                    .filter(a -> byId.containsKey(a.proposalId()) && evaluatorsById.containsKey(a.evaluatorId()))
                    .filter(a -> EvaluatorAssignment.conflict(
                                    byId.get(a.proposalId()),
                                    evaluatorsById.get(a.evaluatorId()),
                                    options.withAvoidSameProvince(false))
                            .isEmpty())
                    .toList();
        }
    }

    /**
     * The proposals of the period that are waiting for an evaluator or hold one (for the loads), every evaluator with
     * cap and declared conflicts, and the assignments made so far.
     */
    private Pool pool(long periodId) {
        ConflictsOfInterest.Units units = conflicts.wholeTree();
        List<EvaluatorAssignment.Proposal> list = new ArrayList<>();
        Set<Long> waiting = new HashSet<>();
        jdbc.sql("""
                        select p.id, p.unit_id, p.grp, p.category_code, p.state from innovation.proposal p
                        where p.period_id = ? and (p.state in ('ADMIN_PASSED', 'ASSIGNED')
                            or exists (select 1 from innovation.evaluator_assignment a where a.proposal_id = p.id))
                        order by p.id
                        """).param(periodId).query(rs -> {
            EvaluatorAssignment.Proposal p = ConflictsOfInterest.proposal(rs.getLong(1), rs.getLong(2), units);
            list.add(new EvaluatorAssignment.Proposal(
                    p.id(), p.agencyId(), p.agencyAncestorIds(), p.provinceCode(), rs.getString(3), rs.getString(4)));
            String state = rs.getString(5);
            if (state.equals("ADMIN_PASSED") || state.equals("ASSIGNED")) {
                waiting.add(rs.getLong(1));
            }
        });
        Map<Long, Set<Long>> declared = new HashMap<>();
        jdbc.sql("""
                        select d.evaluator_id, d.proposal_id from innovation.conflict_declaration d
                        join innovation.proposal p on p.id = d.proposal_id where p.period_id = ?
                        """).param(periodId).query(rs -> {
            declared.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        });
        Map<Long, Integer> caps = caps(periodId);
        List<EvaluatorAssignment.Evaluator> evaluators = new ArrayList<>();
        for (UserView u : evaluatorAccounts()) {
            EvaluatorAssignment.Evaluator e = ConflictsOfInterest.person(
                    u,
                    Role.EVALUATOR,
                    units,
                    caps.getOrDefault(u.id(), DEFAULT_CAP),
                    declared.getOrDefault(u.id(), Set.of()));
            if (e != null) {
                evaluators.add(e);
            }
        }
        List<EvaluatorAssignment.Assignment> current = jdbc.sql("""
                        select a.proposal_id, a.evaluator_id from innovation.evaluator_assignment a
                        join innovation.proposal p on p.id = a.proposal_id where p.period_id = ? order by a.id
                        """)
                .param(periodId)
                .query((rs, n) -> new EvaluatorAssignment.Assignment(rs.getLong(1), rs.getLong(2)))
                .list();
        return new Pool(list, evaluators, current, waiting);
    }

    /** Every enabled account holding the evaluator role, in the order of their names. */
    List<UserView> evaluatorAccounts() {
        List<UserView> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResult<UserView> result = users.search(null, page, 200);
            for (UserView u : result.items()) {
                if (u.enabled() && u.grants().stream().anyMatch(g -> g.role() == Role.EVALUATOR)) {
                    found.add(u);
                }
            }
            if ((long) (page + 1) * result.size() >= result.total()
                    || result.items().isEmpty()) {
                return found;
            }
        }
    }

    Map<Long, Integer> caps(long periodId) {
        Map<Long, Integer> caps = new HashMap<>();
        jdbc.sql("select user_id, cap from innovation.period_evaluator where period_id = ?")
                .param(periodId)
                .query(rs -> {
                    caps.put(rs.getLong(1), rs.getInt(2));
                });
        return caps;
    }

    Map<Long, Integer> loads(long periodId) {
        Map<Long, Integer> loads = new HashMap<>();
        jdbc.sql("""
                        select a.evaluator_id, count(*) from innovation.evaluator_assignment a
                        join innovation.proposal p on p.id = a.proposal_id where p.period_id = ? group by a.evaluator_id
                        """).param(periodId).query(rs -> {
            loads.put(rs.getLong(1), rs.getInt(2));
        });
        return loads;
    }

    private void insert(List<EvaluatorAssignment.Assignment> assignments, boolean second, Actor actor) {
        if (assignments.isEmpty()) {
            return;
        }
        Map<Long, String> names = new HashMap<>();
        for (UserView u : evaluatorAccounts()) {
            names.put(u.id(), u.fullName());
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = assignments.stream()
                .map(a -> new Object[] {
                    a.proposalId(),
                    a.evaluatorId(),
                    names.getOrDefault(a.evaluatorId(), "#" + a.evaluatorId()),
                    second,
                    actor.username(),
                    now
                })
                .toList();
        template.batchUpdate("""
                insert into innovation.evaluator_assignment (proposal_id, evaluator_id, evaluator_name, second_opinion,
                    assigned_by, assigned_at) values (?, ?, ?, ?, ?, ?) on conflict (proposal_id, evaluator_id) do nothing
                """, rows);
    }

    private void moveToAssigned(List<EvaluatorAssignment.Assignment> assignments, Actor actor) {
        Set<Long> done = new HashSet<>();
        for (EvaluatorAssignment.Assignment a : assignments) {
            if (!done.add(a.proposalId())) {
                continue;
            }
            Proposal proposal = store.get(a.proposalId());
            if (proposal.state() == ProposalState.ADMIN_PASSED) {
                proposal.assign(actor, clock.instant());
                store.save(proposal);
            }
        }
    }
}
