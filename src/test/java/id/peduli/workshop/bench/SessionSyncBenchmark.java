package id.peduli.workshop.bench;

import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.access.AccessTestSupport;
import id.peduli.workshop.WorkshopBenchSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sync of 500 offline entries from one phone: one POST of 500 entries to {@code /api/v1/workshop/sessions/batch} over
 * HTTP (25 participants × 20 days, a product line each), as a mentor's phone sends them after a day without signal.
 * Baselines in the same run: the same 500 entries as 500 single-entry posts, and one plain SQL INSERT of 500 attendance
 * rows and 500 production rows (no checks, no audit, nothing answered). Three tries each, median and spread; every try
 * sends new entry ids. Not part of the build (the class name does not end in Test); run it with {@code
 * bench/workshop-sync.sh}.
 */
@PeduliTest
class SessionSyncBenchmark {

    static final int PARTICIPANTS = 25;
    static final int DAYS = 20;
    static final String MENTOR = "manajer.kartini";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void syncOf500EntriesAgainstSinglePostsAndAPlainInsert() throws Exception {
        WorkshopBenchSupport.SyncSite site =
                WorkshopBenchSupport.syncSite(context, mvc, "SW Uji Sinkron", PARTICIPANTS);
        String token = AccessTestSupport.tokenFor(context, MENTOR, 1);
        HttpClient http = HttpClient.newHttpClient();
        // warm-up: one small batch, so that the first try does not pay for class loading
        post(http, token, entries(site, 1));
        long[] batch = new long[3];
        long[] single = new long[3];
        long[] insert = new long[3];
        for (int i = 0; i < 3; i++) {
            List<String> entries = entries(site, DAYS);
            long t0 = System.nanoTime();
            String answer = post(http, token, entries);
            batch[i] = (System.nanoTime() - t0) / 1_000_000;
            long stored = count(answer, "\"STORED\"");

            List<String> again = entries(site, DAYS);
            long t1 = System.nanoTime();
            long singles = 0;
            for (String entry : again) {
                singles += count(post(http, token, List.of(entry)), "\"STORED\"");
            }
            single[i] = (System.nanoTime() - t1) / 1_000_000;

            long t2 = System.nanoTime();
            long rows = new TransactionTemplate(transactions).execute(s -> plainInsert(site));
            insert[i] = (System.nanoTime() - t2) / 1_000_000;
            System.out.printf(
                    "BENCH try %d: batch of %d %d ms (%d stored), %d single posts %d ms (%d stored), plain INSERT %d ms"
                            + " (%d rows)%n",
                    i + 1, entries.size(), batch[i], stored, again.size(), single[i], singles, insert[i], rows);
        }
        print("batch of 500 entries", batch);
        print("500 single-entry posts", single);
        print("plain INSERT of 500 + 500 rows", insert);
    }

    private List<String> entries(WorkshopBenchSupport.SyncSite site, int days) {
        List<String> entries = new ArrayList<>();
        LocalDate today = Today.date();
        for (int d = 0; d < days; d++) {
            for (long participant : site.participants()) {
                entries.add("{\"entryId\":\"" + UUID.randomUUID() + "\",\"siteId\":" + site.siteId() + ",\"date\":\""
                        + today.minusDays(d) + "\",\"participantId\":" + participant + ",\"present\":true,"
                        + "\"lines\":[{\"productId\":" + site.productId() + ",\"quantity\":8,\"minutes\":180,"
                        + "\"rejects\":1}]}");
            }
        }
        return entries;
    }

    private String post(HttpClient http, String token, List<String> entries) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/workshop/sessions/batch"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"entries\":[" + String.join(",", entries) + "]}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private long plainInsert(WorkshopBenchSupport.SyncSite site) {
        long sessions = jdbc.sql("""
                        insert into workshop.session (site_id, held_on)
                        select ?, current_date - d from generate_series(0, ? - 1) d
                        on conflict (site_id, held_on) do nothing
                        """).params(site.siteId(), DAYS).update();
        long attendance = jdbc.sql("""
                        insert into workshop.attendance (session_id, site_id, held_on, enrolment_id, person_id, present,
                            entry_id)
                        select s.id, s.site_id, s.held_on, -e, -e, true, gen_random_uuid()
                        from workshop.session s, unnest(?::bigint[]) e
                        where s.site_id = ? and s.held_on > current_date - ?
                        on conflict (session_id, enrolment_id) do update set present = true
                        """)
                .params(site.participants().toArray(new Long[0]), site.siteId(), DAYS)
                .update();
        long production = jdbc.sql("""
                        insert into workshop.production_record (session_id, site_id, made_on, enrolment_id, person_id,
                            product_id, quantity, rejects, minutes, entry_id)
                        select s.id, s.site_id, s.held_on, -e, -e, ?, 8, 1, 180, gen_random_uuid()
                        from workshop.session s, unnest(?::bigint[]) e
                        where s.site_id = ? and s.held_on > current_date - ?
                        """)
                .params(site.productId(), site.participants().toArray(new Long[0]), site.siteId(), DAYS)
                .update();
        return sessions + attendance + production;
    }

    private static long count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }

    private static void print(String what, long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf("BENCH %s: median %d ms, spread %d-%d ms%n", what, sorted[1], sorted[0], sorted[2]);
    }
}
