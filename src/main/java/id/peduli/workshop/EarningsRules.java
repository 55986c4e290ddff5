package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sites' earnings rules: one per site and starting month, the latest one not after a month being in force for it.
 * A new rule applies from a later month; a rule is never changed for a month a payout run has frozen.
 */
@Service
class EarningsRules {

    private final JdbcClient jdbc;
    private final Access access;
    private final Sites sites;
    private final Products products;
    private final PayoutRuns runs;
    private final AuditLog audit;
    private final Clock clock;

    EarningsRules(
            JdbcClient jdbc,
            Access access,
            Sites sites,
            Products products,
            PayoutRuns runs,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.sites = sites;
        this.products = products;
        this.runs = runs;
        this.audit = audit;
        this.clock = clock;
    }

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
        if (runs.frozen(siteId, command.validFrom().atDay(1))) {
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
        audit.record(AuditRecord.of(Payouts.SET_EARNINGS_RULE, "WorkshopEarningsRule", id)
                .unit(siteId)
                .change("kind", null, command.kind())
                .change("validFrom", null, command.validFrom())
                .change("fundPercent", null, command.fundPercent()));
        return rules(siteId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
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
}
