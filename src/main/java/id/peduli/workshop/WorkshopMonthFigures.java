package id.peduli.workshop;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the monthly figures per site ({@code workshop.site_month}, {@code workshop.site_month_product}) up to date with
 * the attendance and production records, which are only ever added. Before the figures are read, {@link #refresh}
 * compares the highest record ids with the ones the figures include; when records were added, the site-months they
 * touch are computed again from their records. The last {@value #RESCAN} ids before the mark are looked at again, so a
 * record whose transaction committed after a higher id had already been counted is not missed.
 */
@Component
class WorkshopMonthFigures {

    static final long RESCAN = 5_000;
    private static final long LOCK = 0x5753_4d4f_4e54_48L;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    WorkshopMonthFigures(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Brings the figures up to date; cheap (two index lookups) when no record was added since the last call. */
    void refresh() {
        long[] latest = latest();
        long[] mark = mark();
        if (latest[0] == mark[0] && latest[1] == mark[1]) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query(rs -> {});
            long[] current = mark();
            long[] now = latest();
            if (now[0] == current[0] && now[1] == current[1]) {
                return;
            }
            jdbc.sql("""
                            create temporary table touched on commit drop as
                            select distinct site_id, date_trunc('month', held_on)::date as month from workshop.attendance
                            where id > :attendance
                            union
                            select distinct site_id, date_trunc('month', made_on)::date from workshop.production_record
                            where id > :production
                            """)
                    .param("attendance", Math.max(0, current[0] - RESCAN))
                    .param("production", Math.max(0, current[1] - RESCAN))
                    .update();
            jdbc.sql("""
                            delete from workshop.site_month s using touched t
                            where s.site_id = t.site_id and s.month = t.month
                            """).update();
            jdbc.sql("""
                            delete from workshop.site_month_product s using touched t
                            where s.site_id = t.site_id and s.month = t.month
                            """).update();
            jdbc.sql("""
                            insert into workshop.site_month (site_id, month, marks, present_marks, participants_active)
                            select a.site_id, t.month, count(*), count(*) filter (where a.present),
                                count(distinct a.enrolment_id) filter (where a.present)
                            from touched t join workshop.attendance a on a.site_id = t.site_id
                                and a.held_on >= t.month and a.held_on < (t.month + interval '1 month')
                            group by 1, 2
                            """).update();
            jdbc.sql("""
                            insert into workshop.site_month_product (site_id, month, product_id, accepted)
                            select r.site_id, t.month, r.product_id, sum(r.quantity - r.rejects)
                            from touched t join workshop.production_record r on r.site_id = t.site_id
                                and r.made_on >= t.month and r.made_on < (t.month + interval '1 month')
                            where r.product_id is not null
                            group by 1, 2, 3
                            """).update();
            jdbc.sql("update workshop.month_figures_mark set attendance_id = ?, production_id = ? where id = 1")
                    .params(now[0], now[1])
                    .update();
        });
    }

    private long[] latest() {
        return jdbc.sql("""
                        select coalesce((select max(id) from workshop.attendance), 0),
                            coalesce((select max(id) from workshop.production_record), 0)
                        """)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    private long[] mark() {
        return jdbc.sql("select attendance_id, production_id from workshop.month_figures_mark where id = 1")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional()
                .orElse(new long[] {0, 0});
    }
}
