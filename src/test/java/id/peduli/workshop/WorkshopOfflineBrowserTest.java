package id.peduli.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.Browser;
import id.peduli.BrowserTestSupport;
import id.peduli.PeduliTest;
import id.peduli.Today;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A mentor records a session on a phone-sized screen without a connection, in Indonesian and in English: the entries
 * stay on the phone (IndexedDB), nothing reaches the server; when the connection returns they are sent and stored
 * exactly once, and sending again records nothing more. An entry an earlier version of the page left in localStorage
 * is moved and sent at the first load.
 */
@PeduliTest
class WorkshopOfflineBrowserTest extends BrowserTestSupport {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void aMentorRecordsASessionOfflineAndItIsStoredOnceWhenBackOnline(String language) throws Exception {
        long site = WorkshopTestSupport.site(context, "SW Peduli Temanggung");
        ProductView keset = WorkshopTestSupport.product(context, site, "KST-HP", 15_000);
        Participant dewi = WorkshopTestSupport.participant(
                context, mvc, site, "Dewi Uji Luring " + language, Today.date().minusMonths(1));
        Participant eko = WorkshopTestSupport.participant(
                context, mvc, site, "Eko Uji Migrasi " + language, Today.date().minusMonths(1));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();

        signInAs(WorkshopTestSupport.MENTOR);
        browser.switchLanguage(language);
        // an entry kept by the earlier page in localStorage
        String kept = "peduli.workshop.pending." + site;
        js.executeScript(
                "localStorage.setItem(arguments[0], JSON.stringify([{entryId: crypto.randomUUID(), siteId: arguments[1],"
                        + " date: arguments[2], participantId: arguments[3], present: true, label: 'Eko',"
                        + " lines: [{productId: arguments[4], quantity: 5, minutes: 60, rejects: 0}]}]))",
                kept,
                site,
                Today.date().toString(),
                eko.enrolmentId(),
                keset.id());
        browser.driver().manage().window().setSize(Browser.PHONE);
        browser.open("/workshop/sites/" + site + "/session");
        browser.assertAccessible();
        String box = "[data-participant='" + dewi.enrolmentId() + "']";
        browser.until(d -> d.findElement(By.id("netStatus")).getText().length() > 0);
        browser.until(d -> records(eko) == 1);
        assertThat(js.executeScript("return localStorage.getItem(arguments[0])", kept))
                .isNull();
        int boxes =
                browser.driver().findElements(By.cssSelector(".pd-participant")).size();

        ChromiumDriver chromium = (ChromiumDriver) browser.driver();
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        chromium.setNetworkConditions(offline);
        try {
            browser.element(By.cssSelector(box + " [data-field='present']")).click();
            new Select(browser.element(By.cssSelector(box + " [data-field='product']")))
                    .selectByValue(String.valueOf(keset.id()));
            browser.element(By.cssSelector(box + " [data-field='quantity']")).sendKeys("12");
            browser.element(By.cssSelector(box + " [data-field='minutes']")).sendKeys("90");
            browser.element(By.cssSelector(box + " [data-field='rejects']")).sendKeys("1");
            browser.element("saveSession").click();
            browser.until(d -> d.findElement(By.id("pendingCount")).getText().startsWith(boxes + " "));
            assertThat(browser.text("netStatus")).contains(language.equals("en") ? "phone" : "ponsel");
            assertThat(records(dewi)).isZero();
        } finally {
            chromium.deleteNetworkConditions();
        }

        browser.element("syncNow").click();
        browser.until(d -> d.findElements(By.cssSelector("#results [data-status='STORED']"))
                        .size()
                > 1);
        browser.until(d -> d.findElement(By.id("pendingCount")).getText().startsWith("0 "));
        assertThat(records(dewi)).isEqualTo(1);
        assertThat(jdbc.sql("select quantity from workshop.production_record where enrolment_id = ?")
                        .param(dewi.enrolmentId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(12);

        // the answer was lost and the phone sends the same entry again: still one record
        browser.driver().navigate().refresh();
        Object again = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const open = indexedDB.open('peduli-workshop');
                open.onerror = () => done('no database');
                open.onsuccess = () => {
                  const read = open.result.transaction('results').objectStore('results').index('site')
                      .getAll(arguments[0]);
                  read.onsuccess = () => {
                  const entry = read.result.find(r => r.status === 'STORED' && r.label.includes(arguments[3]));
                  fetch('/workshop/sessions/batch', {method: 'POST', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/json',
                        [document.querySelector('meta[name="csrf-header"]').content]:
                            document.querySelector('meta[name="csrf-token"]').content},
                    body: JSON.stringify({entries: [{entryId: entry.entryId, siteId: arguments[0],
                        date: entry.date, participantId: arguments[1], present: true,
                        lines: [{productId: arguments[2], quantity: 12, minutes: 90, rejects: 1}]}]})})
                  .then(r => r.json()).then(j => done(j.results[0].status)).catch(e => done(String(e)));
                  };
                };
                """, site, dewi.enrolmentId(), keset.id(), "Dewi Uji Luring " + language);
        assertThat(again).isEqualTo("DUPLICATE");
        assertThat(records(dewi)).isEqualTo(1);
        browser.assertAccessible();
    }

    private long records(Participant participant) {
        return jdbc.sql("select count(*) from workshop.production_record where enrolment_id = ?")
                .param(participant.enrolmentId())
                .query(Long.class)
                .single();
    }
}
