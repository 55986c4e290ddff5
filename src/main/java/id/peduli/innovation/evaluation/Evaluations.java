package id.peduli.innovation.evaluation;

import id.peduli.access.Role;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.audit.AuditRecord;
import id.peduli.innovation.InnovationAudit;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.Periods;
import id.peduli.innovation.proposal.Proposal;
import id.peduli.innovation.proposal.ProposalState;
import id.peduli.innovation.proposal.ProposalView;
import id.peduli.innovation.proposal.Proposals;
import id.peduli.innovation.proposal.StoredProposals;
import id.peduli.shared.BusinessException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * S4 assessment: evaluators assigned by hand (automatic assignment: {@link AutoAssignments}), conflicts of interest,
 * scores aspect by aspect on the period's scale, and the normalised scores of the period ({@link PeriodScores}).
 */
@Service
public class Evaluations {

    private static final String COLUMNS = """
            a.id, a.proposal_id, i.title, p.state, a.evaluator_id, a.evaluator_name, a.second_opinion, a.assigned_at,
            a.submitted_at, a.total
            from innovation.evaluator_assignment a join innovation.proposal p on p.id = a.proposal_id
            join innovation.innovation i on i.id = p.innovation_id
            """;

    private final JdbcClient jdbc;
    private final Users users;
    private final StoredProposals store;
    private final Proposals proposals;
    private final Periods periods;
    private final InnovationAudit audit;
    private final Clock clock;
    private final PeriodScores periodScores;
    private final AutoAssignments autoAssignments;

    Evaluations(
            JdbcClient jdbc,
            Users users,
            StoredProposals store,
            Proposals proposals,
            Periods periods,
            InnovationAudit audit,
            Clock clock,
            PeriodScores periodScores,
            AutoAssignments autoAssignments) {
        this.periodScores = periodScores;
        this.autoAssignments = autoAssignments;
        this.jdbc = jdbc;
        this.users = users;
        this.store = store;
        this.proposals = proposals;
        this.periods = periods;
        this.audit = audit;
        this.clock = clock;
    }

    public List<AssignmentView> assignedTo(long evaluatorId) {
        return jdbc.sql("select " + COLUMNS + " where a.evaluator_id = ? order by a.submitted_at nulls first, a.id")
                .param(evaluatorId)
                .query((rs, n) -> map(rs))
                .list();
    }

    public List<AssignmentView> ofProposal(long proposalId) {
        return jdbc.sql("select " + COLUMNS + " where a.proposal_id = ? order by a.id")
                .param(proposalId)
                .query((rs, n) -> map(rs))
                .list();
    }

