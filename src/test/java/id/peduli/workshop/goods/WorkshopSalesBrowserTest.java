package id.peduli.workshop.goods;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.Browser;
import id.peduli.BrowserTestSupport;
import id.peduli.PeduliTest;
import id.peduli.Today;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A mentor on a phone-sized screen sells goods of their site: asking for more than is in stock is refused with the
 * product and what is there, a sale within the stock leads to its page with the invoice number and the channel in
 * words. Both languages, checked with axe.
 */
@PeduliTest
class WorkshopSalesBrowserTest extends BrowserTestSupport {

    @Autowired
    ApplicationContext context;

    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void aMentorSellsFromTheSiteStockOnAPhone(String language) {
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Temanggung");
        boolean english = language.equals("en");

        signInAs(GoodsTestSupport.MENTOR);
        browser.switchLanguage(language);
        browser.driver().manage().window().setSize(Browser.PHONE);
        browser.open("/workshop/goods/sites/" + goods.site());
        browser.assertAccessible();

        sell(goods, "500");
        assertThat(browser.currentPath()).startsWith("/workshop/goods/sites/" + goods.site());
        assertThat(browser.driver().getPageSource())
                .contains(
                        english
                                ? "Not enough Keset matriks in stock: 19 lembar available"
                                : "Stok Keset matriks tidak cukup: tersedia 19 lembar");
        browser.assertAccessible();

        sell(goods, "2");
        assertThat(browser.currentPath()).startsWith("/workshop/goods/sales/");
        assertThat(browser.text("invoiceNumber")).startsWith("SW-" + goods.site() + "-");
        assertThat(browser.text("saleChannelLabel")).isEqualTo(english ? "Online" : "Daring");
        assertThat(browser.text("saleTotal")).isEqualTo("Rp 30.000");
        browser.assertAccessible();
    }

    private void sell(GoodsFixtures.Objects goods, String quantity) {
        browser.enterDate("saleSoldOn", Today.date());
        browser.type("saleBuyer", "Ibu Ratna");
        browser.choose("saleChannel", "ONLINE");
        browser.choose("saleProduct1", String.valueOf(goods.product()));
        browser.type("saleQty1", quantity);
        browser.clickAndAwaitPage("saleSubmit");
    }
}
