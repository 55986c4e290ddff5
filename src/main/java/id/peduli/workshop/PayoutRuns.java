package id.peduli.workshop;

import id.peduli.shared.BusinessException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the stored payout runs with their lines, and whether a site's month is frozen by an approved run. */
@Service
class PayoutRuns {

    private final JdbcClient jdbc;
    private final Sites sites;

    PayoutRuns(JdbcClient jdbc, Sites sites) {
        this.jdbc = jdbc;
        this.sites = sites;
    }

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

    private List<PayoutLineView> lines(long runId) {
        return jdbc.sql("select * from workshop.payout_line where run_id = ? order by enrolment_id")
                .param(runId)
                .query(PayoutRuns::line)
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
}
