package id.peduli.workshop.bench;

import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.workshop.WorkshopDashboardBenchSupport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The programme dashboard over a year of a large programme: 1,000 sites × 20 participants with attendance and a
 * production record per participant and working day (Monday to Saturday) for twelve months, and each month's approved
 * payout runs. The dashboard per province over those twelve months is loaded through HTTP with wrk (signed in as the
 * centre's programme manager, who reads every site), three runs, against two baselines in the same run: GET
 * /actuator/health with the same wrk settings, and the plain SQL of the dashboard's figures straight from the records
 * (participants, attendance, production value per province and month). Prints lines starting with BENCH. Not part of
 * the build (the class name does not end in Test); run it with {@code bench/workshop-dashboard.sh}.
 */
@PeduliTest
@Import(QueryCounter.class)
class DashboardBenchmark {

    static final int SITES = Integer.getInteger("bench.sites", 1_000);
    static final int PARTICIPANTS = 20;
    static final String DURATION = System.getProperty("bench.seconds", "20");
    static final List<String> REGIONS =
            List.of("33.23", "33.08", "33.07", "33.22", "33.09", "33.10", "34.04", "34.02", "35.02", "35.07");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @LocalServerPort
    int port;

    @Value("${peduli.demo.password}")
    String password;

    @Test
    void programmeDashboardOverAYear() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        YearMonth last = Today.month().minusMonths(1);
        YearMonth first = last.minusMonths(11);
        long t0 = System.nanoTime();
        List<Long> sites = WorkshopDashboardBenchSupport.sites(context, "SW Peduli Temanggung", SITES, REGIONS);
        long centre = WorkshopDashboardBenchSupport.centreOf(context, sites.get(0));
        List<Long> products = tx.execute(s -> products(centre));
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            YearMonth month = m;
            tx.executeWithoutResult(s -> load(sites, products, month));
        }
        jdbc.sql("analyze workshop.attendance").update();
        jdbc.sql("analyze workshop.production_record").update();
        long records = jdbc.sql("select count(*) from workshop.production_record")
                .query(Long.class)
                .single();
        System.out.printf(
                "BENCH data: %d sites, %d production records and as many attendance rows over %s..%s, loaded in %d s%n",
                SITES, records, first, last, (System.nanoTime() - t0) / 1_000_000_000L);
        long t1 = System.nanoTime();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            YearMonth month = m;
            tx.executeWithoutResult(
                    s -> WorkshopDashboardBenchSupport.approvedRuns(context, month, sites, products, 700));
        }
        System.out.printf(
                "BENCH payout runs: 12 months computed and approved in %d s%n",
                (System.nanoTime() - t1) / 1_000_000_000L);
        long t2 = System.nanoTime();
        WorkshopDashboardBenchSupport.refreshMonthFigures(context);
        System.out.printf(
                "BENCH monthly figures built from the records once in %d ms%n", (System.nanoTime() - t2) / 1_000_000);

        String cookie = signIn("manajer.kartini");
        String base = "http://localhost:" + port;
        String dashboard = base + "/workshop/dashboard?level=province&from=" + first + "&to=" + last;
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(dashboard))
                                .header("Cookie", cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        System.out.printf(
                "BENCH dashboard page: status %d, %d bytes, %s%n",
                page.statusCode(),
                page.body().length(),
                page.body().contains("Jawa Timur") ? "shows the provinces" : "NO PROVINCES");

        for (String line : WorkshopDashboardBenchSupport.profile(
                context, "manajer.kartini", first, last, 5, QueryCounter.STATEMENTS::get)) {
            System.out.println("BENCH profile: " + line);
        }
        HttpClient client = HttpClient.newHttpClient();
        double[] single = new double[10];
        long statements = 0;
        for (int i = 0; i < single.length; i++) {
            long q0 = QueryCounter.STATEMENTS.get();
            long r0 = System.nanoTime();
            client.send(
                    HttpRequest.newBuilder(URI.create(dashboard))
                            .header("Cookie", cookie)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            single[i] = (System.nanoTime() - r0) / 1e6;
            statements = QueryCounter.STATEMENTS.get() - q0;
        }
        System.out.printf(
                "BENCH profile: one request at a time over HTTP: median %.1f ms, best %.1f ms, %d SQL statements%n",
                median(single), min(single), statements);

        wrk(base + "/actuator/health", "", "5");
        wrk(dashboard, cookie, "5");
        double[] dashP95 = new double[3];
        double[] healthP95 = new double[3];
        long[] sql = new long[3];
        for (int i = 0; i < 3; i++) {
            String health = wrk(base + "/actuator/health", "", DURATION);
            String dash = wrk(dashboard, cookie, DURATION);
            long s0 = System.nanoTime();
            plainSql(sites, first, last);
            sql[i] = (System.nanoTime() - s0) / 1_000_000;
            healthP95[i] = p95(health);
            dashP95[i] = p95(dash);
            System.out.printf(
                    "BENCH run %d: dashboard %s | health %s | plain SQL from the records %d ms%n",
                    i + 1, dash, health, sql[i]);
        }
        System.out.printf(
                "BENCH dashboard p95: median %.1f ms, spread %.1f-%.1f ms%n",
                median(dashP95), min(dashP95), max(dashP95));
        System.out.printf(
                "BENCH /actuator/health p95: median %.1f ms, spread %.1f-%.1f ms%n",
                median(healthP95), min(healthP95), max(healthP95));
        double[] sqlMs = Arrays.stream(sql).asDoubleStream().toArray();
        System.out.printf(
                "BENCH plain SQL from the records: median %.0f ms, spread %.0f-%.0f ms%n",
                median(sqlMs), min(sqlMs), max(sqlMs));
    }

    private List<Long> products(long centre) {
        List<Long> products = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            products.add(jdbc.sql("""
                            insert into workshop.product (centre_id, code, name, unit, sale_price)
                            values (?, ?, ?, 'lembar', 2100) returning id
                            """)
                    .params(centre, "DASH-" + p + "-" + System.nanoTime(), "Produk dasbor " + p)
                    .query(Long.class)
                    .single());
        }
        return products;
    }

    /** One month of sessions (Monday to Saturday), attendance (nine in ten present) and production. */
    private void load(List<Long> sites, List<Long> products, YearMonth month) {
        String ids = sites.stream()
                .map(String::valueOf)
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        jdbc.sql("""
                        insert into workshop.session (site_id, held_on)
                        select s, d::date from unnest(string_to_array(?, ',')::bigint[]) s,
                            generate_series(?::date, ?::date, interval '1 day') d
                        where extract(isodow from d) < 7
                        """).params(ids, month.atDay(1), month.atEndOfMonth()).update();
        jdbc.sql("""
                        insert into workshop.attendance (session_id, site_id, held_on, enrolment_id, person_id, present,
                            entry_id)
                        select x.id, x.site_id, x.held_on, x.site_id * 100 + p, x.site_id * 100 + p,
                            (x.site_id + p + extract(day from x.held_on)::int) % 10 <> 0, gen_random_uuid()
                        from workshop.session x, generate_series(1, ?) p
                        where x.held_on >= ? and x.held_on <= ? and x.site_id = any(string_to_array(?, ',')::bigint[])
                        """)
                .params(PARTICIPANTS, month.atDay(1), month.atEndOfMonth(), ids)
                .update();
        jdbc.sql("""
                        insert into workshop.production_record (session_id, site_id, made_on, enrolment_id, person_id,
                            product_id, quantity, rejects, minutes)
                        select a.session_id, a.site_id, a.held_on, a.enrolment_id, a.person_id,
                            (array[?, ?, ?]::bigint[])[1 + (a.enrolment_id % 3)::int], 5 + (a.enrolment_id % 7),
                            (a.enrolment_id % 2)::int, 240
                        from workshop.attendance a
                        where a.present and a.held_on >= ? and a.held_on <= ?
                            and a.site_id = any(string_to_array(?, ',')::bigint[])
                        """)
                .params(products.get(0), products.get(1), products.get(2), month.atDay(1), month.atEndOfMonth(), ids)
                .update();
    }

    /** The baseline: the dashboard's attendance and production figures per province and month, from the records. */
    private void plainSql(List<Long> sites, YearMonth first, YearMonth last) {
        String ids = sites.stream()
                .map(String::valueOf)
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        for (String sql : List.of("""
                select left(u.region_code, 2), date_trunc('month', a.held_on), count(distinct a.enrolment_id)
                    filter (where a.present), count(*) filter (where a.present) * 100.0 / count(*)
                from workshop.attendance a join organization.org_unit u on u.id = a.site_id
                where a.held_on >= ? and a.held_on < ? and a.site_id = any(string_to_array(?, ',')::bigint[])
                group by 1, 2
                """, """
                select left(u.region_code, 2), date_trunc('month', r.made_on),
                    sum((r.quantity - r.rejects)::bigint * p.sale_price)
                from workshop.production_record r join organization.org_unit u on u.id = r.site_id
                join workshop.product p on p.id = r.product_id
                where r.made_on >= ? and r.made_on < ? and r.site_id = any(string_to_array(?, ',')::bigint[])
                group by 1, 2
                """)) {
            jdbc.sql(sql)
                    .params(first.atDay(1), last.plusMonths(1).atDay(1), ids)
                    .query(rs -> {});
        }
    }

    private String signIn(String username) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String login = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return cookies.getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
    }

    /** One wrk run (1 thread, 4 connections): its RESULT line. */
    private static String wrk(String url, String cookie, String seconds) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder("wrk", "-t1", "-c4", "-d" + seconds + "s", "-s", "bench/wrk/dashboard.lua", url);
        builder.environment().put("COOKIE", cookie);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String result = "";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring(7);
                }
            }
        }
        process.waitFor();
        return result;
    }

    private static double p95(String result) {
        Matcher m = Pattern.compile("p95=([0-9.]+)").matcher(result);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
