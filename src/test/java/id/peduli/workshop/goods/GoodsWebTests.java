package id.peduli.workshop.goods;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.workshop.goods.GoodsTestSupport.MANAGER;
import static id.peduli.workshop.goods.GoodsTestSupport.MENTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.peduli.PeduliTest;
import id.peduli.Today;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@PeduliTest
class GoodsWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theGoodsPagesSpeakBothLanguagesAndShowLabelsNotCodes() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Ponorogo");
        String overview = page("/workshop/goods", "id");
        assertThat(overview).contains("Barang &amp; penjualan SW").contains("SW Peduli Ponorogo");
        assertThat(page("/workshop/goods", "en"))
                .contains("SW goods &amp; sales")
                .contains("Gallery of");

        String site = page("/workshop/goods/sites/" + goods.site(), "id");
        assertThat(site)
                .contains("Stok barang jadi", "Pesanan kerja", "Bahan baku", "Penjualan", "Pengiriman ke galeri")
                .contains("Pembeli setempat", "Diterima", "Benang matriks", "Keset matriks")
                .doesNotContain(">LOCAL_BUYER<", ">OPEN<");
        String english = page("/workshop/goods/sites/" + goods.site(), "en");
        assertThat(english)
                .contains("Finished goods", "Work orders", "Materials", "Transfers to the gallery")
                .contains("Local buyer", "Taken", "In production");

        assertThat(page("/workshop/goods/galleries/" + goods.gallery(), "id"))
                .contains("Galeri", "Diterima dari lokasi");
        assertThat(page("/workshop/goods/galleries/" + goods.gallery(), "en")).contains("Received from sites");
        assertThat(page("/workshop/goods/materials/" + goods.material(), "id"))
                .contains("Benang matriks", "Pembelian (masuk)", "Koreksi hitung stok");
        assertThat(page("/workshop/goods/materials/" + goods.material(), "en"))
                .contains("Purchase (in)", "Count correction");
        assertThat(page("/workshop/goods/sales/" + goods.sale(), "id"))
                .contains("Pembeli setempat", "lima belas ribu rupiah");
        assertThat(page("/workshop/goods/sales/" + goods.sale(), "en"))
                .contains("Local buyer", "fifteen thousand rupiah");
    }

    @Test
    void aSaleFormIsRefusedBeyondTheStockAndOtherwiseLeadsToItsInvoice() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Malang");
        String form = "/workshop/goods/sites/" + goods.site() + "/sales";
        long before = sales(goods.site());
        mvc.perform(post(form)
                        .with(as(context, MANAGER))
                        .with(csrf())
                        .param("soldOn", Today.date().toString())
                        .param("buyer", "Ibu Ratna")
                        .param("channel", "LOCAL_BUYER")
                        .param("productId", String.valueOf(goods.product()), "", "")
                        .param("quantity", "500", "", "")
                        .param("unitPrice", "", "", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Stok Keset matriks tidak cukup: tersedia 19 lembar, diminta 500.")))
                .andExpect(content().string(Matchers.containsString("href=\"#saleProduct1\"")))
                .andExpect(content().string(Matchers.containsString("value=\"Ibu Ratna\"")))
                .andExpect(content().string(Matchers.containsString("value=\"500\"")));
        assertThat(sales(goods.site())).isEqualTo(before);

        MvcResult sold = mvc.perform(post(form)
                        .with(as(context, MANAGER))
                        .with(csrf())
                        .param("soldOn", Today.date().toString())
                        .param("buyer", "Ibu Ratna")
                        .param("channel", "ONLINE")
                        .param("productId", String.valueOf(goods.product()), "", "")
                        .param("quantity", "3", "", "")
                        .param("unitPrice", "12500", "", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", Matchers.containsString("Rp 37.500")))
                .andReturn();
        String location = sold.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/workshop/goods/sales/");
        long saleId = Long.parseLong(location.substring("/workshop/goods/sales/".length()));
        String number = jdbc.sql("select invoice_number from workshop.sale where id = ?")
                .param(saleId)
                .query(String.class)
                .single();

        String indonesian = invoiceText(saleId, "id");
        assertThat(indonesian)
                .contains("Faktur", number, "Ibu Ratna", "Daring", "Rp 37.500")
                .contains("Tiga puluh tujuh ribu lima ratus rupiah");
        String english = invoiceText(saleId, "en");
        assertThat(english)
                .contains("Invoice", number, "Online", "In words")
                .contains("Thirty-seven thousand five hundred rupiah");
    }

    @Test
    void formsGiveTheReasonOfARefusalAndAMentorDoesNotSeeAnotherSite() throws Exception {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Kediri");
        mvc.perform(post("/workshop/goods/materials/" + goods.material() + "/movements")
                        .with(as(context, MANAGER))
                        .with(csrf())
                        .param("kind", "OUT")
                        .param("movedOn", Today.date().toString())
                        .param("quantity", "2"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Stok Benang matriks tinggal 0 gulung; gerakan ini membuatnya di bawah nol.")))
                .andExpect(content().string(Matchers.containsString("href=\"#mvQty\"")));
        mvc.perform(post("/workshop/goods/sites/" + goods.site() + "/materials")
                        .with(as(context, MANAGER))
                        .with(csrf())
                        .param("code", "LEM")
                        .param("name", "")
                        .param("unit", "botol")
                        .param("unitCost", "7000"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Nama: Wajib diisi.")))
                .andExpect(content().string(Matchers.containsString("href=\"#matName\"")));
        mvc.perform(post("/workshop/goods/work-orders/" + goods.workOrder() + "/status")
                        .with(as(context, MANAGER))
                        .with(csrf())
                        .param("version", "0")
                        .param("status", "DELIVERED"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Pesanan berstatus Diterima tidak dapat diubah menjadi Sudah diserahkan.")))
                .andExpect(content().string(Matchers.containsString("href=\"#woStatus" + goods.workOrder() + "\"")));
        mvc.perform(post("/workshop/goods/work-orders/" + goods.workOrder() + "/status")
                        .with(as(context, MANAGER))
                        .with(csrf())
                        .param("version", "0")
                        .param("status", "IN_PRODUCTION"))
                .andExpect(flash().attribute("success", "Pesanan dari Toko Matriks kini berstatus Sedang diproduksi."));

        long temanggung = GoodsTestSupport.unit(context, "SW Peduli Temanggung");
        mvc.perform(get("/workshop/goods/sites/" + temanggung).with(as(context, MENTOR)))
                .andExpect(status().isOk());
        String other = mvc.perform(get("/workshop/goods/sites/" + goods.site()).with(as(context, MENTOR)))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(other).doesNotContain("Kediri").doesNotContain("Benang");
        mvc.perform(get("/workshop/goods/galleries/" + goods.gallery()).with(as(context, MENTOR)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/workshop/goods/sales/" + goods.sale() + "/invoice.pdf")
                        .with(as(context, MENTOR)))
                .andExpect(status().isNotFound());
        String overview = mvc.perform(get("/workshop/goods").with(as(context, MENTOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(overview).contains("SW Peduli Temanggung").doesNotContain("SW Peduli Kediri");
    }

    private String invoiceText(long saleId, String lang) throws Exception {
        byte[] pdf = mvc.perform(get("/workshop/goods/sales/" + saleId + "/invoice.pdf?lang=" + lang)
                        .with(as(context, MANAGER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PdfReader reader = new PdfReader(pdf)) {
            return new PdfTextExtractor(reader).getTextFromPage(1);
        }
    }

    private long sales(long site) {
        return jdbc.sql("select count(*) from workshop.sale where location_id = ?")
                .param(site)
                .query(Long.class)
                .single();
    }

    private String page(String path, String lang) throws Exception {
        return mvc.perform(get(path).with(as(context, MANAGER)).cookie(new Cookie("peduli_lang", lang)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
