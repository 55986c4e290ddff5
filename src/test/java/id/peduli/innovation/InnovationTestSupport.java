package id.peduli.innovation;

import id.peduli.Today;
import id.peduli.innovation.demo.InnovationDemoSeed;
import id.peduli.innovation.period.PeriodForm;
import id.peduli.innovation.period.Periods;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the competition's demo seed once into the shared test database, and runs code as a given user. */
public final class InnovationTestSupport {

    private InnovationTestSupport() {}

    /** Loads {@code innovation-v1} unless the 2018 period exists already (the test database is shared). */
    public static synchronized void ensureSeed(ApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        boolean loaded = jdbc.sql("select count(*) from innovation.period where year = 2018")
                        .query(Long.class)
                        .single()
                > 0;
        if (!loaded) {
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            as(
                    context,
                    "admin",
                    () -> tx.execute(s -> {
                        context.getBean(InnovationDemoSeed.class).load();
                        return null;
                    }));
        }
    }

    public static <T> T as(ApplicationContext context, String username, Supplier<T> action) {
        UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext();
        var security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(security);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static long currentPeriod(JdbcClient jdbc) {
        return jdbc.sql("select id from innovation.period where registration_opens <= :today and :today <= "
                        + "assessment_deadline order by year desc limit 1")
                .param("today", Today.date())
                .query(Long.class)
                .single();
    }

    /**
     * A period of {@code year} (made once) whose objection window is open now, with one proposal proposed for the Top 99;
     * returns the proposal.
     */
    public static synchronized long openObjectionWindow(ApplicationContext context, int year) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        var existing = jdbc.sql("""
                        select p.id from innovation.proposal p join innovation.period per on per.id = p.period_id
                        where per.year = ? and p.state = 'SHORTLISTED' limit 1
                        """).param(year).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long period = as(
                context,
                "sekretariat",
                () -> context.getBean(Periods.class)
                        .create(PeriodForm.defaults(year))
                        .id());
        jdbc.sql("update innovation.period set objection_opens_at = now() where id = ?")
                .param(period)
                .update();
        long unit = jdbc.sql("select unit_id from innovation.proposal order by id limit 1")
                .query(Long.class)
                .single();
        long innovation = jdbc.sql("insert into innovation.innovation (unit_id, title, started_on) values (?, ?, "
                        + "date '2015-01-01') returning id")
                .params(unit, "Inovasi Masa Sanggah " + year)
                .query(Long.class)
                .single();
        return jdbc.sql(
                        "insert into innovation.proposal (period_id, innovation_id, unit_id, grp, state) values (?, ?, ?, "
                                + "'GENERAL', 'SHORTLISTED') returning id")
                .params(period, innovation, unit)
                .query(Long.class)
                .single();
    }

    public static long proposalTitled(JdbcClient jdbc, String title, int year) {
        return jdbc.sql("""
                        select p.id from innovation.proposal p join innovation.innovation i on i.id = p.innovation_id
                        join innovation.period per on per.id = p.period_id where i.title = ? and per.year = ?
                        order by p.id limit 1
                        """).params(title, year).query(Long.class).single();
    }
}
