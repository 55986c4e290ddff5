package id.peduli.workshop.goods;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static id.peduli.workshop.goods.GoodsTestSupport.MANAGER;
import static id.peduli.workshop.goods.GoodsTestSupport.MENTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.peduli.PeduliTest;
import id.peduli.Today;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cancelling a sale and returning some of its units: the stock and the indicator {@code WS_SALES} follow, every
 * refusal (a reason missing, more returned than sold, a return on a cancelled sale, cancelling twice, a return dated
 * before the sale or in the future, a stale version, a month already paid out) writes nothing and says why.
 */
@PeduliTest
class SaleCorrectionsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCancelledSalePutsItsGoodsBackLeavesTheIndicatorAndReadsCancelledOnItsInvoice() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Boyolali");
        long site = goods.site();
        long product = goods.product();
        String stock = "/api/v1/workshop/sites/" + site + "/stock";
        long onHand = onHand(stock, product);
        long salesBefore = monthSales(site, Today.month());
        JsonNode sale = json(call(MANAGER, "/api/v1/workshop/sites/" + site + "/sales", sale(product, 5, 12_000L))
                .andExpect(status().isCreated()));
        long id = sale.get("id").asLong();
        String invoice = sale.get("invoiceNumber").asText();
        assertThat(onHand(stock, product)).isEqualTo(onHand - 5);
        assertThat(monthSales(site, Today.month())).isEqualTo(salesBefore + 60_000);

        String cancel = "/api/v1/workshop/sales/" + id + "/cancellation";
        call(MANAGER, cancel, "{\"version\":0}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("reason"))
                .andExpect(jsonPath("$.detail").value("Tuliskan alasannya."));
        call(MANAGER, cancel, "{\"version\":7,\"reason\":\"salah catat\"}").andExpect(status().isConflict());
        assertThat(cancelled(id)).as("nothing written").isFalse();

        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(bearer(post(cancel), context, MANAGER)
                            .header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"version\":0,\"reason\":\"pembeli batal\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.cancelled").value(true))
                    .andExpect(jsonPath("$.cancelReason").value("pembeli batal"))
                    .andExpect(jsonPath("$.invoiceNumber").value(invoice))
                    .andExpect(jsonPath("$.netTotal").value(0));
        }
        assertThat(onHand(stock, product)).as("goods back in stock").isEqualTo(onHand);
        assertThat(monthSales(site, Today.month())).as("no longer counted").isEqualTo(salesBefore);

        call(MANAGER, cancel, "{\"version\":1,\"reason\":\"lagi\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("goods.sale.alreadyCancelled"))
                .andExpect(jsonPath("$.detail").value("Penjualan " + invoice + " sudah dibatalkan sebelumnya."));
        call(MANAGER, "/api/v1/workshop/sales/" + id + "/returns", ret(Today.date(), product, 1, 1))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("goods.return.cancelled"));
        assertThat(invoiceText(id, "id"))
                .contains("DIBATALKAN")
                .contains(invoice)
                .contains("pembeli batal");
        assertThat(invoiceText(id, "en")).contains("CANCELLED");
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'CANCEL_SALE' and subject_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void cancellingTheSaleThatDeliveredAWorkOrderPutsTheOrderBackToReady() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Klaten");
        long order = goods.workOrder();
        String move = "/api/v1/workshop/work-orders/" + order + "/status";
        call(MANAGER, move, "{\"version\":0,\"status\":\"IN_PRODUCTION\"}").andExpect(status().isOk());
        call(MANAGER, move, "{\"version\":1,\"status\":\"READY\"}").andExpect(status().isOk());
        JsonNode sale = json(call(MANAGER, "/api/v1/workshop/sites/" + goods.site() + "/sales", """
                        {"soldOn":"%s","buyer":"Toko Matriks","channel":"ORDER","workOrderId":%d,
                         "lines":[{"productId":%d,"quantity":5}]}""".formatted(
                                Today.date(), order, goods.product()))
                .andExpect(status().isCreated()));
        mvc.perform(bearer(get("/api/v1/workshop/work-orders/" + order), context, MANAGER))
                .andExpect(jsonPath("$.status").value("DELIVERED"));
        call(
                        MANAGER,
                        "/api/v1/workshop/sales/" + sale.get("id").asLong() + "/cancellation",
                        "{\"version\":0,\"reason\":\"barang dikembalikan utuh\"}")
                .andExpect(status().isOk());
        mvc.perform(bearer(get("/api/v1/workshop/work-orders/" + order), context, MANAGER))
                .andExpect(jsonPath("$.status").value("READY"));
        assertThat(jdbc.sql("""
                                select from_status || '>' || to_status || ':' || reason from workshop.work_order_step
                                where work_order_id = ? order by id desc limit 1
                                """).param(order).query(String.class).single())
                .isEqualTo("DELIVERED>READY:barang dikembalikan utuh");
    }

    @Test
    void aReturnPutsUnitsBackLowersTheNetTotalAndTheMonthAndRefusesWhatCannotBe() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Semarang");
        long site = goods.site();
        long product = goods.product();
        String stock = "/api/v1/workshop/sites/" + site + "/stock";
        LocalDate today = Today.date();
        long id = json(call(MANAGER, "/api/v1/workshop/sites/" + site + "/sales", sale(product, 6, 15_000L))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        long onHand = onHand(stock, product);
        long salesBefore = monthSales(site, Today.month());
        String returns = "/api/v1/workshop/sales/" + id + "/returns";

        call(MANAGER, returns, ret(today, product, 7, 0))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("goods.return.tooMany"))
                .andExpect(jsonPath("$.detail")
                        .value("Retur Keset matriks terlalu banyak: terjual 6 lembar, sudah diretur 0 lembar, "
                                + "diminta 7 lembar."));
        call(MANAGER, returns, ret(today.minusDays(400), product, 1, 0))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("returnedOn"))
                .andExpect(jsonPath("$.code").value("goods.return.beforeSale"));
        call(MANAGER, returns, ret(today.plusDays(1), product, 1, 0))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("goods.date.future"));
        call(MANAGER, returns, ret(today, product + 100_000, 1, 0))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("goods.return.notInSale"));
        call(MANAGER, returns, ret(today, product, 0, 0))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("goods.return.nothing"));
        call(
                        MANAGER,
                        returns,
                        "{\"version\":0,\"returnedOn\":\"" + today + "\",\"lines\":[{\"productId\":" + product
                                + ",\"quantity\":1}]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("reason"));
        call(MANAGER, returns, ret(today, product, 1, 3)).andExpect(status().isConflict());
        assertThat(returnsOf(id)).as("nothing written").isZero();
        assertThat(onHand(stock, product)).isEqualTo(onHand);

        call(MANAGER, returns, ret(today, product, 2, 0))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(90_000))
                .andExpect(jsonPath("$.returned").value(30_000))
                .andExpect(jsonPath("$.netTotal").value(60_000))
                .andExpect(jsonPath("$.lines[0].returnedQuantity").value(2))
                .andExpect(jsonPath("$.returns[0].countedOn").value(today.toString()));
        assertThat(onHand(stock, product)).isEqualTo(onHand + 2);
        assertThat(monthSales(site, Today.month())).isEqualTo(salesBefore - 30_000);
        call(MANAGER, returns, ret(today, product, 5, 1))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail")
                        .value("Retur Keset matriks terlalu banyak: terjual 6 lembar, sudah diretur 2 lembar, "
                                + "diminta 5 lembar."));
        call(MANAGER, returns, ret(today, product, 4, 1)).andExpect(status().isCreated());
        assertThat(onHand(stock, product)).isEqualTo(onHand + 6);
        assertThat(monthSales(site, Today.month())).isEqualTo(salesBefore - 90_000);
        assertThat(invoiceText(id, "id")).contains("Total bersih").contains("Retur Keset matriks");
        // a mentor of another site sees this sale as missing
        mvc.perform(bearer(post(returns), context, MENTOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ret(today, product, 1, 2)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSaleOfAPaidOutMonthCannotBeCancelledAndItsReturnCountsInTheMonthItIsRecorded() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Temanggung");
        long site = goods.site();
        long product = goods.product();
        LocalDate frozenDay =
                jdbc.sql("""
                        select max(period) from workshop.payout_run where site_id = ? and status = 'APPROVED'
                        """).param(site).query(LocalDate.class).single().plusDays(3);
        YearMonth frozen = YearMonth.from(frozenDay);
        assertThat(frozen).isBefore(Today.month());
        long id = json(call(MANAGER, "/api/v1/workshop/sites/" + site + "/sales", """
                                {"soldOn":"%s","buyer":"Pasar Kliwon","channel":"LOCAL_BUYER",
                                 "lines":[{"productId":%d,"quantity":3,"unitPrice":10000}]}""".formatted(frozenDay, product))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        long frozenBefore = monthSales(site, frozen);
        long nowBefore = monthSales(site, Today.month());

        call(MANAGER, "/api/v1/workshop/sales/" + id + "/cancellation", "{\"version\":0,\"reason\":\"salah\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("goods.sale.cancelFrozen"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Catat retur")));
        assertThat(cancelled(id)).isFalse();

        call(MANAGER, "/api/v1/workshop/sales/" + id + "/returns", ret(frozenDay.plusDays(1), product, 1, 0))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.returns[0].returnedOn")
                        .value(frozenDay.plusDays(1).toString()))
                .andExpect(jsonPath("$.returns[0].countedOn").value(Today.date().toString()));
        assertThat(monthSales(site, frozen)).as("the paid-out month stays").isEqualTo(frozenBefore);
        assertThat(monthSales(site, Today.month())).isEqualTo(nowBefore - 10_000);
        // the return counted in an open month does not open the paid-out sale to cancellation
        call(MANAGER, "/api/v1/workshop/sales/" + id + "/cancellation", "{\"version\":1,\"reason\":\"salah\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("goods.sale.cancelFrozen"));
    }

    @Test
    void theSalePageCancelsAndReturnsAndARefusedFormComesBackAsTypedWithItsFieldLinked() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Boyolali");
        long id = goods.sale();
        String page = "/workshop/goods/sales/" + id;
        String shown = mvc.perform(get(page).with(as(context, MANAGER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(shown).contains("id=\"saleCancelForm\"").contains("id=\"saleReturnForm\"");

        String refused = mvc.perform(post(page + "/returns")
                        .with(as(context, MANAGER))
                        .with(csrf())
                        .param("version", "0")
                        .param("returnedOn", Today.date().toString())
                        .param("reason", "rusak di jalan")
                        .param("productId", String.valueOf(goods.product()))
                        .param("quantity", "9"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused)
                .contains("id=\"saleReturnErrors\"")
                .contains("href=\"#retQty0\"")
                .contains("value=\"rusak di jalan\"")
                .contains("value=\"9\"")
                .contains("/js/form-errors.js");
        String noReason = mvc.perform(post(page + "/cancel")
                        .with(as(context, MANAGER))
                        .with(csrf())
                        .param("version", "0")
                        .param("reason", " "))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(noReason).contains("id=\"saleCancelErrors\"").contains("href=\"#cancelReason\"");

        mvc.perform(post(page + "/returns")
                        .with(as(context, MANAGER))
                        .with(csrf())
                        .param("version", "0")
                        .param("returnedOn", Today.date().toString())
                        .param("reason", "rusak di jalan")
                        .param("productId", String.valueOf(goods.product()))
                        .param("quantity", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(returnsOf(id)).isEqualTo(1);
        mvc.perform(post(page + "/cancel")
                        .with(as(context, MANAGER))
                        .with(csrf())
                        .param("version", "1")
                        .param("reason", "dobel catat"))
                .andExpect(status().is3xxRedirection());
        String after = mvc.perform(get(page).with(as(context, MANAGER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(after)
                .contains("id=\"saleCancelled\"")
                .contains("DIBATALKAN")
                .contains("dobel catat")
                .doesNotContain("id=\"saleCancelForm\"")
                .doesNotContain("id=\"saleReturnForm\"");
    }

    private boolean cancelled(long id) {
        return jdbc.sql("select cancelled_on is not null from workshop.sale where id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    private long returnsOf(long id) {
        return jdbc.sql("select count(*) from workshop.sale_return where sale_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private long monthSales(long site, YearMonth month) throws Exception {
        JsonNode values = json(mvc.perform(bearer(
                        get("/api/v1/indicators/WS_SALES/values?unit=" + site + "&from=" + month + "&to=" + month),
                        context,
                        MANAGER))
                .andExpect(status().isOk()));
        return values.isEmpty() ? 0 : values.get(0).get("value").asLong();
    }

    private long onHand(String path, long product) throws Exception {
        JsonNode lines = json(mvc.perform(bearer(get(path), context, MANAGER)).andExpect(status().isOk()));
        for (JsonNode line : lines) {
            if (line.get("productId").asLong() == product) {
                return line.get("onHand").asLong();
            }
        }
        return 0;
    }

    private String invoiceText(long saleId, String lang) throws Exception {
        byte[] pdf = mvc.perform(get("/workshop/goods/sales/" + saleId + "/invoice.pdf?lang=" + lang)
                        .with(as(context, MANAGER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PdfReader reader = new PdfReader(pdf)) {
            return new PdfTextExtractor(reader).getTextFromPage(1);
        }
    }

    private static String sale(long product, int quantity, long price) {
        return "{\"soldOn\":\"" + Today.date() + "\",\"buyer\":\"Bu Sri\",\"channel\":\"LOCAL_BUYER\",\"lines\":[{"
                + "\"productId\":" + product + ",\"quantity\":" + quantity + ",\"unitPrice\":" + price + "}]}";
    }

    private static String ret(LocalDate on, long product, int quantity, int version) {
        return "{\"version\":" + version + ",\"returnedOn\":\"" + on + "\",\"reason\":\"rusak\",\"lines\":[{"
                + "\"productId\":" + product + ",\"quantity\":" + quantity + "}]}";
    }

    private ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(bearer(post(path), context, user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
