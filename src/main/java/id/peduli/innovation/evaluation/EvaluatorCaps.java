package id.peduli.innovation.evaluation;

import id.peduli.access.UserView;
import id.peduli.audit.AuditRecord;
import id.peduli.innovation.InnovationAudit;
import id.peduli.innovation.period.Periods;
import id.peduli.shared.BusinessException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each evaluator's cap for a period ({@code innovation.period_evaluator.cap}, {@value AutoAssignments#DEFAULT_CAP}
 * when not set), set by the secretariat. A cap is at least 1 and at most 10,000, never below the number of proposals
 * the evaluator already holds in the period, and an edit names the version it was made on: a cap changed meanwhile by
 * someone else is refused rather than overwritten.
 */
@Service
class EvaluatorCaps {

    static final int MAX_CAP = 10_000;

    private final JdbcClient jdbc;
    private final Periods periods;
    private final AutoAssignments assignments;
    private final InnovationAudit audit;

    EvaluatorCaps(JdbcClient jdbc, Periods periods, AutoAssignments assignments, InnovationAudit audit) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.assignments = assignments;
        this.audit = audit;
    }

    /** Every enabled evaluator account with their load and cap in the period, by name. */
    List<EvaluatorCap> list(long periodId) {
        periods.get(periodId);
        Map<Long, Integer> loads = assignments.loads(periodId);
        Map<Long, int[]> caps = stored(periodId);
        return assignments.evaluatorAccounts().stream()
                .map(u -> cap(u, loads, caps))
                .toList();
    }

    /** One evaluator of the period; an account that is not an enabled evaluator is not found. */
    EvaluatorCap get(long periodId, long userId) {
        periods.get(periodId);
        UserView user = evaluator(userId);
        return cap(user, assignments.loads(periodId), stored(periodId));
    }

    /**
     * Sets the evaluator's cap for the period. Refused when the cap is missing or outside 1–10,000, when it is below
     * the proposals they already hold (the message says how many), or when {@code version} is not the current one.
     */
    @Transactional
    EvaluatorCap set(long periodId, long userId, Integer cap, Integer version) {
        EvaluatorCap current = get(periodId, userId);
        try {
            if (cap == null || cap < 1 || cap > MAX_CAP) {
                throw BusinessException.invalid("cap", "innovation.cap.range", MAX_CAP);
            }
            if (version == null) {
                throw BusinessException.invalid("version", "validation.required");
            }
            if (cap < current.load()) {
                throw BusinessException.conflict("cap", "innovation.cap.belowLoad", current.load());
            }
            int changed = current.set()
                    ? jdbc.sql("update innovation.period_evaluator set cap = ?, version = version + 1 where "
                                    + "period_id = ? and user_id = ? and version = ?")
                            .params(cap, periodId, userId, version)
                            .update()
                    : version != 0
                            ? 0
                            : jdbc.sql("""
                                            insert into innovation.period_evaluator (period_id, user_id, username,
                                                full_name, cap, version)
                                            values (?, ?, ?, ?, ?, 1) on conflict do nothing
                                            """)
                                    .params(periodId, userId, current.username(), current.fullName(), cap)
                                    .update();
            if (changed == 0) {
                throw BusinessException.conflict("version", "error.staleVersion");
            }
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.ASSIGN, "Period", periodId, null, e);
            throw e;
        }
        audit.record(AuditRecord.of(InnovationAudit.ASSIGN, "Period", periodId)
                .change("evaluatorId", null, userId)
                .change("cap", current.cap(), cap));
        return get(periodId, userId);
    }

    private UserView evaluator(long userId) {
        return assignments.evaluatorAccounts().stream()
                .filter(u -> u.id() == userId)
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("innovation.cap.notEvaluator", userId));
    }

    private Map<Long, int[]> stored(long periodId) {
        Map<Long, int[]> caps = new HashMap<>();
        jdbc.sql("select user_id, cap, version from innovation.period_evaluator where period_id = ?")
                .param(periodId)
                .query(rs -> {
                    caps.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return caps;
    }

    private static EvaluatorCap cap(UserView u, Map<Long, Integer> loads, Map<Long, int[]> caps) {
        int[] stored = caps.get(u.id());
        return new EvaluatorCap(
                u.id(),
                u.username(),
                u.fullName(),
                loads.getOrDefault(u.id(), 0),
                stored == null ? AutoAssignments.DEFAULT_CAP : stored[0],
                stored != null,
                stored == null ? 0 : stored[1]);
    }
}
