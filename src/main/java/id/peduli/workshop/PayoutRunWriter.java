package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import id.peduli.workshop.goods.MaterialCosts;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes and stores draft payout runs: one aggregate query over the month's records, the working in memory
 * ({@link PayoutWorking}) and batched writes. A frozen month's approved run is never touched.
 */
@Service
class PayoutRunWriter {

    private final JdbcClient jdbc;
    private final Access access;
    private final MaterialCosts materialCosts;

    PayoutRunWriter(JdbcClient jdbc, Access access, MaterialCosts materialCosts) {
        this.jdbc = jdbc;
        this.access = access;
        this.materialCosts = materialCosts;
    }

    /**
     * Computes the draft runs of many sites' month at once: one aggregate query over the month's records, the working
     * in memory, and batched writes. Answers the id of the last run written. Used by {@link Payouts#compute} for one site and
     * by the month-end run over every site.
     */
    long computeAll(YearMonth period, Map<Long, EarningsRule> rules, Map<Long, Map<Long, Long>> salePrices) {
        LocalDate from = period.atDay(1);
        LocalDate to = period.plusMonths(1).atDay(1);
        Collection<Long> siteIds = rules.keySet();
        Map<Long, Map<Long, PayoutWorking.Tally>> tallies = new HashMap<>();
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
                    PayoutWorking.Tally tally = tallies.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getLong(2), k -> new PayoutWorking.Tally());
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
                    PayoutWorking.Tally tally = tallies.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getLong(2), k -> new PayoutWorking.Tally());
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
        Map<Long, PayoutWorking.Working> workings = new HashMap<>();
        List<Long> equalShareSites = rules.entrySet().stream()
                .filter(e -> e.getValue().kind() == EarningsRule.Kind.EQUAL_SHARE)
                .map(Map.Entry::getKey)
                .toList();
        Map<Long, Money> costs = materialCosts.ofSites(equalShareSites, period);
        for (Map.Entry<Long, EarningsRule> entry : rules.entrySet()) {
            long siteId = entry.getKey();
            Map<Long, PayoutWorking.Tally> site = tallies.getOrDefault(siteId, new TreeMap<>());
            for (Adjustment adjustment : adjustments.getOrDefault(siteId, List.of())) {
                PayoutWorking.Tally tally =
                        site.computeIfAbsent(adjustment.enrolmentId, k -> new PayoutWorking.Tally());
                tally.personId = adjustment.personId;
                tally.adjustment += adjustment.amount;
            }
            workings.put(
                    siteId,
                    PayoutWorking.work(
                            entry.getValue(),
                            site,
                            salePrices.getOrDefault(siteId, Map.of()),
                            costs.getOrDefault(siteId, Money.ZERO).value()));
        }
        Map<Long, Long> runIds = upsertRuns(from, rules, workings, user);
        long last = -1;
        List<Object[]> lineRows = new ArrayList<>();
        for (Map.Entry<Long, PayoutWorking.Working> entry : workings.entrySet()) {
            Long runId = runIds.get(entry.getKey());
            if (runId == null) {
                // the month of this site is frozen: its approved run stays as it is
                if (rules.size() == 1) {
                    throw BusinessException.conflict("period", "workshop.payout.frozen");
                }
                continue;
            }
            for (PayoutWorking.Line line : entry.getValue().lines) {
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
            LocalDate period, Map<Long, EarningsRule> rules, Map<Long, PayoutWorking.Working> workings, Long user) {
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
                PayoutWorking.Working working = workings.get(site);
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

    private Long userId() {
        return access.currentUser().map(PeduliPrincipal::userId).orElse(null);
    }

    private record Adjustment(long enrolmentId, long personId, long amount) {}
}
