package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earnings rules and monthly payout runs. A run computes each participant's earnings from the month's attendance and
 * production under the site's rule for that month, keeps the group fund's share of the pool, and splits the rest by
 * the largest-remainder rule ({@link Allocation}), so that the group fund and the participants' shares add up to the
 * pool to the rupiah. A draft run can be computed again; an approved run is frozen: no new records for its month, no
 * second computation, corrections only as adjustments paid with a later month.
 *
 * <p>This is the entry point the pages and the API call; the work is shared by {@link EarningsRules} (the rules),
 * {@link PayoutRuns} (reading runs), {@link PayoutRunWriter} and {@link PayoutWorking} (computing and storing drafts) and
 * {@link PayoutReceipts} (adjustments and receipts).
 */
@Service
class Payouts {

    static final AuditAction SET_EARNINGS_RULE = AuditAction.of("SET_EARNINGS_RULE");
    static final AuditAction COMPUTE_PAYOUT = AuditAction.of("COMPUTE_PAYOUT");
    static final AuditAction APPROVE_PAYOUT = AuditAction.of("APPROVE_PAYOUT");
    static final AuditAction ADJUST_PAYOUT = AuditAction.of("ADJUST_PAYOUT");
    static final AuditAction PAY = AuditAction.of("PAY");

    private final JdbcClient jdbc;
    private final Access access;
    private final Sites sites;
    private final Products products;
    private final EarningsRules rules;
    private final PayoutRuns runs;
    private final PayoutRunWriter writer;
    private final PayoutReceipts receipts;
    private final AuditLog audit;
    private final Clock clock;

    Payouts(
            JdbcClient jdbc,
            Access access,
            Sites sites,
            Products products,
            EarningsRules rules,
            PayoutRuns runs,
            PayoutRunWriter writer,
            PayoutReceipts receipts,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.sites = sites;
        this.products = products;
        this.rules = rules;
        this.runs = runs;
        this.writer = writer;
        this.receipts = receipts;
        this.audit = audit;
        this.clock = clock;
    }

    // --------------------------------------------------------------------------------------------------- rules

    List<EarningsRule> rules(long siteId) {
        return rules.rules(siteId);
    }

    /** The rule in force for {@code period}: the latest one valid from that month or before. */
    Optional<EarningsRule> ruleFor(long siteId, YearMonth period) {
        return rules.ruleFor(siteId, period);
    }

    /** A new rule from a month after the current one; a rule already set for that month is replaced. */
    @Transactional
    EarningsRule setRule(long siteId, EarningsRuleCommand command) {
        return rules.setRule(siteId, command);
    }

    /** Stores a rule without the next-period check (demo data sets rules for months past). */
    @Transactional
    EarningsRule storeRule(long siteId, EarningsRuleCommand command) {
        return rules.storeRule(siteId, command);
    }

    // ---------------------------------------------------------------------------------------------------- runs

    /** True when an approved payout run has frozen the site's month that starts on {@code firstDay}. */
    boolean frozen(long siteId, LocalDate firstDay) {
        return runs.frozen(siteId, firstDay);
    }

    List<PayoutRunView> runs(long siteId) {
        return runs.runs(siteId);
    }

    Optional<PayoutRunView> find(long runId) {
        return runs.find(runId);
    }

    PayoutRunView get(long runId) {
        return runs.get(runId);
    }

    /**
     * Computes (or computes again) the draft run of a site's month. Refused for a frozen month, for a month that has
     * not started and for a site without an earnings rule for the month.
     */
    @Transactional
    PayoutRunView compute(long siteId, YearMonth period) {
        sites.get(siteId);
        if (period.isAfter(YearMonth.now(clock))) {
            throw BusinessException.invalid("period", "workshop.payout.futurePeriod");
        }
        if (runs.frozen(siteId, period.atDay(1))) {
            throw BusinessException.conflict("period", "workshop.payout.frozen");
        }
        EarningsRule rule = rules.ruleFor(siteId, period)
                .orElseThrow(() -> BusinessException.invalid("period", "workshop.payout.noRule"));
        Map<Long, Map<Long, Long>> sitePrices = new HashMap<>();
        sitePrices.put(siteId, prices(sites.get(siteId).centreId()));
        long runId = writer.computeAll(period, Map.of(siteId, rule), sitePrices);
        audit.record(AuditRecord.of(COMPUTE_PAYOUT, "WorkshopPayoutRun", runId)
                .unit(siteId)
                .change("period", null, period));
        return runs.get(runId);
    }

    /** The month-end run over many sites at once; see {@link PayoutRunWriter#computeAll}. */
    long computeAll(YearMonth period, Map<Long, EarningsRule> rules, Map<Long, Map<Long, Long>> salePrices) {
        return writer.computeAll(period, rules, salePrices);
    }

    @Transactional
    PayoutRunView approve(long runId, int expectedVersion) {
        PayoutRunView run = runs.get(runId);
        if (run.frozen()) {
            throw BusinessException.conflict(null, "workshop.payout.alreadyApproved");
        }
        int updated = jdbc.sql("""
                        update workshop.payout_run set status = 'APPROVED', approved_by = ?, approved_at = now(),
                            version = version + 1
                        where id = ? and version = ? and status = 'DRAFT'
                        """).params(userId(), runId, expectedVersion).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("payout run " + runId + " changed since " + expectedVersion);
        }
        audit.record(AuditRecord.of(APPROVE_PAYOUT, "WorkshopPayoutRun", runId)
                .unit(run.siteId())
                .change("status", "DRAFT", "APPROVED")
                .change("paidTotal", null, run.paidTotal().value()));
        return runs.get(runId);
    }

    /** A correction of an approved run's line, paid with the next month's run of the site. */
    @Transactional
    void adjust(long runId, long lineId, long amount, String reason) {
        receipts.adjust(runId, lineId, amount, reason);
    }

    /** Records that a participant (or their guardian) received the amount of an approved run's line. */
    @Transactional
    void receipt(long runId, long lineId, LocalDate receivedOn, String method, String by) {
        receipts.receipt(runId, lineId, receivedOn, method, by);
    }

    PayoutLineView line(PayoutRunView run, long lineId) {
        return receipts.line(run, lineId);
    }

    private Map<Long, Long> prices(long centreId) {
        Map<Long, Long> prices = new HashMap<>();
        products.ofCentre(centreId)
                .forEach(p -> prices.put(p.id(), p.salePrice().value()));
        return prices;
    }

    private Long userId() {
        return access.currentUser().map(PeduliPrincipal::userId).orElse(null);
    }
}