    AssignmentView get(long assignmentId) {
        return jdbc.sql("select " + COLUMNS + " where a.id = ?")
                .param(assignmentId)
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> BusinessException.notFound("innovation.assignment.notFound", assignmentId));
    }

    /**
     * Assigns the evaluator {@code username} to a proposal that passed the administrative selection. Refused for an
     * account without the evaluator role, a conflict of interest (the proposal's unit lies in the evaluator's agency or
     * its parent, or the evaluator declared one), an evaluator at the cap, or a proposal not awaiting assessment.
     */
    @Transactional
    public AssignmentView assign(long proposalId, String username, boolean secondOpinion) {
        Proposal proposal = store.get(proposalId);
        long id;
        try {
            if (proposal.state() != ProposalState.ADMIN_PASSED && proposal.state() != ProposalState.ASSIGNED) {
                throw BusinessException.conflict(null, "innovation.assignment.notAwaiting");
            }
            UserView evaluator = users.findByUsername(username == null ? "" : username.strip())
                    .filter(u -> u.enabled() && u.grants().stream().anyMatch(g -> g.role() == Role.EVALUATOR))
                    .orElseThrow(() -> BusinessException.invalid("username", "innovation.assignment.noEvaluator"));
            if (conflicted(evaluator, proposalId, proposal.unitId())) {
                throw BusinessException.conflict("username", "innovation.assignment.conflict");
            }
            long load = jdbc.sql("select count(*) from innovation.evaluator_assignment a join innovation.proposal p "
                            + "on p.id = a.proposal_id where a.evaluator_id = ? and p.period_id = ?")
                    .params(evaluator.id(), proposal.periodId())
                    .query(Long.class)
                    .single();
            int cap = jdbc.sql("select cap from innovation.period_evaluator where period_id = ? and user_id = ?")
                    .params(proposal.periodId(), evaluator.id())
                    .query(Integer.class)
                    .optional()
                    .orElse(225);
            if (load >= cap) {
                throw BusinessException.conflict("username", "innovation.assignment.capReached", cap);
            }
            id = jdbc.sql("""
                            insert into innovation.evaluator_assignment (proposal_id, evaluator_id, evaluator_name,
                                second_opinion, assigned_by, assigned_at)
                            values (?, ?, ?, ?, ?, ?) on conflict (proposal_id, evaluator_id) do nothing
                            returning id
                            """)
                    .params(
                            proposalId,
                            evaluator.id(),
                            evaluator.fullName(),
                            secondOpinion,
                            proposals.actor(Role.SECRETARIAT).username(),
                            Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> BusinessException.conflict("username", "innovation.assignment.already"));
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.ASSIGN, "Proposal", proposalId, proposal.unitId(), e);
            throw e;
        }
        if (proposal.state() == ProposalState.ADMIN_PASSED) {
            proposal.assign(proposals.actor(Role.SECRETARIAT), clock.instant());
            store.save(proposal);
        }
        audit.record(AuditRecord.of(InnovationAudit.ASSIGN, "Proposal", proposalId)
                .unit(proposal.unitId())
                .change("evaluator", null, username.strip()));
        return get(id);
    }

    /**
     * Whether the evaluator may not score a proposal of {@code unitId}: own agency, one above or below it, or declared;
     * the same rule as the automatic assignment ({@link AutoAssignments#conflict}).
     */
    boolean conflicted(UserView evaluator, long proposalId, long unitId) {
        return autoAssignments.conflict(evaluator, proposalId, unitId).isPresent();
    }

    /**
     * The evaluator declares a conflict of interest with a reason. An assignment not yet submitted is withdrawn, so
     * that the next automatic run (or the secretariat by hand) gives the proposal another evaluator; the declaration
     * keeps the evaluator away from the proposal for good.
     */
    @Transactional
    public void declareConflict(long assignmentId, String reason) {
        AssignmentView a = get(assignmentId);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw BusinessException.invalid("reason", "innovation.conflict.reasonRequired");
        }
        jdbc.sql("insert into innovation.conflict_declaration (proposal_id, evaluator_id, reason) values (?, ?, ?) "
                        + "on conflict do nothing")
                .params(a.proposalId(), a.evaluatorId(), reason.strip())
                .update();
        jdbc.sql("delete from innovation.evaluator_assignment where id = ? and submitted_at is null")
                .param(assignmentId)
                .update();
        audit.record(AuditRecord.of(InnovationAudit.CONFLICT, "Proposal", a.proposalId())
                .unit(store.unitOf(a.proposalId()).orElse(null)));
    }

    /** Withdraws an assignment not yet scored, while the proposal is being assessed (secretariat). */
    @Transactional
    void unassign(long assignmentId) {
        AssignmentView a = get(assignmentId);
        long unit = store.unitOf(a.proposalId()).orElse(0L);
        try {
            if (a.submittedAt() != null || a.proposalState() != ProposalState.ASSIGNED) {
                throw BusinessException.conflict(null, "innovation.assignment.notWithdrawable");
            }
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.ASSIGN, "Proposal", a.proposalId(), unit, e);
            throw e;
        }
        jdbc.sql("delete from innovation.evaluator_assignment where id = ?")
                .param(assignmentId)
                .update();
        audit.record(AuditRecord.of(InnovationAudit.ASSIGN, "Proposal", a.proposalId())
                .unit(unit)
                .change("evaluator", a.evaluatorId(), null));
    }

    public ScoreSheet sheet(long assignmentId) {
        AssignmentView a = get(assignmentId);
        ProposalView p = proposals.view(a.proposalId());
        Period period = periods.get(p.periodId());
        Map<String, Integer> scores = new LinkedHashMap<>();
        Map<String, String> comments = new HashMap<>();
        jdbc.sql("select aspect_code, score, comment from innovation.score where assignment_id = ?")
                .param(assignmentId)
                .query(rs -> {
                    scores.put(rs.getString(1), rs.getInt(2));
                    comments.put(rs.getString(1), rs.getString(3));
                });
        boolean open = !period.assessmentClosed() && p.state() == ProposalState.ASSIGNED;
        return new ScoreSheet(
                a, p, period.aspectsFor(p.group()), store.answers(p.id()), scores, comments, period.scaleMax(), open);
    }

    /**
     * Saves the evaluator's scores (1 to the period's scale) and comments. With every aspect scored the assignment is
     * submitted and the period's normalised scores are recomputed ({@link PeriodScores#recompute}). When every evaluator
     * of the proposal has submitted, the proposal moves to {@code SCORED}, unless its only score lies within ±5 of the
     * pass mark: then it gets a second evaluator first ({@link AutoAssignments#secondEvaluator}).
     */
    @Transactional
    public ScoreSheet score(long assignmentId, Map<String, Integer> scores, Map<String, String> comments) {
        AssignmentView a = get(assignmentId);
        ProposalView p = proposals.view(a.proposalId());
        Period period = periods.get(p.periodId());
        List<Period.Aspect> aspects = period.aspectsFor(p.group());
        try {
            if (period.assessmentClosed() || p.state() != ProposalState.ASSIGNED) {
                throw BusinessException.conflict(null, "innovation.score.closed");
            }
            UserView me = users.get(a.evaluatorId());
            if (conflicted(me, p.id(), p.unitId())) {
                throw BusinessException.conflict(null, "innovation.score.conflicted");
            }
            for (Map.Entry<String, Integer> e : scores.entrySet()) {
                if (aspects.stream().noneMatch(x -> x.code().equals(e.getKey()))) {
                    throw BusinessException.invalid("score", "innovation.answer.unknownAspect");
                }
                if (e.getValue() != null && (e.getValue() < 1 || e.getValue() > period.scaleMax())) {
                    throw BusinessException.invalid(
                            "score_" + e.getKey(), "innovation.score.outOfScale", 1, period.scaleMax());
                }
            }
            for (String comment : comments.values()) {
                if (comment != null && comment.length() > 2000) {
                    throw BusinessException.invalid("comment", "innovation.form.tooLong", 2000);
                }
            }
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.SCORE, "Proposal", p.id(), p.unitId(), e);
            throw e;
        }
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            String comment = comments.getOrDefault(e.getKey(), "");
            jdbc.sql("""
                            insert into innovation.score (assignment_id, aspect_code, score, comment) values (?, ?, ?, ?)
                            on conflict (assignment_id, aspect_code) do update set score = excluded.score,
                                comment = excluded.comment
                            """)
                    .params(assignmentId, e.getKey(), e.getValue(), comment == null ? "" : comment.strip())
                    .update();
        }
        Map<String, Integer> saved = new HashMap<>();
        jdbc.sql("select aspect_code, score from innovation.score where assignment_id = ?")
                .param(assignmentId)
                .query(rs -> {
                    saved.put(rs.getString(1), rs.getInt(2));
                });
        boolean complete = aspects.stream().allMatch(x -> saved.containsKey(x.code()));
        if (complete) {
            BigDecimal total = weightedTotal(aspects, saved, period.scaleMax());
            jdbc.sql("update innovation.evaluator_assignment set total = ?, submitted_at = coalesce(submitted_at, ?) "
                            + "where id = ?")
                    .params(total, Timestamp.from(clock.instant()), assignmentId)
                    .update();
            audit.record(AuditRecord.of(InnovationAudit.SCORE, "Proposal", p.id())
                    .unit(p.unitId())
                    .change("total", null, total));
            long open = jdbc.sql("select count(*) from innovation.evaluator_assignment where proposal_id = ? and "
                            + "submitted_at is null")
                    .param(p.id())
                    .query(Long.class)
                    .single();
            if (open == 0 && !autoAssignments.secondEvaluator(p.id(), total, proposals.actor(Role.EVALUATOR))) {
                Proposal proposal = store.get(p.id());
                proposal.completeScoring(proposals.actor(Role.EVALUATOR), clock.instant());
                store.save(proposal);
            }
            periodScores.recompute(p.periodId());
        }
        return sheet(assignmentId);
    }

    /** The weighted score on 0 to 100: sum of weight × score over the sum of weights, scaled from the rubric's scale. */
    public static BigDecimal weightedTotal(List<Period.Aspect> aspects, Map<String, Integer> scores, int scaleMax) {
        double weights = 0;
        double sum = 0;
        for (Period.Aspect a : aspects) {
            weights += a.weight();
            sum += a.weight() * scores.getOrDefault(a.code(), 0);
        }
        double value = weights == 0 ? 0 : sum / weights * 100.0 / scaleMax;
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static AssignmentView map(ResultSet rs) throws SQLException {
        Timestamp submitted = rs.getTimestamp(9);
        return new AssignmentView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                ProposalState.valueOf(rs.getString(4)),
                rs.getLong(5),
                rs.getString(6),
                rs.getBoolean(7),
                rs.getTimestamp(8).toInstant(),
                submitted == null ? null : submitted.toInstant(),
                rs.getBigDecimal(10));
    }
}
