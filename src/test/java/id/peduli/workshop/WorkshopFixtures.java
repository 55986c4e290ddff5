package id.peduli.workshop;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Workshop objects for tests outside the package (the authorization matrix): a registered site, a product of its
 * centre and a payout run with one line. Call with a national administrator signed in.
 */
public final class WorkshopFixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    /** The ids one side of the matrix calls the workshop endpoints with. */
    public record Objects(long site, long product, long run, long line, long placement, long followUp) {}

    private WorkshopFixtures() {}

    public static Objects create(ApplicationContext context, long siteUnitId) {
        Sites sites = context.getBean(Sites.class);
        Products products = context.getBean(Products.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        if (!sites.isSite(siteUnitId)) {
            sites.register(siteUnitId, SiteCommand.empty());
        }
        SiteView site = sites.get(siteUnitId);
        ProductView product = products.create(
                site.centreId(),
                new ProductCommand(
                        "MTX-" + SERIAL.incrementAndGet() + "-" + System.nanoTime() % 100000,
                        "Keset matriks",
                        "lembar",
                        15_000L,
                        true));
        long run = jdbc.sql("""
                        insert into workshop.payout_run (site_id, period, status, rule_kind, fund_basis_points, pool,
                            group_fund, paid_total)
                        values (?, ?, 'DRAFT', 'PIECE_RATE', 1000, 10000, 1000, 9000)
                        on conflict (site_id, period) do update set pool = excluded.pool returning id
                        """)
                .params(siteUnitId, LocalDate.of(2025, 1, 1))
                .query(Long.class)
                .single();
        long line = jdbc.sql("""
                        insert into workshop.payout_line (run_id, enrolment_id, person_id, days_attended, accepted_units,
                            minutes, gross, share, adjustment, amount, working)
                        values (?, ?, 0, 3, 20, 300, 10000, 9000, 0, 9000, 'workshop.working.days\t3')
                        on conflict (run_id, enrolment_id) do update set amount = excluded.amount returning id
                        """).params(run, -run).query(Long.class).single();
        long placement = jdbc.sql("""
                        insert into workshop.placement (site_id, enrolment_id, person_id, employer_name, kind, started_on,
                            monthly_wage, hours_per_week)
                        values (?, ?, 0, 'Toko Matriks', 'COMPETITIVE', ?, 1500000, 30) returning id
                        """)
                .params(siteUnitId, -run, LocalDate.of(2025, 2, 1))
                .query(Long.class)
                .single();
        long followUp = jdbc.sql("insert into workshop.follow_up (placement_id, day_mark, due_on) values (?, 30, ?) "
                        + "returning id")
                .params(placement, LocalDate.of(2025, 3, 3))
                .query(Long.class)
                .single();
        return new Objects(siteUnitId, product.id(), run, line, placement, followUp);
    }
}
