package id.peduli.innovation.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.BrowserTestSupport;
import id.peduli.PeduliTest;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.period.ParticipantType;
import id.peduli.innovation.period.ProposalGroup;
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
 * The competition's first journey in real Chromium, in Indonesian and in English, with axe on every page it opens: the
 * unit operator finishes a draft (the last answer saved by autosave while typing) and sends it to the agency; the
 * agency verifier returns it with a comment; the operator sends it again and the verifier submits it to the ministry.
 */
@PeduliTest
class InnovationBrowserTest extends BrowserTestSupport {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final String[] ASPECTS = {
        "BACKGROUND",
        "CATEGORY_FIT",
        "SDG_PRIORITY",
        "DESCRIPTION",
        "INNOVATIVENESS",
        "TRANSFERABILITY",
        "RESOURCES",
        "SUSTAINABILITY",
        "RESULTS",
        "STAKEHOLDERS"
    };

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
    void theOperatorDraftsTheVerifierReturnsThenSubmits(String language) {
        long id = draftWithAllButTheLastAnswer("Layanan Alat Bantu Dengar Keliling " + RUNS.incrementAndGet());

        signInAs("operator.temanggung");
        browser.switchLanguage(language);
        browser.open("/innovation/proposals/" + id);
        browser.assertAccessible();
        browser.type("answer-LESSONS", "Pelajaran utama: libatkan keluarga dan kader desa sejak perencanaan.");
        browser.until(d -> d.findElement(By.id("status-LESSONS"))
                .getText()
                .contains(language.equals("en") ? "11 of 11" : "11 dari 11"));
        browser.clickAndAwaitPage("sendToAgency");
        assertThat(browser.text("proposalState"))
                .isEqualTo(language.equals("en") ? "With the agency verifier" : "Diperiksa verifikator instansi");
        browser.assertAccessible();

        signInAs("verifikator.jateng");
        browser.switchLanguage(language);
        browser.open("/innovation/proposals/" + id);
        browser.assertAccessible();
        browser.type("comment", "Tambahkan jumlah penerima alat bantu dengar per bulan.");
        browser.clickAndAwaitPage("returnToUnit");
        assertThat(browser.text("proposalState"))
                .isEqualTo(language.equals("en") ? "Returned to the unit" : "Dikembalikan ke unit");

        signInAs("operator.temanggung");
        browser.switchLanguage(language);
        browser.open("/innovation/proposals/" + id);
        assertThat(browser.text("historyTable")).contains("Tambahkan jumlah penerima");
        browser.clickAndAwaitPage("sendToAgency");

        signInAs("verifikator.jateng");
        browser.switchLanguage(language);
        browser.open("/innovation/proposals/" + id);
        browser.clickAndAwaitPage("submitProposal");
        assertThat(browser.text("proposalState"))
                .isEqualTo(language.equals("en") ? "Submitted to the ministry" : "Diajukan ke kementerian");
        browser.assertAccessible();
        browser.open("/innovation/inbox");
        browser.assertAccessible();
    }

    /** A draft of the demo operator with every answer but the last, made through the service. */
    private long draftWithAllButTheLastAnswer(String title) {
        long period = InnovationTestSupport.currentPeriod(jdbc);
        long unit = jdbc.sql("select p.unit_id from innovation.proposal p join innovation.innovation i on i.id = "
                        + "p.innovation_id where i.title = 'Gerai Layanan Disabilitas Terpadu Temanggung'")
                .query(Long.class)
                .single();
        Proposals proposals = context.getBean(Proposals.class);
        return InnovationTestSupport.as(context, "operator.temanggung", () -> {
            ProposalView p = proposals.create(
                    period,
                    new InnovationForm(
                            unit,
                            title,
                            LocalDate.of(2021, 3, 1),
                            "Warga tuli sulit mendapat alat bantu dengar.",
                            "",
                            "",
                            "",
                            "SDG3",
                            "",
                            "",
                            ParticipantType.REGENCY,
                            false,
                            ProposalGroup.GENERAL,
                            "SOCIAL_PROTECTION",
                            null,
                            "",
                            null));
            for (String aspect : ASPECTS) {
                proposals.saveAnswer(
                        p.id(),
                        aspect,
                        "Jawaban lengkap untuk aspek ini dengan data sebelum dan sesudah inovasi berjalan.");
            }
            return p.id();
        });
    }
}
