package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What happens to an approved run's lines: corrections paid with a later month, and receipts by the participants. */
@Service
class PayoutReceipts {

    private final JdbcClient jdbc;
    private final Access access;
    private final PayoutRuns runs;
    private final AuditLog audit;
    private final Clock clock;

    PayoutReceipts(JdbcClient jdbc, Access access, PayoutRuns runs, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.runs = runs;
        this.audit = audit;
        this.clock = clock;
    }

    /** A correction of an approved run's line, paid with the next month's run of the site. */
    @Transactional
    void adjust(long runId, long lineId, long amount, String reason) {
        PayoutRunView run = runs.get(runId);
        if (!run.frozen()) {
            throw BusinessException.conflict(null, "workshop.payout.adjustDraft");
        }
        PayoutLineView line = line(run, lineId);
        if (amount == 0) {
            throw BusinessException.invalid("amount", "workshop.payout.adjustZero");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw BusinessException.invalid("reason", "validation.required");
        }
        jdbc.sql("""
                        insert into workshop.payout_adjustment (site_id, enrolment_id, person_id, period, amount, reason,
                            created_by) values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        run.siteId(),
                        line.enrolmentId(),
                        line.personId(),
                        run.period().plusMonths(1).atDay(1),
                        amount,
                        reason.trim(),
                        userId())
                .update();
        audit.record(AuditRecord.of(Payouts.ADJUST_PAYOUT, "WorkshopPayoutRun", runId)
                .unit(run.siteId())
                .change("adjustment", null, amount));
    }

    /** Records that a participant (or their guardian) received the amount of an approved run's line. */
    @Transactional
    void receipt(long runId, long lineId, LocalDate receivedOn, String method, String by) {
        PayoutRunView run = runs.get(runId);
        if (!run.frozen()) {
            throw BusinessException.conflict(null, "workshop.payout.receiptDraft");
        }
        line(run, lineId);
        if (receivedOn == null) {
            throw BusinessException.invalid("receivedOn", "validation.required");
        }
        if (receivedOn.isAfter(LocalDate.now(clock))
                || receivedOn.isBefore(run.period().atDay(1))) {
            throw BusinessException.invalid("receivedOn", "workshop.payout.receiptDate");
        }
        if (!"SIGNATURE".equals(method) && !"THUMBPRINT".equals(method)) {
            throw BusinessException.invalid("method", "validation.required");
        }
        if (!"PARTICIPANT".equals(by) && !"GUARDIAN".equals(by)) {
            throw BusinessException.invalid("receivedBy", "validation.required");
        }
        jdbc.sql("""
                        update workshop.payout_line set received_on = ?, receipt_method = ?, received_by = ?,
                            receipt_recorded_by = ? where id = ? and run_id = ?
                        """).params(receivedOn, method, by, userId(), lineId, runId).update();
        audit.record(AuditRecord.of(Payouts.PAY, "WorkshopPayoutRun", runId)
                .unit(run.siteId())
                .change("line", null, lineId)
                .change("receivedBy", null, by));
    }

    PayoutLineView line(PayoutRunView run, long lineId) {
        return run.lines().stream()
                .filter(l -> l.id() == lineId)
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("workshop.payoutNotFound", lineId));
    }

    private Long userId() {
        return access.currentUser().map(PeduliPrincipal::userId).orElse(null);
    }
}
