package id.peduli.innovation.award;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.Browser;
import id.peduli.BrowserTestSupport;
import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.access.Role;
import id.peduli.innovation.CompetitionTestData;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.award.StagesView.Verdict;
import id.peduli.innovation.evaluation.Evaluations;
import id.peduli.innovation.period.Periods;
import id.peduli.organization.Organizations;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The competition from the score to the certificate in real Chromium, in Indonesian and in English, with axe on the
 * pages it opens: the demo evaluator scores an assigned proposal; the panel proposes the Top 99; a visitor files an
 * objection on the public page without signing in; the panel answers it and, once the window has closed, fixes the Top
 * 99 decree; after the final stages (through the services) the winner's certificate is downloaded as a PDF.
 */
@PeduliTest
class CompetitionAwardBrowserTest extends BrowserTestSupport {

    private static final AtomicInteger RUNS = new AtomicInteger();

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seed() {
        InnovationTestSupport.ensureSeed(context);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void fromTheScoreToTheCertificate(String language) {
        boolean en = language.equals("en");
        int run = RUNS.incrementAndGet();
        long period = CompetitionTestData.period(context);
        long other = CompetitionTestData.evaluator(context, "penilai.surabaya", "Pemerintah Kota Surabaya");
        long ours = CompetitionTestData.passedProposal(
                context, period, "Dinas Sosial Kabupaten Temanggung", "Layanan Kursi Roda Keliling " + run);
        long theirs = CompetitionTestData.passedProposal(
                context, period, "Dinas Sosial Kabupaten Temanggung", "Layanan Terapi Wicara Desa " + run);
        Evaluations evaluations = context.getBean(Evaluations.class);
        InnovationTestSupport.as(context, "sekretariat", () -> {
            evaluations.assign(ours, "evaluator", false);
            return evaluations.assign(theirs, "penilai.surabaya", false);
        });
        CompetitionTestData.score(
                context, "penilai.surabaya", CompetitionTestData.assignmentOf(jdbc, theirs, other), 6);
        long assignment = jdbc.sql("select a.id from innovation.evaluator_assignment a join access.user_account u on "
                        + "u.id = a.evaluator_id where a.proposal_id = ? and u.username = 'evaluator'")
                .param(ours)
                .query(Long.class)
                .single();

        // the evaluator scores the assigned proposal aspect by aspect
        signInAs("evaluator");
        browser.switchLanguage(language);
        browser.open("/innovation/evaluations/" + assignment);
        browser.assertAccessible();
        for (var field : browser.elements(By.cssSelector("#scoreForm input[type=number]"))) {
            field.clear();
            field.sendKeys("7");
        }
        browser.type("comment_RESULTS", "Data sebelum dan sesudah meyakinkan.");
        browser.clickAndAwaitPage("saveScores");
        assertThat(browser.text("sheetClosed")).isNotBlank(); // scored: the sheet is closed for changes
        browser.assertAccessible();

        // the panel sees the ranking by normalised score and proposes the Top 99
        signInAs("panelis");
        browser.switchLanguage(language);
        browser.open("/innovation/periods/" + period + "/ranking");
        browser.assertAccessible();
        assertThat(browser.text("rankingTable")).contains("Layanan Kursi Roda Keliling " + run);
        browser.type("topJustification", "Periode uji dengan dua proposal; kuota tidak dapat dipenuhi.");
        browser.clickAndAwaitPage("proposeTop");
        assertThat(browser.text("rankingTable")).contains(en ? "Proposed for the Top 99" : "Usulan Top 99");
        browser.assertAccessible();

        // a visitor files an objection on the public page, without signing in
        browser.reset();
        browser.open("/public/innovation/objections");
        browser.switchLanguage(language);
        browser.assertAccessible();
        browser.choose("proposalId", String.valueOf(ours));
        browser.type("name", "Warga Kledung");
        browser.type("contact", "warga.kledung@contoh.id");
        browser.type("text", "Layanan kursi roda ini belum menjangkau desa kami seperti yang tertulis di proposal.");
        browser.clickAndAwaitPage("sendObjection");
        assertThat(browser.text("objectionSent")).isNotBlank();
        browser.assertAccessible();
        long objection = jdbc.sql("select id from innovation.objection where proposal_id = ?")
                .param(ours)
                .query(Long.class)
                .single();

        // the window closes (it opened longer ago than its days)
        Periods periods = context.getBean(Periods.class);
        periods.openObjectionWindow(
                period,
                context.getBean(Clock.class)
                        .instant()
                        .minus(Duration.ofDays(periods.get(period).objectionDays() + 1L)));

        // the panel answers the objection and fixes the decree
        signInAs("panelis");
        browser.switchLanguage(language);
        browser.open("/innovation/periods/" + period + "/ranking");
        browser.type("answer-" + objection, "Tim akan memeriksa jangkauan layanan saat verifikasi lapangan.");
        browser.clickAndAwaitPage(browser.element(By.cssSelector("#answer-" + objection + " ~ button")));
        assertThat(browser.driver().getPageSource()).contains("Tim akan memeriksa jangkauan layanan");
        browser.type("decreeNumber", "KEP-" + run + "/TOP99/2026");
        browser.enterDate("decreeDate", LocalDate.of(2026, 11, 30));
        browser.clickAndAwaitPage(browser.element(By.cssSelector("#decreeForm button[type=submit]")));
        assertThat(browser.text("announcementList")).contains("KEP-" + run + "/TOP99/2026");
        browser.assertAccessible();

        // presentation, field verification and the final plenary through the services
        Panel panel = context.getBean(Panel.class);
        Presentations presentations = context.getBean(Presentations.class);
        FieldVerifications visits = context.getBean(FieldVerifications.class);
        InnovationTestSupport.as(context, "panelis", () -> {
            for (long id : List.of(ours, theirs)) {
                presentations.plan(
                        id, Today.date().minusDays(3), LocalTime.of(9, 0), "Aula Kementerian", null, Role.PANELIST);
                presentations.score(id, id == ours ? 9 : 7, id == ours ? 9 : 7, "Jelas.");
                visits.record(
                        id,
                        Today.date().minusDays(1),
                        Verdict.VERIFIED,
                        "Sesuai di lapangan.",
                        List.of("evaluator"),
                        List.of(CompetitionStagesTests.PNG));
            }
            return panel.decreeWinners(period, "KEP-" + run + "/JUARA/2026", LocalDate.of(2026, 12, 15));
        });

        // the winner's certificate is downloaded
        browser.open("/innovation/proposals/" + ours);
        browser.assertAccessible();
        String href = browser.element("certificateLink").getAttribute("href");
        Object download = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch(arguments[0], {credentials: 'same-origin'})
                          .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type')
                              + ' ' + String.fromCharCode(...new Uint8Array(b.slice(0, 5))))))
                          .catch(e => done(String(e)));
                        """, href);
        assertThat(download).isEqualTo("200 application/pdf %PDF-");
    }

    /**
     * The replication follow-up page (the replicating unit's operator) and the evaluator caps page (secretariat) pass
     * axe at desktop width and on a phone, without sideways scrolling, after a status change on the page.
     */
    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void theReplicationFollowUpAndEvaluatorCapsPagesAreAccessible(String language) {
        boolean en = language.equals("en");
        long unit = context.getBean(Organizations.class).tree().stream()
                .filter(u -> u.name().equals("Dinas Sosial Kabupaten Temanggung"))
                .findFirst()
                .orElseThrow()
                .id();
        long source = jdbc.sql("""
                        select i.id from innovation.innovation i
                        where i.unit_id <> :unit
                          and exists (select 1 from innovation.proposal p where p.innovation_id = i.id
                                      and p.state in ('WINNER', 'OUTSTANDING', 'TOP_REPLICATION'))
                          and not exists (select 1 from innovation.replication r where r.source_innovation_id = i.id
                                          and r.adopter_unit_id = :unit)
                        order by i.id limit 1
                        """).param("unit", unit).query(Long.class).single();
        Replications replications = context.getBean(Replications.class);
        ReplicationFollowUps followUps = context.getBean(ReplicationFollowUps.class);
        long replication = InnovationTestSupport.as(context, "operator.temanggung", () -> {
            Replications.View registered = replications.register(new Replications.Form(
                    source,
                    unit,
                    Today.date().minusMonths(3),
                    "Disesuaikan untuk layanan kecamatan.",
                    Replications.Status.RUNNING,
                    null));
            long id = registered.id();
            followUps.addResult(
                    id,
                    new ReplicationFollowUps.Result(
                            Today.date().minusDays(7),
                            "Layanan menjangkau dua kecamatan pertama.",
                            new java.math.BigDecimal("120"),
                            "warga terlayani",
                            registered.version()));
            return id;
        });

        signInAs("operator.temanggung");
        browser.switchLanguage(language);
        try {
            for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
                browser.resize(size);
                browser.open("/innovation/replications/" + replication);
                browser.assertAccessible();
                assertThat(browser.scrollsHorizontally()).isFalse();
            }
            browser.choose("status", "COMPLETED");
            browser.type("note", "Layanan sudah berjalan di semua kecamatan.");
            browser.clickAndAwaitPage("statusSubmit");
            assertThat(browser.text("replicationStatus")).isEqualTo(en ? "Completed" : "Selesai");
            assertThat(browser.scrollsHorizontally()).isFalse();
            browser.assertAccessible();
        } finally {
            browser.resize(Browser.DESKTOP);
        }

        long period = CompetitionTestData.period(context);
        CompetitionTestData.evaluator(context, "penilai.surabaya", "Pemerintah Kota Surabaya");
        signInAs("sekretariat");
        browser.switchLanguage(language);
        try {
            for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
                browser.resize(size);
                browser.open("/innovation/periods/" + period + "/evaluator-caps");
                browser.assertAccessible();
                assertThat(browser.scrollsHorizontally()).isFalse();
            }
        } finally {
            browser.resize(Browser.DESKTOP);
        }
    }
}
