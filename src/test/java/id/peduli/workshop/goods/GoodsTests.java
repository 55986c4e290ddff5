package id.peduli.workshop.goods;

import static id.peduli.access.AccessTestSupport.bearer;
import static id.peduli.workshop.goods.GoodsTestSupport.HEAD;
import static id.peduli.workshop.goods.GoodsTestSupport.LOGISTICS;
import static id.peduli.workshop.goods.GoodsTestSupport.MANAGER;
import static id.peduli.workshop.goods.GoodsTestSupport.MENTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.workshop.Money;
import java.time.YearMonth;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PeduliTest
class GoodsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MaterialCosts materialCosts;

    @Test
    void materialStockFollowsItsMovementsAndNeverFallsBelowZero() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Sleman");
        long site = goods.site();
        JsonNode material = json(call(MANAGER, "/api/v1/workshop/sites/" + site + "/materials", """
                        {"code":"kain-01","name":"Kain katun","unit":"meter","unitCost":12000}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("KAIN-01")));
        long id = material.get("id").asLong();
        String moves = "/api/v1/workshop/materials/" + id + "/movements";
        String today = Today.date().toString();
        YearMonth month = Today.month();
        Money before = materialCosts.ofSite(site, month);

        call(MANAGER, moves, "{\"kind\":\"IN\",\"movedOn\":\"" + today + "\",\"quantity\":10,\"cost\":115000}")
                .andExpect(status().isCreated());
        call(
                        MANAGER,
                        moves,
                        "{\"kind\":\"OUT\",\"movedOn\":\"" + today + "\",\"quantity\":4,\"workOrderId\":"
                                + goods.workOrder() + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.quantity").value(-4))
                .andExpect(jsonPath("$.value").value(48000));
        // 6 metres left: taking 7 is refused, naming the material and what is there, in the caller's language
        call(MANAGER, moves, "{\"kind\":\"OUT\",\"movedOn\":\"" + today + "\",\"quantity\":7}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("quantity"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Kain katun tinggal 6 meter")));
        mvc.perform(bearer(post(moves), context, MANAGER)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"kind\":\"ADJUST\",\"movedOn\":\"" + today + "\",\"quantity\":-7,\"reason\":\"x\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Only 6 meter of Kain katun")));
        call(MANAGER, moves, "{\"kind\":\"IN\",\"movedOn\":\"" + today + "\",\"quantity\":0,\"cost\":1}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("goods.quantity.positive"));
        call(MANAGER, moves, "{\"kind\":\"OUT\",\"movedOn\":\"" + today + "\",\"quantity\":-2}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("goods.quantity.positive"));
        call(MANAGER, moves, "{\"kind\":\"IN\",\"movedOn\":\"" + today + "\",\"quantity\":3}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("cost"));
        call(MANAGER, moves, "{\"kind\":\"ADJUST\",\"movedOn\":\"" + today + "\",\"quantity\":-1}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("reason"));
        call(MANAGER, moves, "{\"kind\":\"ADJUST\",\"movedOn\":\"" + today + "\",\"quantity\":0,\"reason\":\"hitung\"}")
                .andExpect(status().isUnprocessableEntity());
        call(
                        MANAGER,
                        moves,
                        "{\"kind\":\"IN\",\"movedOn\":\"" + Today.date().plusDays(1) + "\",\"quantity\":1,"
                                + "\"cost\":1}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("movedOn"));
        call(
                        MANAGER,
                        moves,
                        "{\"kind\":\"ADJUST\",\"movedOn\":\"" + today + "\",\"quantity\":-1,"
                                + "\"reason\":\"satu meter rusak\"}")
                .andExpect(status().isCreated());
        // the refused movements wrote nothing
        assertThat(jdbc.sql("select count(*) from workshop.material_movement where material_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        mvc.perform(bearer(get("/api/v1/workshop/sites/" + site + "/materials"), context, MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].onHand").value(5));
        // the material costs of the month are what was used: 4 metres at 12,000
        assertThat(materialCosts.ofSite(site, month)).isEqualTo(before.plus(Money.of(48_000)));
        assertThat(materialCosts.ofSites(java.util.List.of(site), month))
                .containsEntry(site, before.plus(Money.of(48_000)));
        mvc.perform(bearer(get("/api/v1/workshop/sites/" + site + "/material-costs?period=" + month), context, MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cost").value(before.value() + 48_000));
        // a change with an old version is refused
        int version = material.get("version").asInt();
        String update = "{\"version\":%d,\"material\":{\"code\":\"KAIN-01\",\"name\":\"Kain katun putih\","
                + "\"unit\":\"meter\",\"unitCost\":13000}}";
        mvc.perform(bearer(put("/api/v1/workshop/materials/" + id), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update.formatted(version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitCost").value(13000));
        mvc.perform(bearer(put("/api/v1/workshop/materials/" + id), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update.formatted(version)))
                .andExpect(status().isConflict());
    }

    @Test
    void salesTakeOnlyWhatIsInStockAndNumberTheirInvoicesPerLocationAndYear() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Bantul");
        long site = goods.site();
        long product = goods.product();
        // 20 produced, 1 sold by the fixture
        assertThat(onHand("/api/v1/workshop/sites/" + site + "/stock", product)).isEqualTo(19);
        long salesBefore = monthSales(site);
        assertThat(salesBefore).isGreaterThanOrEqualTo(15_000);
        String sales = "/api/v1/workshop/sites/" + site + "/sales";
        String today = Today.date().toString();
        call(MANAGER, sales, sale(today, "LOCAL_BUYER", product, 20, null))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("lines"))
                .andExpect(
                        jsonPath("$.detail").value("Stok Keset matriks tidak cukup: tersedia 19 lembar, diminta 20."));
        call(MANAGER, sales, sale(today, "LOCAL_BUYER", product, 0, null))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("goods.line.quantityPositive"));
        call(MANAGER, sales, sale(today, "LOCAL_BUYER", product, -1, null)).andExpect(status().isUnprocessableEntity());
        call(MANAGER, sales, "{\"soldOn\":\"" + today + "\",\"buyer\":\"Bu Sri\",\"channel\":\"ORDER\",\"lines\":[]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("goods.lines.required"));
        assertThat(onHand("/api/v1/workshop/sites/" + site + "/stock", product)).isEqualTo(19);

        JsonNode first = json(call(MANAGER, sales, sale(today, "LOCAL_BUYER", product, 4, 16000L))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(64000)));
        JsonNode second = json(call(MANAGER, sales, sale(today, "ONLINE", product, 2, null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(30000)));
        String number = first.get("invoiceNumber").asText();
        String prefix = "SW-" + site + "-" + Today.date().getYear() + "-";
        assertThat(number).startsWith(prefix);
        int n = Integer.parseInt(number.substring(prefix.length()));
        assertThat(second.get("invoiceNumber").asText()).isEqualTo(prefix + "%04d".formatted(n + 1));
        assertThat(onHand("/api/v1/workshop/sites/" + site + "/stock", product)).isEqualTo(13);

        // the same create sent twice with one idempotency key records one sale
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(bearer(post(sales), context, MANAGER)
                            .header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(sale(today, "LOCAL_BUYER", product, 1, null)))
                    .andExpect(status().isCreated());
        }
        assertThat(onHand("/api/v1/workshop/sites/" + site + "/stock", product)).isEqualTo(12);

        // 10 go to the gallery of the centre; the gallery sells from what it received, and not more
        call(MANAGER, "/api/v1/workshop/sites/" + site + "/transfers", """
                        {"movedOn":"%s","note":"untuk pameran","lines":[{"productId":%d,"quantity":13}]}""".formatted(today, product))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("goods.stock.short"));
        long gallery = goods.gallery();
        long galleryBefore = onHand("/api/v1/workshop/galleries/" + gallery + "/stock", product);
        call(MANAGER, "/api/v1/workshop/sites/" + site + "/transfers", """
                        {"movedOn":"%s","note":"untuk pameran","lines":[{"productId":%d,"quantity":10}]}""".formatted(today, product))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines[0].quantity").value(10));
        assertThat(onHand("/api/v1/workshop/sites/" + site + "/stock", product)).isEqualTo(2);
        assertThat(onHand("/api/v1/workshop/galleries/" + gallery + "/stock", product))
                .isEqualTo(galleryBefore + 10);
        String gallerySales = "/api/v1/workshop/galleries/" + gallery + "/sales";
        call(MANAGER, gallerySales, sale(today, "GALLERY", product, (int) galleryBefore + 11, null))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("goods.stock.short"));
        call(MANAGER, gallerySales, sale(today, "GALLERY", product, 3, null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.invoiceNumber").value(Matchers.startsWith("SW-" + gallery + "-")));
        assertThat(onHand("/api/v1/workshop/galleries/" + gallery + "/stock", product))
                .isEqualTo(galleryBefore + 7);

        // the month's sales of the site are published as the indicator WS_SALES
        assertThat(monthSales(site)).isEqualTo(salesBefore + 64_000 + 30_000 + 15_000);
    }

    @Test
    void aWorkOrderMovesThroughItsStatusesAndIsDeliveredByASale() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Kulon Progo");
        long site = goods.site();
        String today = Today.date().toString();
        JsonNode order = json(call(MANAGER, "/api/v1/workshop/sites/" + site + "/work-orders", """
                        {"buyer":"Hotel Melati","productId":%d,"quantity":4,"dueOn":"%s","unitPrice":14000}""".formatted(
                                goods.product(), Today.date().minusDays(1)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.overdue").value(true))
                .andExpect(jsonPath("$.total").value(56000)));
        long id = order.get("id").asLong();
        call(MANAGER, "/api/v1/workshop/sites/" + site + "/work-orders", """
                        {"buyer":"Hotel Melati","productId":%d,"quantity":0,"dueOn":"%s"}""".formatted(goods.product(), today))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("quantity"));
        String move = "/api/v1/workshop/work-orders/" + id + "/status";
        // OPEN cannot jump to READY
        call(MANAGER, move, "{\"version\":0,\"status\":\"READY\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value("Pesanan berstatus Diterima tidak dapat diubah menjadi Siap dikirim."));
        // a sale cannot deliver an order that is not ready, and then writes nothing
        String sales = "/api/v1/workshop/sites/" + site + "/sales";
        String delivering = """
                {"soldOn":"%s","buyer":"Hotel Melati","channel":"ORDER","workOrderId":%d,
                 "lines":[{"productId":%d,"quantity":4,"unitPrice":14000}]}""".formatted(today, id, goods.product());
        long salesBefore = count(site);
        call(MANAGER, sales, delivering)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("goods.sale.workOrderNotReady"));
        assertThat(count(site)).isEqualTo(salesBefore);
        call(MANAGER, move, "{\"version\":0,\"status\":\"IN_PRODUCTION\"}").andExpect(status().isOk());
        call(MANAGER, move, "{\"version\":0,\"status\":\"READY\"}").andExpect(status().isConflict());
        call(MANAGER, move, "{\"version\":1,\"status\":\"READY\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.next[0]").value("DELIVERED"));
        call(MANAGER, sales, delivering).andExpect(status().isCreated());
        mvc.perform(bearer(get("/api/v1/workshop/work-orders/" + id), context, MANAGER))
                .andExpect(jsonPath("$.status").value("DELIVERED"))
                .andExpect(jsonPath("$.overdue").value(false));
        call(MANAGER, move, "{\"version\":3,\"status\":\"CANCELLED\",\"reason\":\"terlambat\"}")
                .andExpect(status().isConflict());
        // another order is cancelled only with a reason
        long other = goods.workOrder();
        call(MANAGER, "/api/v1/workshop/work-orders/" + other + "/status", "{\"version\":0,\"status\":\"CANCELLED\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("reason"));
        call(
                        MANAGER,
                        "/api/v1/workshop/work-orders/" + other + "/status",
                        "{\"version\":0,\"status\":\"CANCELLED\",\"reason\":\"pembeli membatalkan\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cancelReason").value("pembeli membatalkan"));
        assertThat(jdbc.sql("select count(*) from workshop.work_order_step where work_order_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void aMentorWorksOnlyAtTheirSiteAndLogisticsManagesGoodsButSeesNoParticipants() throws Exception {
        GoodsFixtures.Objects temanggung = GoodsTestSupport.fixtures(context, "SW Peduli Temanggung");
        GoodsFixtures.Objects magelang = GoodsTestSupport.fixtures(context, "SW Peduli Magelang");
        long jambi = GoodsTestSupport.unit(context, "Layanan Pesona Surga Kota Jambi");
        GoodsFixtures.Objects alyatama =
                GoodsTestSupport.asUser(context, "admin", () -> GoodsFixtures.create(context, jambi));

        mvc.perform(bearer(get("/api/v1/workshop/sites/" + temanggung.site() + "/stock"), context, MENTOR))
                .andExpect(status().isOk());
        String outside = mvc.perform(
                        bearer(get("/api/v1/workshop/sites/" + magelang.site() + "/stock"), context, MENTOR))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(outside).doesNotContain("Magelang").doesNotContain("Keset");
        String missing = mvc.perform(bearer(get("/api/v1/workshop/sites/987654321/stock"), context, MENTOR))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(missing).isEqualTo(outside.replace(String.valueOf(magelang.site()), "987654321"));
        for (String path : new String[] {
            "/api/v1/workshop/sales/" + magelang.sale(),
            "/api/v1/workshop/work-orders/" + magelang.workOrder(),
            "/api/v1/workshop/materials/" + magelang.material() + "/movements",
            "/api/v1/workshop/galleries/" + temanggung.gallery() + "/stock"
        }) {
            mvc.perform(bearer(get(path), context, MENTOR)).andExpect(status().isNotFound());
        }
        call(
                        MENTOR,
                        "/api/v1/workshop/sites/" + magelang.site() + "/sales",
                        sale(Today.date().toString(), "LOCAL_BUYER", magelang.product(), 1, null))
                .andExpect(status().isNotFound());
        // the mentor records sales at their own site, but does not keep its material list
        call(
                        MENTOR,
                        "/api/v1/workshop/sites/" + temanggung.site() + "/sales",
                        sale(Today.date().toString(), "LOCAL_BUYER", temanggung.product(), 1, null))
                .andExpect(status().isCreated());
        call(
                        MENTOR,
                        "/api/v1/workshop/sites/" + temanggung.site() + "/materials",
                        "{\"code\":\"X1\",\"name\":\"Lem\",\"unit\":\"botol\",\"unitCost\":1}")
                .andExpect(status().isForbidden());

        // the unit head sees every site of the centre and its gallery, and records nothing
        mvc.perform(bearer(get("/api/v1/workshop/sites/" + magelang.site() + "/sales"), context, HEAD))
                .andExpect(status().isOk());
        mvc.perform(bearer(get("/api/v1/workshop/galleries/" + magelang.gallery() + "/stock"), context, HEAD))
                .andExpect(status().isOk());
        call(
                        HEAD,
                        "/api/v1/workshop/sites/" + magelang.site() + "/sales",
                        sale(Today.date().toString(), "LOCAL_BUYER", magelang.product(), 1, null))
                .andExpect(status().isForbidden());

        // logistics of Alyatama keeps materials and sells there, sees nothing of Kartini, and no participants
        call(
                        LOGISTICS,
                        "/api/v1/workshop/sites/" + jambi + "/materials",
                        "{\"code\":\"LOG-1\",\"name\":\"Cat kayu\",\"unit\":\"kaleng\",\"unitCost\":45000}")
                .andExpect(status().isCreated());
        call(
                        LOGISTICS,
                        "/api/v1/workshop/materials/" + alyatama.material() + "/movements",
                        "{\"kind\":\"IN\",\"movedOn\":\"" + Today.date() + "\",\"quantity\":2,\"cost\":9000}")
                .andExpect(status().isCreated());
        call(
                        LOGISTICS,
                        "/api/v1/workshop/sites/" + jambi + "/sales",
                        sale(Today.date().toString(), "ONLINE", alyatama.product(), 2, null))
                .andExpect(status().isCreated());
        mvc.perform(bearer(get("/api/v1/workshop/sites/" + temanggung.site() + "/materials"), context, LOGISTICS))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(get("/api/v1/workshop/sites/" + jambi + "/participants"), context, LOGISTICS))
                .andExpect(status().isForbidden());
    }

    private long monthSales(long site) throws Exception {
        String month = Today.month().toString();
        JsonNode values = json(mvc.perform(bearer(
                        get("/api/v1/indicators/WS_SALES/values?unit=" + site + "&from=" + month + "&to=" + month),
                        context,
                        MANAGER))
                .andExpect(status().isOk()));
        return values.isEmpty() ? 0 : values.get(0).get("value").asLong();
    }

    private long count(long site) {
        return jdbc.sql("select count(*) from workshop.sale where location_id = ?")
                .param(site)
                .query(Long.class)
                .single();
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

    static String sale(String day, String channel, long product, int quantity, Long price) {
        return "{\"soldOn\":\"" + day + "\",\"buyer\":\"Bu Sri\",\"channel\":\"" + channel + "\",\"lines\":[{"
                + "\"productId\":" + product + ",\"quantity\":" + quantity
                + (price == null ? "" : ",\"unitPrice\":" + price) + "}]}";
    }

    private ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(
                bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path), context, user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
