package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
    private final AuditLog audit;
    private final Clock clock;

    Payouts(JdbcClient jdbc, Access access, Sites sites, Products products, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.sites = sites;
        this.products = products;
        this.audit = audit;
        this.clock = clock;
    }

    // --------------------------------------------------------------------------------------------------- rules

    List<EarningsRule> rules(long siteId) {
        Map<Long, Map<Long, Long>> rates = new HashMap<>();
        jdbc.sql("""
                        select r.rule_id, r.product_id, r.rate from workshop.piece_rate r
                        join workshop.earnings_rule e on e.id = r.rule_id where e.site_id = ?
                        """)
                .param(siteId)
                .query((rs, n) -> rates.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getLong(2), rs.getLong(3)))
                .list();
        return jdbc.sql("select * from workshop.earnings_rule where site_id = ? order by valid_from desc")
                .param(siteId)
                .query((rs, n) -> rule(rs, rates.getOrDefault(rs.getLong("id"), Map.of())))
                .list();
    }

    /** The rule in force for {@code period}: the latest one valid from that month or before. */
    Optional<EarningsRule> ruleFor(long siteId, YearMonth period) {
        return rules(siteId).stream()
                .filter(r -> !r.validFrom().isAfter(period))
                .findFirst();
    }

    /** A new rule from a month after the current one; a rule already set for that month is replaced. */
    @Transactional
    EarningsRule setRule(long siteId, EarningsRuleCommand command) {
        if (!command.validFrom().isAfter(YearMonth.now(clock))) {
            throw BusinessException.invalid("validFrom", "workshop.rule.nextPeriod");
        }
        return storeRule(siteId, command);
    }

    /** Stores a rule without the next-period check (demo data sets rules for months past). */
    @Transactional
    EarningsRule storeRule(long siteId, EarningsRuleCommand command) {
        SiteView site = sites.get(siteId);
        if (frozen(siteId, command.validFrom().atDay(1))) {
            throw BusinessException.conflict("validFrom", "workshop.payout.frozen");
        }
        Map<Long, ProductView> catalogue = new HashMap<>();
        products.ofCentre(site.centreId()).forEach(p -> catalogue.put(p.id(), p));
        switch (command.kind()) {
            case PIECE_RATE -> {
                if (command.pieceRates().isEmpty()) {
                    throw BusinessException.invalid("pieceRates", "workshop.rule.ratesRequired");
                }
                for (Map.Entry<Long, Long> rate : command.pieceRates().entrySet()) {
                    if (!catalogue.containsKey(rate.getKey())) {
                        throw BusinessException.invalid("pieceRates", "workshop.entry.productUnknown");
                    }
                    if (rate.getValue() == null || rate.getValue() < 0 || rate.getValue() > 100_000_000L) {
                        throw BusinessException.invalid("pieceRates", "workshop.rateRange");
                    }
                }
            }
            case HOURLY -> {
                if (command.ratePerMinute() == null) {
                    throw BusinessException.invalid("ratePerMinute", "validation.required");
                }
            }
            case EQUAL_SHARE -> {
                if (command.minDays() == null) {
                    throw BusinessException.invalid("minDays", "validation.required");
                }
            }
        }
        jdbc.sql("""
                        delete from workshop.piece_rate where rule_id in
                            (select id from workshop.earnings_rule where site_id = ? and valid_from = ?)
                        """).params(siteId, command.validFrom().atDay(1)).update();
        jdbc.sql("delete from workshop.earnings_rule where site_id = ? and valid_from = ?")
                .params(siteId, command.validFrom().atDay(1))
                .update();
        long id = jdbc.sql("""
                        insert into workshop.earnings_rule (site_id, valid_from, kind, fund_basis_points,
                            rate_per_minute, min_days, created_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        siteId,
                        command.validFrom().atDay(1),
                        command.kind().name(),
                        command.fundPercent() * 100,
                        command.kind() == EarningsRule.Kind.HOURLY ? command.ratePerMinute() : null,
                        command.kind() == EarningsRule.Kind.EQUAL_SHARE ? command.minDays() : null,
                        userId())
                .query(Long.class)
                .single();
        if (command.kind() == EarningsRule.Kind.PIECE_RATE) {
            command.pieceRates()
                    .forEach((product, rate) -> jdbc.sql(
                                    "insert into workshop.piece_rate (rule_id, product_id, rate) values (?, ?, ?)")
                            .params(id, product, rate)
                            .update());
        }
        audit.record(AuditRecord.of(SET_EARNINGS_RULE, "WorkshopEarningsRule", id)
                .unit(siteId)
                .change("kind", null, command.kind())
                .change("validFrom", null, command.validFrom())
                .change("fundPercent", null, command.fundPercent()));
        return rules(siteId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------------------------------------------- runs

    /** True when an approved payout run has frozen the site's month that starts on {@code firstDay}. */
    boolean frozen(long siteId, LocalDate firstDay) {
        return jdbc.sql(
                                "select count(*) from workshop.payout_run where site_id = ? and period = ? and status = 'APPROVED'")
                        .params(siteId, firstDay.withDayOfMonth(1))
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<PayoutRunView> runs(long siteId) {
        String siteName = sites.get(siteId).name();
        return jdbc.sql("select * from workshop.payout_run where site_id = ? order by period desc")
                .param(siteId)
                .query((rs, n) -> run(rs, siteName, List.of()))
                .list();
    }

    Optional<PayoutRunView> find(long runId) {
        return jdbc.sql("select * from workshop.payout_run where id = ?")
                .param(runId)
                .query((rs, n) -> run(
                        rs,
                        sites.find(rs.getLong("site_id")).map(SiteView::name).orElse(""),
                        lines(runId)))
                .optional();
    }

    PayoutRunView get(long runId) {
        return find(runId).orElseThrow(() -> BusinessException.notFound("workshop.payoutNotFound", runId));
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
        if (frozen(siteId, period.atDay(1))) {
            throw BusinessException.conflict("period", "workshop.payout.frozen");
        }
        EarningsRule rule = ruleFor(siteId, period)
                .orElseThrow(() -> BusinessException.invalid("period", "workshop.payout.noRule"));
        Map<Long, Map<Long, Long>> sitePrices = new HashMap<>();
        sitePrices.put(siteId, prices(sites.get(siteId).centreId()));
        long runId = computeAll(period, Map.of(siteId, rule), sitePrices);
        audit.record(AuditRecord.of(COMPUTE_PAYOUT, "WorkshopPayoutRun", runId)
                .unit(siteId)
                .change("period", null, period));
        return get(runId);
    }

    /**
     * Computes the draft runs of many sites' month at once: one aggregate query over the month's records, the working
     * in memory, and batched writes. Answers the id of the last run written. Used by {@link #compute} for one site and
     * by the month-end run over every site.
     */
    long computeAll(YearMonth period, Map<Long, EarningsRule> rules, Map<Long, Map<Long, Long>> salePrices) {
        LocalDate from = period.atDay(1);
        LocalDate to = period.plusMonths(1).atDay(1);
        Collection<Long> siteIds = rules.keySet();
        Map<Long, Map<Long, Tally>> tallies = new HashMap<>();
        jdbc.sql("""
                        select site_id, enrolment_id, min(person_id) as person_id, product_id,
                            sum(quantity - rejects) as accepted, sum(minutes) as minutes
                        from workshop.production_record
                        where made_on >= :from and made_on < :to and site_id in (:sites)
                        group by site_id, enrolment_id, product_id
                        """)
                .param("from", from)
                .param("to", to)
                .param("sites", siteIds)
                .query(rs -> {
                    Tally tally = tallies.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getLong(2), k -> new Tally());
                    tally.personId = rs.getLong(3);
                    long product = rs.getLong(4);
                    boolean task = rs.wasNull();
                    long accepted = rs.getLong(5);
                    long minutes = rs.getLong(6);
                    tally.minutes += minutes;
                    if (!task) {
                        tally.accepted += accepted;
                        tally.perProduct.merge(product, accepted, Long::sum);
                    }
                });
        jdbc.sql("""
                        select site_id, enrolment_id, min(person_id), count(distinct held_on)
                        from workshop.attendance
                        where present and held_on >= :from and held_on < :to and site_id in (:sites)
                        group by site_id, enrolment_id
                        """)
                .param("from", from)
                .param("to", to)
                .param("sites", siteIds)
                .query(rs -> {
                    Tally tally = tallies.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getLong(2), k -> new Tally());
                    tally.personId = rs.getLong(3);
                    tally.days = rs.getInt(4);
                });
        Map<Long, List<Adjustment>> adjustments = pendingAdjustments(siteIds, period);
        Long user = userId();
        // drafts of these sites' month are replaced: their lines go, their adjustments are released
        jdbc.sql("""
                        delete from workshop.payout_line where run_id in (select id from workshop.payout_run
                            where site_id in (:sites) and period = :period and status = 'DRAFT')
                        """).param("sites", siteIds).param("period", from).update();
        jdbc.sql("""
                        update workshop.payout_adjustment set applied_run_id = null where applied_run_id in
                            (select id from workshop.payout_run
                             where site_id in (:sites) and period = :period and status = 'DRAFT')
                        """).param("sites", siteIds).param("period", from).update();
        Map<Long, Working> workings = new HashMap<>();
        for (Map.Entry<Long, EarningsRule> entry : rules.entrySet()) {
            long siteId = entry.getKey();
            Map<Long, Tally> site = tallies.getOrDefault(siteId, new TreeMap<>());
            for (Adjustment adjustment : adjustments.getOrDefault(siteId, List.of())) {
                Tally tally = site.computeIfAbsent(adjustment.enrolmentId, k -> new Tally());
                tally.personId = adjustment.personId;
                tally.adjustment += adjustment.amount;
            }
            workings.put(siteId, work(entry.getValue(), site, salePrices.getOrDefault(siteId, Map.of())));
        }
        Map<Long, Long> runIds = upsertRuns(from, rules, workings, user);
        long last = -1;
        List<Object[]> lineRows = new ArrayList<>();
        for (Map.Entry<Long, Working> entry : workings.entrySet()) {
            Long runId = runIds.get(entry.getKey());
            if (runId == null) {
                // the month of this site is frozen: its approved run stays as it is
                if (rules.size() == 1) {
                    throw BusinessException.conflict("period", "workshop.payout.frozen");
                }
                continue;
            }
            for (Line line : entry.getValue().lines) {
                lineRows.add(new Object[] {
                    runId,
                    line.enrolmentId,
                    line.tally.personId,
                    line.tally.days,
                    (int) Math.min(Integer.MAX_VALUE, line.tally.accepted),
                    (int) Math.min(Integer.MAX_VALUE, line.tally.minutes),
                    line.gross,
                    line.share,
                    line.tally.adjustment,
                    line.share + line.tally.adjustment,
                    line.working
                });
            }
            last = runId;
        }
        if (!adjustments.isEmpty()) {
            jdbc.sql("""
                            update workshop.payout_adjustment a set applied_run_id = r.id from workshop.payout_run r
                            where r.site_id = a.site_id and r.period = :period and r.status = 'DRAFT'
                              and a.applied_run_id is null and a.period <= :period and a.site_id in (:sites)
                            """)
                    .param("period", from)
                    .param("sites", adjustments.keySet())
                    .update();
        }
        insertLines(lineRows);
        return last;
    }

    /** Inserts or replaces the draft runs in chunks; answers the run id per site (none for a frozen month). */
    private Map<Long, Long> upsertRuns(
            LocalDate period, Map<Long, EarningsRule> rules, Map<Long, Working> workings, Long user) {
        Map<Long, Long> ids = new HashMap<>();
        List<Long> sites = new ArrayList<>(workings.keySet());
        final int chunk = 500;
        for (int start = 0; start < sites.size(); start += chunk) {
            List<Long> part = sites.subList(start, Math.min(sites.size(), start + chunk));
            StringBuilder sql = new StringBuilder("""
                    insert into workshop.payout_run (site_id, period, status, rule_kind, fund_basis_points, pool,
                        group_fund, paid_total, computed_by) values
                    """);
            List<Object> params = new ArrayList<>(part.size() * 8);
            for (int i = 0; i < part.size(); i++) {
                long site = part.get(i);
                Working working = workings.get(site);
                EarningsRule rule = rules.get(site);
                sql.append(i == 0 ? "" : ",").append("(?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?)");
                params.addAll(Arrays.asList(
                        site,
                        period,
                        rule.kind().name(),
                        rule.fundBasisPoints(),
                        working.pool,
                        working.groupFund,
                        working.paid,
                        user));
            }
            sql.append("""
                     on conflict (site_id, period) do update set rule_kind = excluded.rule_kind,
                        fund_basis_points = excluded.fund_basis_points, pool = excluded.pool,
                        group_fund = excluded.group_fund, paid_total = excluded.paid_total,
                        computed_by = excluded.computed_by, computed_at = now(),
                        version = workshop.payout_run.version + 1
                    where workshop.payout_run.status = 'DRAFT'
                    returning site_id, id
                    """);
            jdbc.sql(sql.toString()).params(params).query(rs -> {
                ids.put(rs.getLong(1), rs.getLong(2));
            });
        }
        return ids;
    }

    private void insertLines(List<Object[]> rows) {
        final int chunk = 500;
        for (int start = 0; start < rows.size(); start += chunk) {
            List<Object[]> part = rows.subList(start, Math.min(rows.size(), start + chunk));
            StringBuilder sql = new StringBuilder("""
                    insert into workshop.payout_line (run_id, enrolment_id, person_id, days_attended, accepted_units,
                        minutes, gross, share, adjustment, amount, working) values
                    """);
            List<Object> params = new ArrayList<>(part.size() * 11);
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?)");
                params.addAll(Arrays.asList(part.get(i)));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /** The working of one site's month: gross per participant, pool, group fund, shares. Pure, for tests too. */
    static Working work(EarningsRule rule, Map<Long, Tally> tallies, Map<Long, Long> salePrices) {
        Working working = new Working();
        List<Long> enrolments = new ArrayList<>(new TreeMap<>(tallies).keySet());
        long[] weights = new long[enrolments.size()];
        List<List<String>> steps = new ArrayList<>();
        long productionValue = 0;
        for (Tally tally : tallies.values()) {
            for (Map.Entry<Long, Long> made : tally.perProduct.entrySet()) {
                productionValue = Math.addExact(
                        productionValue,
                        Math.multiplyExact(made.getValue(), salePrices.getOrDefault(made.getKey(), 0L)));
            }
        }
        int eligible = 0;
        for (int i = 0; i < enrolments.size(); i++) {
            Tally tally = tallies.get(enrolments.get(i));
            List<String> lines = new ArrayList<>();
            lines.add(step("workshop.working.days", tally.days));
            long gross = 0;
            switch (rule.kind()) {
                case PIECE_RATE -> {
                    for (Map.Entry<Long, Long> made : new TreeMap<>(tally.perProduct).entrySet()) {
                        long rate = rule.pieceRates().getOrDefault(made.getKey(), 0L);
                        long subtotal = Math.multiplyExact(made.getValue(), rate);
                        gross = Math.addExact(gross, subtotal);
                        lines.add(step(
                                "workshop.working.piece",
                                "#" + made.getKey(),
                                made.getValue(),
                                Money.of(rate).format(),
                                Money.of(subtotal).format()));
                    }
                    weights[i] = gross;
                }
                case HOURLY -> {
                    gross = Math.multiplyExact(tally.minutes, rule.ratePerMinute());
                    lines.add(step(
                            "workshop.working.minutes",
                            tally.minutes,
                            Money.of(rule.ratePerMinute()).format(),
                            Money.of(gross).format()));
                    weights[i] = gross;
                }
                case EQUAL_SHARE -> {
                    boolean counts = tally.days >= rule.minDays() && tally.days > 0;
                    lines.add(step(
                            counts ? "workshop.working.eligible" : "workshop.working.notEligible", rule.minDays()));
                    weights[i] = counts ? 1 : 0;
                    eligible += counts ? 1 : 0;
                }
            }
            working.grossByIndex.add(gross);
            steps.add(lines);
        }
        long pool = rule.kind() == EarningsRule.Kind.EQUAL_SHARE
                ? productionValue
                : working.grossByIndex.stream().mapToLong(Long::longValue).sum();
        long fund = Allocation.share(pool, rule.fundBasisPoints());
        long[] shares = Allocation.split(pool - fund, weights);
        long paid = Arrays.stream(shares).sum();
        // with nobody to pay (no weight), the whole pool stays with the group fund
        working.pool = pool;
        working.groupFund = pool - paid;
        working.paid = paid;
        for (int i = 0; i < enrolments.size(); i++) {
            Tally tally = tallies.get(enrolments.get(i));
            List<String> lines = steps.get(i);
            if (rule.kind() == EarningsRule.Kind.EQUAL_SHARE) {
                lines.add(step(
                        "workshop.working.equalShare",
                        Money.of(pool).format(),
                        rule.fundPercent(),
                        Money.of(pool - working.groupFund).format(),
                        eligible,
                        Money.of(shares[i]).format()));
            } else {
                lines.add(step(
                        "workshop.working.share",
                        Money.of(working.grossByIndex.get(i)).format(),
                        rule.fundPercent(),
                        Money.of(shares[i]).format()));
            }
            if (tally.adjustment != 0) {
                lines.add(step(
                        "workshop.working.adjustment",
                        Money.of(tally.adjustment).format()));
            }
            Line line = new Line();
            line.enrolmentId = enrolments.get(i);
            line.tally = tally;
            line.gross = working.grossByIndex.get(i);
            line.share = shares[i];
            line.working = String.join("\n", lines);
            working.lines.add(line);
        }
        return working;
    }

    private static String step(String key, Object... args) {
        StringBuilder out = new StringBuilder(key);
        for (Object arg : args) {
            out.append('\t').append(String.valueOf(arg).replace('\t', ' ').replace('\n', ' '));
        }
        return out.toString();
    }

    @Transactional
    PayoutRunView approve(long runId, int expectedVersion) {
        PayoutRunView run = get(runId);
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
        return get(runId);
    }

    /** A correction of an approved run's line, paid with the next month's run of the site. */
    @Transactional
    void adjust(long runId, long lineId, long amount, String reason) {
        PayoutRunView run = get(runId);
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
        audit.record(AuditRecord.of(ADJUST_PAYOUT, "WorkshopPayoutRun", runId)
                .unit(run.siteId())
                .change("adjustment", null, amount));
    }

    /** Records that a participant (or their guardian) received the amount of an approved run's line. */
    @Transactional
    void receipt(long runId, long lineId, LocalDate receivedOn, String method, String by) {
        PayoutRunView run = get(runId);
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
        audit.record(AuditRecord.of(PAY, "WorkshopPayoutRun", runId)
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

    private Map<Long, Long> prices(long centreId) {
        Map<Long, Long> prices = new HashMap<>();
        products.ofCentre(centreId)
                .forEach(p -> prices.put(p.id(), p.salePrice().value()));
        return prices;
    }

    private Map<Long, List<Adjustment>> pendingAdjustments(Collection<Long> siteIds, YearMonth period) {
        Map<Long, List<Adjustment>> out = new HashMap<>();
        jdbc.sql("""
                        select site_id, enrolment_id, person_id, amount from workshop.payout_adjustment
                        where applied_run_id is null and period <= :period and site_id in (:sites)
                        """).param("period", period.atDay(1)).param("sites", siteIds).query(rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Adjustment(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        });
        return out;
    }

    private List<PayoutLineView> lines(long runId) {
        return jdbc.sql("select * from workshop.payout_line where run_id = ? order by enrolment_id")
                .param(runId)
                .query(Payouts::line)
                .list();
    }

    private static PayoutLineView line(ResultSet rs, int row) throws SQLException {
        List<PayoutLineView.Step> steps = new ArrayList<>();
        for (String text : rs.getString("working").split("\n")) {
            String[] parts = text.split("\t", -1);
            steps.add(new PayoutLineView.Step(parts[0], List.of(Arrays.copyOfRange(parts, 1, parts.length))));
        }
        return new PayoutLineView(
                rs.getLong("id"),
                rs.getLong("enrolment_id"),
                rs.getLong("person_id"),
                null,
                rs.getInt("days_attended"),
                rs.getInt("accepted_units"),
                rs.getInt("minutes"),
                Money.of(rs.getLong("gross")),
                Money.of(rs.getLong("share")),
                Money.of(rs.getLong("adjustment")),
                Money.of(rs.getLong("amount")),
                steps,
                rs.getObject("received_on", LocalDate.class),
                rs.getString("receipt_method"),
                rs.getString("received_by"));
    }

    private static PayoutRunView run(ResultSet rs, String siteName, List<PayoutLineView> lines) throws SQLException {
        Timestamp approved = rs.getTimestamp("approved_at");
        return new PayoutRunView(
                rs.getLong("id"),
                rs.getLong("site_id"),
                siteName,
                YearMonth.from(rs.getObject("period", LocalDate.class)),
                PayoutRunView.Status.valueOf(rs.getString("status")),
                EarningsRule.Kind.valueOf(rs.getString("rule_kind")),
                rs.getInt("fund_basis_points"),
                Money.of(rs.getLong("pool")),
                Money.of(rs.getLong("group_fund")),
                Money.of(rs.getLong("paid_total")),
                rs.getTimestamp("computed_at").toInstant(),
                approved == null ? null : approved.toInstant(),
                rs.getInt("version"),
                lines);
    }

    private static EarningsRule rule(ResultSet rs, Map<Long, Long> rates) throws SQLException {
        return new EarningsRule(
                rs.getLong("id"),
                rs.getLong("site_id"),
                YearMonth.from(rs.getObject("valid_from", LocalDate.class)),
                EarningsRule.Kind.valueOf(rs.getString("kind")),
                rs.getInt("fund_basis_points"),
                rs.getLong("rate_per_minute"),
                rs.getInt("min_days"),
                rates);
    }

    private Long userId() {
        return access.currentUser().map(PeduliPrincipal::userId).orElse(null);
    }

    /** One participant's month, as read from the records. */
    static final class Tally {
        long personId;
        int days;
        long accepted;
        long minutes;
        long adjustment;
        final Map<Long, Long> perProduct = new LinkedHashMap<>();
    }

    static final class Line {
        long enrolmentId;
        Tally tally;
        long gross;
        long share;
        String working;
    }

    static final class Working {
        long pool;
        long groupFund;
        long paid;
        final List<Long> grossByIndex = new ArrayList<>();
        final List<Line> lines = new ArrayList<>();
    }

    private record Adjustment(long enrolmentId, long personId, long amount) {}

    static Instant now(Clock clock) {
        return clock.instant();
    }
}
