package id.peduli.workshop.bench;

import id.peduli.PeduliTest;
import id.peduli.workshop.WorkshopBenchSupport;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Month-end payout run over 1,000 sites × 20 participants with a production record per participant and working day
 * (30 days: 600,000 records) and as many attendance rows, against the plain SQL baseline in the same run: one {@code
 * SUM … GROUP BY} over the same records. Prints three timings of each, with median and spread. Not part of the build
 * (the class name does not end in Test); run it with {@code bench/workshop-payout.sh}.
 */
@PeduliTest
class PayoutRunBenchmark {

    static final int SITES = 1_000;
    static final int PARTICIPANTS = 20;
    static final int DAYS = 30;
    static final long FIRST_SITE = 900_000_000L;
    static final YearMonth PERIOD = YearMonth.of(2025, 6);

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void payoutRunAgainstPlainSum() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long started = System.nanoTime();
        List<Long> products = tx.execute(s -> load());
        System.out.printf(
                "BENCH data: %d sites, %d records, loaded in %d ms%n",
                SITES, SITES * PARTICIPANTS * DAYS, (System.nanoTime() - started) / 1_000_000);
        List<Long> sites = new ArrayList<>();
        for (long i = 0; i < SITES; i++) {
            sites.add(FIRST_SITE + i);
        }
        long[] run = new long[3];
        long[] baseline = new long[3];
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            long rows = tx.execute(s -> jdbc.sql("""
                            select count(*) from (
                                select site_id, enrolment_id, product_id, sum(quantity - rejects), sum(minutes)
                                from workshop.production_record
                                where made_on >= ? and made_on < ?
                                group by site_id, enrolment_id, product_id) t
                            """)
                    .params(PERIOD.atDay(1), PERIOD.plusMonths(1).atDay(1))
                    .query(Long.class)
                    .single());
            baseline[i] = (System.nanoTime() - t0) / 1_000_000;
            long t1 = System.nanoTime();
            tx.executeWithoutResult(s -> WorkshopBenchSupport.runAll(context, PERIOD, sites, products, 700));
            run[i] = (System.nanoTime() - t1) / 1_000_000;
            long lines = jdbc.sql("select count(*) from workshop.payout_line l join workshop.payout_run r on r.id = "
                            + "l.run_id where r.site_id >= ?")
                    .param(FIRST_SITE)
                    .query(Long.class)
                    .single();
            System.out.printf(
                    "BENCH try %d: payout run %d ms (%d lines stored), plain SUM GROUP BY %d ms (%d groups)%n",
                    i + 1, run[i], lines, baseline[i], rows);
        }
        System.out.printf("BENCH payout run: median %d ms, spread %d-%d ms%n", median(run), min(run), max(run));
        System.out.printf(
                "BENCH plain SUM GROUP BY: median %d ms, spread %d-%d ms%n",
                median(baseline), min(baseline), max(baseline));
    }

    private List<Long> load() {
        long centre = jdbc.sql("select min(centre_id) from workshop.site_profile")
                .query(Long.class)
                .optional()
                .orElse(1L);
        List<Long> products = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            products.add(jdbc.sql("""
                            insert into workshop.product (centre_id, code, name, unit, sale_price)
                            values (?, ?, ?, 'lembar', 2100) returning id
                            """)
                    .params(centre, "BENCH-" + p + "-" + System.nanoTime(), "Produk uji " + p)
                    .query(Long.class)
                    .single());
        }
        jdbc.sql("""
                        insert into workshop.session (site_id, held_on)
                        select ? + s, ?::date + d from generate_series(0, ? - 1) s, generate_series(0, ? - 1) d
                        """).params(FIRST_SITE, PERIOD.atDay(1), SITES, DAYS).update();
        jdbc.sql("""
                        insert into workshop.attendance (session_id, site_id, held_on, enrolment_id, person_id, present,
                            entry_id)
                        select x.id, x.site_id, x.held_on, x.site_id * 100 + p, x.site_id * 100 + p, true,
                            gen_random_uuid()
                        from workshop.session x, generate_series(1, ?) p where x.site_id >= ?
                        """).params(PARTICIPANTS, FIRST_SITE).update();
        jdbc.sql("""
                        insert into workshop.production_record (session_id, site_id, made_on, enrolment_id, person_id,
                            product_id, quantity, rejects, minutes)
                        select a.session_id, a.site_id, a.held_on, a.enrolment_id, a.person_id,
                            (array[?, ?, ?]::bigint[])[1 + (a.enrolment_id % 3)::int], 5 + (a.enrolment_id % 7),
                            (a.enrolment_id % 2)::int, 240
                        from workshop.attendance a where a.site_id >= ?
                        """)
                .params(products.get(0), products.get(1), products.get(2), FIRST_SITE)
                .update();
        jdbc.sql("analyze workshop.production_record").update();
        jdbc.sql("analyze workshop.attendance").update();
        return products;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
