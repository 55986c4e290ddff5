package id.peduli.workshop.goods;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.workshop.goods.GoodsTestSupport.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.Today;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every goods form refused on the server answers 422 with its page as typed, a list of what to fix with a link to each
 * field, and the script that focuses the first one, as the registry's household forms do; nothing is written.
 */
@PeduliTest
class GoodsFormsKeepInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewMaterialRefusedKeepsWhatWasTypedAndLinksTheField() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Ponorogo");
        String page = refused(post("/workshop/goods/sites/" + goods.site() + "/materials")
                .param("code", "LEM-K")
                .param("name", "Lem kayu")
                .param("unit", "")
                .param("unitCost", "7500"));
        assertThat(page)
                .contains("id=\"materialErrors\"")
                .contains("href=\"#matUnit\"")
                .contains("Satuan: Wajib diisi.")
                .contains("value=\"LEM-K\"")
                .contains("value=\"Lem kayu\"")
                .contains("value=\"7500\"")
                .contains("/js/form-errors.js");
        assertThat(jdbc.sql("select count(*) from workshop.material where code = 'LEM-K' and site_id = ?")
                        .param(goods.site())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aMaterialEditRefusedForAStaleVersionKeepsTheNewValues() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Ponorogo");
        String page = refused(post("/workshop/goods/materials/" + goods.material())
                .param("version", "9")
                .param("code", "BNG-BARU")
                .param("name", "Benang baru")
                .param("unit", "gulung")
                .param("unitCost", "6100"));
        assertThat(page)
                .contains("id=\"materialEditErrors\"")
                .contains("value=\"Benang baru\"")
                .contains("value=\"6100\"")
                .containsPattern("id=\"edActive\" name=\"active\" value=\"true\">");
    }

    @Test
    void aMovementRefusedKeepsTheKindTheDateAndTheReason() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Ponorogo");
        String page = refused(post("/workshop/goods/materials/" + goods.material() + "/movements")
                .param("kind", "ADJUST")
                .param("movedOn", Today.date().plusDays(2).toString())
                .param("quantity", "3")
                .param("reason", "hitung ulang gudang"));
        assertThat(page)
                .contains("id=\"movementErrors\"")
                .contains("href=\"#mvOn\"")
                .contains("<option value=\"ADJUST\" selected>")
                .contains("value=\"" + Today.date().plusDays(2) + "\"")
                .contains("value=\"hitung ulang gudang\"");
    }

    @Test
    void aWorkOrderRefusedKeepsTheBuyerAndTheProduct() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Ponorogo");
        String page = refused(post("/workshop/goods/sites/" + goods.site() + "/work-orders")
                .param("buyer", "Hotel Kenanga")
                .param("productId", String.valueOf(goods.product()))
                .param("quantity", "0")
                .param("dueOn", Today.date().plusDays(9).toString()));
        assertThat(page)
                .contains("id=\"workOrderErrors\"")
                .contains("href=\"#woQuantity\"")
                .contains("value=\"Hotel Kenanga\"")
                .contains("<option value=\"" + goods.product() + "\" selected>")
                .contains("value=\"" + Today.date().plusDays(9) + "\"");
    }

    @Test
    void aWorkOrderMoveRefusedKeepsTheReasonAndLinksTheStatus() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Ponorogo");
        String page = refused(post("/workshop/goods/work-orders/" + goods.workOrder() + "/status")
                .param("version", "0")
                .param("status", "CANCELLED")
                .param("reason", ""));
        assertThat(page)
                .contains("id=\"workOrderMoveErrors\"")
                .contains("href=\"#woReason" + goods.workOrder() + "\"")
                .contains("<option value=\"CANCELLED\" selected>");
    }

    @Test
    void aTransferRefusedKeepsItsLinesAndLinksThem() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Ponorogo");
        String page = refused(post("/workshop/goods/sites/" + goods.site() + "/transfers")
                .param("movedOn", Today.date().toString())
                .param("note", "untuk bazar")
                .param("productId", String.valueOf(goods.product()), "", "")
                .param("quantity", "999", "", ""));
        assertThat(page)
                .contains("id=\"transferErrors\"")
                .contains("href=\"#trProduct1\"")
                .contains("value=\"untuk bazar\"")
                .contains("value=\"999\"")
                .contains("<option value=\"" + goods.product() + "\" selected>");
    }

    @Test
    void aGallerySaleRefusedKeepsTheBuyerTheChannelAndTheLines() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Ponorogo");
        String page = refused(post("/workshop/goods/galleries/" + goods.gallery() + "/sales")
                .param("soldOn", Today.date().toString())
                .param("buyer", "Pengunjung pameran")
                .param("channel", "ONLINE")
                .param("productId", String.valueOf(goods.product()), "", "")
                .param("quantity", "100000", "", "")
                .param("unitPrice", "", "", ""));
        assertThat(page)
                .contains("id=\"saleErrors\"")
                .contains("href=\"#saleProduct1\"")
                .contains("value=\"Pengunjung pameran\"")
                .contains("<option value=\"ONLINE\" selected>")
                .contains("value=\"100000\"");
        String noBuyer = refused(post("/workshop/goods/sites/" + goods.site() + "/sales")
                .param("soldOn", Today.date().toString())
                .param("buyer", "")
                .param("channel", "LOCAL_BUYER")
                .param("note", "titip")
                .param("productId", String.valueOf(goods.product()), "", "")
                .param("quantity", "1", "", "")
                .param("unitPrice", "", "", ""));
        assertThat(noBuyer).contains("href=\"#saleBuyer\"").contains("value=\"titip\"");
    }

    @Test
    void aSaleCorrectionRefusedKeepsTheNoteAndLinksTheBuyer() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Ponorogo");
        String page = refused(post("/workshop/goods/sales/" + goods.sale())
                .param("version", "0")
                .param("buyer", "")
                .param("note", "dibayar tunai"));
        assertThat(page)
                .contains("id=\"saleAmendErrors\"")
                .contains("href=\"#amBuyer\"")
                .contains("value=\"dibayar tunai\"")
                .contains("/js/form-errors.js");
        assertThat(jdbc.sql("select buyer from workshop.sale where id = ?")
                        .param(goods.sale())
                        .query(String.class)
                        .single())
                .isEqualTo("Pembeli Matriks");
    }

    private String refused(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as(context, MANAGER)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
