package id.peduli.workshop;

import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.peduli.BrowserTestSupport;
import id.peduli.PeduliTest;
import id.peduli.Today;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payout and placement journeys, then the programme dashboard that shows them: a manager computes and approves a
 * site's payout and downloads a statement (in Indonesian); the centre's social worker, signed in as themselves, records
 * a placement and its 90-day follow-up (in English); the dashboard shows the month's median earnings and the
 * placement, in both languages. Both sites are the test's own, so the demo sites' year does not change the figures.
 */
@PeduliTest
class WorkshopPayoutBrowserTest extends BrowserTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Payouts payouts;

    @Test
    void aManagerApprovesAPayoutAWorkerRecordsAPlacementAndTheDashboardShowsBoth() throws Exception {
        // data through the services: a site with a rule, a participant and a month of production
        // sites of their own: the demo sites carry a year of frozen payouts and placements of their own
        long magelang = WorkshopTestSupport.freshSite(context, "SW Uji Jalan Bayar");
        long temanggung = WorkshopTestSupport.freshSite(context, "SW Uji Jalan Kerja");
        YearMonth month = Today.month().minusMonths(2);
        ProductView tas = WorkshopTestSupport.product(context, magelang, "TAS-JLN", 30_000);
        Participant wati = WorkshopTestSupport.participant(
                context, mvc, magelang, "Wati Uji Bayar", month.atDay(1).minusMonths(1));
        WorkshopTestSupport.asUser(
                context,
                WorkshopTestSupport.MANAGER,
                () -> payouts.storeRule(
                        magelang,
                        new EarningsRuleCommand(
                                month, EarningsRule.Kind.PIECE_RATE, 10, null, null, Map.of(tas.id(), 5_000L))));
        mvc.perform(bearer(post("/api/v1/workshop/sessions/batch"), context, WorkshopTestSupport.MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of(
                                "entries",
                                List.of(
                                        WorkshopTests.entry(
                                                UUID.randomUUID(),
                                                magelang,
                                                month.atDay(5),
                                                wati.enrolmentId(),
                                                tas.id(),
                                                4,
                                                120,
                                                0),
                                        WorkshopTests.entry(
                                                UUID.randomUUID(),
                                                magelang,
                                                month.atDay(6),
                                                wati.enrolmentId(),
                                                tas.id(),
                                                6,
                                                120,
                                                0))))))
                .andReturn();
        LocalDate start = Today.date().minusDays(100);
        Participant joko =
                WorkshopTestSupport.participant(context, mvc, temanggung, "Joko Uji Kerja", start.minusMonths(3));

        // the manager computes the month, approves it and downloads a statement
        signInAs(WorkshopTestSupport.MANAGER);
        browser.open("/workshop/sites/" + magelang);
        assertThat(browser.driver().findElements(By.id("payoutPeriod")))
                .as("the payout form on %s", browser.describePage())
                .isNotEmpty();
        browser.assertAccessible();
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('payoutPeriod').value = arguments[0];", month.toString());
        browser.clickAndAwaitPage("computePayout");
        assertThat(browser.currentPath()).startsWith("/workshop/payouts/");
        // 10 bags at Rp 5.000, 10 % to the group fund: Rp 45.000 for Wati
        assertThat(browser.text("paidTotal")).contains("45.000");
        browser.assertAccessible();
        browser.clickAndAwaitPage("approvePayout");
        assertThat(browser.text("runStatus")).isEqualTo("Disetujui dan dikunci");
        WebElement statement = browser.element(By.cssSelector("a[href$='statement.pdf?lang=id']"));
        Object pdf = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.arrayBuffer().then(b => done(r.headers.get('content-type') + ' '
                      + String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 5))))))
                  .catch(e => done(String(e)));
                """, statement.getAttribute("href"));
        assertThat(pdf).isEqualTo("application/pdf %PDF-");
        browser.signOut();

        // the centre's social worker records a placement and, once 90 days have passed, its follow-up, in English
        signInAs(WorkshopStaffTests.WORKER);
        browser.switchLanguage("en");
        browser.open("/workshop/sites/" + temanggung);
        browser.choose("plParticipant", String.valueOf(joko.enrolmentId()));
        browser.type("plEmployer", "Bengkel Las Maju");
        browser.type("plSector", "Welding");
        browser.enterDate("plStart", start);
        browser.type("plWage", "1200000");
        browser.type("plHours", "35");
        browser.clickAndAwaitPage("savePlacement");
        assertThat(browser.driver().getPageSource()).contains("Bengkel Las Maju");
        browser.assertAccessible();
        long placement = jdbc.sql("select id from workshop.placement where employer_name = 'Bengkel Las Maju'")
                .query(Long.class)
                .single();
        assertThat(recordedBy("select created_by from workshop.placement where id = ?", placement))
                .isEqualTo(WorkshopStaffTests.WORKER);
        long ninety = jdbc.sql("select id from workshop.follow_up where placement_id = ? and day_mark = 90")
                .param(placement)
                .query(Long.class)
                .single();
        browser.enterDate("fuDate" + ninety, Today.date().minusDays(5));
        browser.choose("fuEmp" + ninety, "true");
        browser.type("fuWage" + ninety, "1300000");
        browser.clickAndAwaitPage(browser.element(By.cssSelector(
                "form[action='/workshop/placements/" + placement + "/follow-ups/" + ninety + "'] button")));
        assertThat(jdbc.sql("select still_employed from workshop.follow_up where id = ?")
                        .param(ninety)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(recordedBy("select recorded_by from workshop.follow_up where id = ?", ninety))
                .isEqualTo(WorkshopStaffTests.WORKER);
        browser.signOut();

        // the programme dashboard, per site: the payout's median, the placement and the retention, in both languages
        signInAs(WorkshopTestSupport.MANAGER);
        browser.switchLanguage("en");
        String from =
                YearMonth.from(start).isBefore(month) ? YearMonth.from(start).toString() : month.toString();
        browser.open("/workshop/dashboard?level=site&from=" + from + "&to=" + Today.month());
        assertThat(cell("SW Uji Jalan Bayar", month, "Median monthly earnings of SW participants"))
                .isEqualTo("45000");
        assertThat(cell("SW Uji Jalan Kerja", YearMonth.from(start), "New work placements"))
                .isEqualTo("1");
        assertThat(cell(
                        "SW Uji Jalan Kerja",
                        YearMonth.from(Today.date().minusDays(5)),
                        "Still employed at the 90-day follow-up"))
                .isEqualTo("100");
        browser.until(d -> !d.findElements(By.cssSelector("#dashChart canvas")).isEmpty());
        browser.assertAccessible();
        browser.switchLanguage("id");
        browser.open("/workshop/dashboard?level=province&from=" + from + "&to=" + Today.month());
        assertThat(browser.element("dashXlsx").getText()).isEqualTo("Unduh XLSX");
        assertThat(browser.driver().getPageSource()).contains("Jawa Tengah");
        browser.assertAccessible();
    }

    /** The username of the account whose id the query answers for {@code id}. */
    private String recordedBy(String query, long id) {
        long userId = jdbc.sql(query).param(id).query(Long.class).single();
        return jdbc.sql("select username from access.user_account where id = ?")
                .param(userId)
                .query(String.class)
                .single();
    }

    /** The table cell of a group, month and indicator (by its column heading), as the figure it holds. */
    private String cell(String group, YearMonth month, String heading) {
        List<WebElement> headings = browser.elements(By.cssSelector("#dashTable thead th"));
        int column = -1;
        for (int i = 0; i < headings.size(); i++) {
            if (headings.get(i).getText().trim().equals(heading)) {
                column = i;
            }
        }
        assertThat(column).as(heading).isGreaterThan(1);
        WebElement row =
                browser.element(By.cssSelector("#dashTable tr[data-site='" + group + "'][data-month='" + month + "']"));
        return row.findElements(By.cssSelector("th, td")).get(column).getAttribute("data-value");
    }
}
