package id.peduli.workshop;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.workshop.WorkshopTestSupport.MANAGER;
import static id.peduli.workshop.WorkshopTestSupport.MENTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.shared.BusinessException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Indicators, dashboards by province, their downloads, the monthly report and product pictures. */
@PeduliTest
class WorkshopReportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkshopIndicators indicators;

    @Test
    void twelveMonthRetentionIsTheShareOfAYearAgosPlacementsStillEmployedAtTheirYearFollowUp() {
        long kediri = WorkshopTestSupport.site(context, "SW Peduli Kediri");
        YearMonth started = Today.month().minusMonths(14);
        // three placements started in the same month: employed at 365 days, left by then, follow-up not done yet
        long kept = placement(kediri, started.atDay(3));
        long left = placement(kediri, started.atDay(10));
        placement(kediri, started.atDay(20));
        followUp(kept, 365, started.atDay(3).plusDays(366), true);
        followUp(left, 365, started.atDay(10).plusDays(370), false);
        followUp(left, 90, started.atDay(10).plusDays(91), true);

        YearMonth month = started.plusMonths(12);
        List<id.peduli.indicator.IndicatorValue> values =
                indicators.values("WS_RETENTION_365", Set.of(kediri), month.minusMonths(1), month.plusMonths(1));

        assertThat(values).singleElement().satisfies(v -> {
            assertThat(v.period()).isEqualTo(month);
            assertThat(v.value()).isEqualByComparingTo(new BigDecimal("33.3"));
        });
        // the same figure for a group of sites (a province on the dashboard)
        assertThat(indicators.grouped("WS_RETENTION_365", Map.of(kediri, 7L), month, month))
                .singleElement()
                .satisfies(v -> assertThat(v.unitId()).isEqualTo(7L));
    }

    @Test
    void attendanceAndProductionFiguresFollowTheRecordsAsTheyAreAdded() throws Exception {
        long site = WorkshopTestSupport.freshSite(context, "SW Uji Angka");
        ProductView tas = WorkshopTestSupport.product(context, site, "TAS-ANGKA", 10_000);
        YearMonth month = Today.month().minusMonths(3);
        Participant ika = WorkshopTestSupport.participant(context, mvc, site, "Ika Uji Angka", month.atDay(1));
        Participant lia = WorkshopTestSupport.participant(context, mvc, site, "Lia Uji Angka", month.atDay(1));
        record(site, month.atDay(2), ika, tas, 5);

        assertThat(value("WS_PRODUCTION_VALUE", site, month)).isEqualByComparingTo("50000");
        assertThat(value("WS_PARTICIPANTS_ACTIVE", site, month)).isEqualByComparingTo("1");

        // a later entry for the same month (sent from a phone days after) counts at the next reading
        record(site, month.atDay(3), lia, tas, 2);
        record(site, month.atDay(3), ika, tas, 1);
        assertThat(value("WS_PRODUCTION_VALUE", site, month)).isEqualByComparingTo("80000");
        assertThat(value("WS_PARTICIPANTS_ACTIVE", site, month)).isEqualByComparingTo("2");
        assertThat(value("WS_ATTENDANCE_RATE", site, month)).isEqualByComparingTo("100");
    }

    @Test
    void theProgrammeDashboardGroupsByProvinceAndDownloadsAsXlsxAndAMonthlyReport() throws Exception {
        long kediri = WorkshopTestSupport.site(context, "SW Peduli Kediri");
        long klaten = WorkshopTestSupport.site(context, "SW Peduli Klaten");
        YearMonth month = Today.month().minusMonths(2);
        placement(kediri, month.atDay(5));
        placement(klaten, month.atDay(6));
        String query = "?level=province&from=" + month + "&to=" + month;

        String page = mvc.perform(get("/workshop/dashboard" + query).with(as(context, MANAGER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Jawa Timur", "Jawa Tengah", "Masih bekerja pada tindak lanjut 12 bulan");
        assertThat(page).doesNotContain(">SW Peduli Kediri</th>");

        byte[] xlsx = mvc.perform(get("/workshop/dashboard.xlsx" + query).with(as(context, MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Provinsi");
            int placements = -1;
            for (int i = 0; i < rows.get(0).getCellCount(); i++) {
                if (rows.get(0).getCellText(i).equals("Penempatan kerja baru")) {
                    placements = i;
                }
            }
            assertThat(placements).isPositive();
            Row east = rows.stream()
                    .filter(r -> r.getCellText(0).equals("Jawa Timur"))
                    .findFirst()
                    .orElseThrow();
            assertThat(east.getCellAsNumber(placements).orElseThrow()).isGreaterThanOrEqualTo(BigDecimal.ONE);
        }

        byte[] pdf = mvc.perform(
                        get("/workshop/dashboard/report.pdf?month=" + month).with(as(context, MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("Laporan bulanan", "SW Peduli Kediri", "SW Peduli Klaten", "Seluruh program");
        reader.close();

        byte[] english = mvc.perform(get("/workshop/dashboard/report.pdf?month=" + month + "&site=" + kediri)
                        .with(as(context, MANAGER))
                        .cookie(new jakarta.servlet.http.Cookie("peduli_lang", "en")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfReader englishReader = new PdfReader(english);
        String englishText = new PdfTextExtractor(englishReader).getTextFromPage(1);
        englishReader.close();
        assertThat(englishText).contains("monthly report", "SW Peduli Kediri").doesNotContain("SW Peduli Klaten");

        // the Temanggung mentor may not ask for a site of another centre: as if it did not exist
        mvc.perform(get("/workshop/dashboard/report.pdf?month=" + month + "&site=" + kediri)
                        .with(as(context, MENTOR)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aProductPictureIsCheckedByContentAndPrintedOnTheStatement() throws Exception {
        long site = WorkshopTestSupport.site(context, "SW Peduli Boyolali");
        ProductView product = WorkshopTestSupport.product(context, site, "KST-GAMBAR", 12_000);
        byte[] png = png(800, 400);

        mvc.perform(multipart("/workshop/products/" + product.id() + "/picture")
                        .file(new MockMultipartFile("picture", "keset.png", "image/png", png))
                        .with(as(context, MANAGER))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        // a mentor holds the role for a site, not for the centre the product belongs to
        mvc.perform(get("/workshop/products/" + product.id() + "/picture").with(as(context, MENTOR)))
                .andExpect(status().isNotFound());
        byte[] stored = mvc.perform(
                        get("/workshop/products/" + product.id() + "/picture").with(as(context, MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(image.getWidth()).isEqualTo(ProductPictures.SIDE);
        String page = mvc.perform(get("/workshop/products").with(as(context, MANAGER)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/workshop/products/" + product.id() + "/picture\" alt=\"Gambar Keset KST-GAMBAR\"");

        ProductPictures pictures = context.getBean(ProductPictures.class);
        byte[] text = "GIF89a not a picture".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> WorkshopTestSupport.asUser(context, MANAGER, () -> {
                    pictures.store(product, new ByteArrayInputStream(text));
                    return null;
                }))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.status()).isEqualTo(415);
                    assertThat(e.messageKey()).isEqualTo("workshop.picture.wrongType");
                });
        assertThat(pictures.load(product.id()).orElseThrow().data()).isEqualTo(stored);

        PayoutLineView line = new PayoutLineView(
                1,
                2,
                3,
                "Sari",
                10,
                12,
                0,
                Money.of(12_000),
                Money.of(10_800),
                Money.of(0),
                Money.of(10_800),
                List.of(
                        new PayoutLineView.Step("workshop.working.days", List.of("10")),
                        new PayoutLineView.Step(
                                "workshop.working.piece", List.of("#" + product.id(), "12", "Rp1.000", "Rp12.000"))),
                null,
                null,
                null);
        PayoutRunView run = new PayoutRunView(
                1,
                site,
                "SW Peduli Boyolali",
                Today.month().minusMonths(1),
                PayoutRunView.Status.APPROVED,
                EarningsRule.Kind.PIECE_RATE,
                1000,
                Money.of(12_000),
                Money.of(1_200),
                Money.of(10_800),
                Instant.now(),
                Instant.now(),
                1,
                List.of(line));
        byte[] statement = WorkshopTestSupport.asUser(
                context,
                MANAGER,
                () -> context.getBean(PayoutStatements.class).pdf(run, line, Locale.forLanguageTag("id")));
        PdfReader reader = new PdfReader(statement);
        String words = new PdfTextExtractor(reader).getTextFromPage(1);
        int images = 0;
        for (int i = 1; i <= reader.getXrefSize(); i++) {
            if (reader.getPdfObject(i) instanceof com.lowagie.text.pdf.PRStream stream
                    && com.lowagie.text.pdf.PdfName.IMAGE.equals(stream.get(com.lowagie.text.pdf.PdfName.SUBTYPE))) {
                images++;
            }
        }
        reader.close();
        assertThat(images).isEqualTo(1);
        assertThat(words).contains("Keset KST-GAMBAR");
    }

    private java.math.BigDecimal value(String code, long site, YearMonth month) {
        return indicators.values(code, Set.of(site), month, month).stream()
                .findFirst()
                .orElseThrow()
                .value();
    }

    private void record(long site, LocalDate day, Participant who, ProductView product, int quantity) throws Exception {
        mvc.perform(id.peduli.access.AccessTestSupport.bearer(
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/v1/workshop/sessions/batch"),
                                context,
                                MANAGER)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(tools.jackson.databind.json.JsonMapper.builder()
                                .build()
                                .writeValueAsString(Map.of(
                                        "entries",
                                        List.of(WorkshopTests.entry(
                                                java.util.UUID.randomUUID(),
                                                site,
                                                day,
                                                who.enrolmentId(),
                                                product.id(),
                                                quantity,
                                                60,
                                                0))))))
                .andExpect(status().isOk());
    }

    private long placement(long site, LocalDate startedOn) {
        return jdbc.sql("""
                        insert into workshop.placement (site_id, enrolment_id, person_id, employer_name, kind, started_on,
                            monthly_wage, hours_per_week) values (?, ?, ?, 'Toko Uji', 'COMPETITIVE', ?, 1000000, 30)
                        returning id
                        """)
                .params(site, -site, -site, startedOn)
                .query(Long.class)
                .single();
    }

    private void followUp(long placement, int mark, LocalDate doneOn, boolean employed) {
        jdbc.sql("""
                        insert into workshop.follow_up (placement_id, day_mark, due_on, done_on, still_employed)
                        values (?, ?, ?, ?, ?)
                        """).params(placement, mark, doneOn, doneOn, employed).update();
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x2a, 0x7a, 0x4b));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
