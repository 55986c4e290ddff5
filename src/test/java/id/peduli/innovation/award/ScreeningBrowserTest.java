package id.peduli.innovation.award;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.Browser;
import id.peduli.BrowserTestSupport;
import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.access.Role;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.demo.InnovationDemoSeed;
import id.peduli.innovation.period.ParticipantType;
import id.peduli.innovation.period.PeriodForm;
import id.peduli.innovation.period.Periods;
import id.peduli.innovation.period.ProposalGroup;
import id.peduli.innovation.proposal.InnovationForm;
import id.peduli.innovation.proposal.ProposalView;
import id.peduli.innovation.proposal.Proposals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secretariat's screening in real Chromium, in Indonesian and in English, with axe on every page it opens: a
 * proposal that copies the 2018 workshop of another agency is flagged as a near-duplicate with the matching passages
 * side by side, and the secretariat fails it with the reason and a note. Then a panelist records a field visit on a
 * phone-sized window, with a photo, and the proposal is verified in the field.
 */
@PeduliTest
class ScreeningBrowserTest extends BrowserTestSupport {

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
    void theSecretariatFailsACopyWithTheNearDuplicateSideBySide(String language) throws IOException {
        boolean en = language.equals("en");
        long copy = submittedCopy("Bengkel Kerja Netra Mandiri " + RUNS.incrementAndGet());

        signInAs("sekretariat");
        browser.switchLanguage(language);
        browser.open("/innovation/proposals/" + copy);
        browser.assertAccessible();
        // the 2018 workshop of BBRSBG Kartini, with the passages of both side by side
        assertThat(browser.text("similarTable")).contains(InnovationDemoSeed.WORKSHOP, "BBRSBG Kartini Temanggung");
        assertThat(browser.elements(By.cssSelector("#similarTable td .similar-passage")))
                .anySatisfy(p -> assertThat(p.getText()).contains("disabilitas netra"));
        assertThat(browser.element("reason-DUPLICATE").isSelected()).isTrue();
        browser.element("resultFail").click();
        browser.type("note", "Menyalin inovasi BBRSBG Kartini 2018 kata demi kata.");
        browser.clickAndAwaitPage("screenSubmit");
        assertThat(browser.text("proposalState"))
                .isEqualTo(en ? "Failed administrative selection" : "Tidak lolos seleksi administrasi");
        assertThat(browser.text("failReasons"))
                .contains(en ? "Duplicate title or innovation" : "Judul atau inovasi ganda")
                .contains("kata demi kata");
        browser.assertAccessible();

        // S7 on a phone: the panelist records the visit with the evaluator and a photo from the camera
        long presented = presented("Layanan Verifikasi Ponsel " + RUNS.get() + language);
        Path photo = Files.createTempFile("kunjungan", ".png");
        Files.write(photo, CompetitionStagesTests.PNG);
        signInAs("panelis");
        browser.switchLanguage(language);
        browser.resize(Browser.PHONE);
        try {
            browser.open("/innovation/proposals/" + presented + "/field-visit");
            browser.assertAccessible();
            assertThat(browser.scrollsHorizontally()).isFalse();
            browser.enterDate("visitedOn", Today.date().minusDays(1));
            browser.element("verdict-VERIFIED").click();
            browser.type("notes", "Layanan berjalan; kader desa dan warga menunjukkan catatannya.");
            browser.type("companions", "evaluator");
            browser.element("photos").sendKeys(photo.toAbsolutePath().toString());
            browser.clickAndAwaitPage("fieldVisitSubmit");
            assertThat(browser.text("proposalState"))
                    .isEqualTo(en ? "Verified in the field" : "Sudah verifikasi lapangan");
            assertThat(browser.text("fieldVisits")).contains(en ? "Verified" : "Terverifikasi");
            assertThat(browser.scrollsHorizontally()).isFalse();
            browser.assertAccessible();
        } finally {
            browser.resize(Browser.DESKTOP);
            Files.deleteIfExists(photo);
        }
    }

    /** A proposal of Pemkab Temanggung's social office that repeats the 2018 workshop's text, submitted. */
    private long submittedCopy(String title) {
        long period = InnovationTestSupport.currentPeriod(jdbc);
        long unit = jdbc.sql("select p.unit_id from innovation.proposal p join innovation.innovation i on i.id = "
                        + "p.innovation_id where i.title = 'Gerai Layanan Disabilitas Terpadu Temanggung'")
                .query(Long.class)
                .single();
        String problem = jdbc.sql("select problem || ' ' || results from innovation.innovation where title = ? "
                        + "order by id limit 1")
                .param(InnovationDemoSeed.WORKSHOP)
                .query(String.class)
                .single();
        Proposals proposals = context.getBean(Proposals.class);
        long id = InnovationTestSupport.as(context, "operator.temanggung", () -> {
            ProposalView p = proposals.create(
                    period,
                    new InnovationForm(
                            unit,
                            title,
                            LocalDate.of(2020, 3, 1),
                            problem,
                            "",
                            "",
                            "",
                            "SDG8",
                            "",
                            "",
                            ParticipantType.REGENCY,
                            false,
                            ProposalGroup.GENERAL,
                            "SOCIAL_PROTECTION",
                            null,
                            "",
                            null));
            context.getBean(Periods.class)
                    .get(period)
                    .aspectsFor(ProposalGroup.GENERAL)
                    .forEach(a -> proposals.saveAnswer(p.id(), a.code(), problem));
            proposals.sendToAgency(p.id());
            return p.id();
        });
        InnovationTestSupport.as(context, "verifikator.jateng", () -> proposals.submit(id));
        return id;
    }

    /** A Top 99 proposal of its own period whose presentation was scheduled and scored, through the services. */
    private long presented(String title) {
        int year = jdbc.sql("select coalesce(max(year), 2079) + 1 from innovation.period where year between 2080 and "
                        + "2089")
                .query(Integer.class)
                .single();
        long period = InnovationTestSupport.as(
                context,
                "sekretariat",
                () -> context.getBean(Periods.class)
                        .create(PeriodForm.defaults(year))
                        .id());
        long unit = jdbc.sql("select p.unit_id from innovation.proposal p join innovation.innovation i on i.id = "
                        + "p.innovation_id where i.title = 'Gerai Layanan Disabilitas Terpadu Temanggung' limit 1")
                .query(Long.class)
                .single();
        long innovation = jdbc.sql("insert into innovation.innovation (unit_id, title, started_on) values (?, ?, "
                        + "date '2019-01-01') returning id")
                .params(unit, title)
                .query(Long.class)
                .single();
        long id =
                jdbc.sql("""
                        insert into innovation.proposal (period_id, innovation_id, unit_id, grp, state, assessment_score,
                            normalised_score)
                        values (?, ?, ?, 'GENERAL', 'TOP99', 88, 90) returning id
                        """).params(period, innovation, unit).query(Long.class).single();
        Presentations presentations = context.getBean(Presentations.class);
        InnovationTestSupport.as(context, "panelis", () -> {
            presentations.plan(
                    id,
                    Today.date().minusDays(2),
                    java.time.LocalTime.of(9, 0),
                    "Aula Kementerian",
                    null,
                    Role.PANELIST);
            presentations.score(id, 8, 9, "Jelas");
            return null;
        });
        return id;
    }
}
