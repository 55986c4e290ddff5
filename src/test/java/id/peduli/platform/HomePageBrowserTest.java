package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.Browser;
import id.peduli.BrowserTestSupport;
import id.peduli.PeduliTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The home page in Chromium: a social worker starts from her tasks and first steps, the logistics officer is not
 * offered to register anyone, an evaluator is told honestly that his part is not in this build; on a laptop and a
 * phone, without accessibility violations.
 */
@PeduliTest
class HomePageBrowserTest extends BrowserTestSupport {

    @Test
    void eachRoleSeesWhatItCanDoFirst() {
        signInAs("pekerja.alyatama");
        browser.open("/");
        assertThat(browser.text("role-SOCIAL_WORKER")).contains("Daftarkan orang baru", "Cari orang yang dilayani");
        browser.assertAccessible();
        browser.clickAndAwaitPage(browser.element(By.cssSelector("#role-SOCIAL_WORKER a[href='/people/new']")));
        assertThat(browser.currentPath()).isEqualTo("/people/new");

        signInAs("logistik.alyatama");
        browser.open("/");
        assertThat(browser.text("role-LOGISTICS_OFFICER"))
                .contains("Cari orang yang dilayani")
                .doesNotContain("Daftarkan");
        assertThat(browser.elements(By.cssSelector("main a[href='/people/new']")))
                .isEmpty();

        browser.resize(Browser.PHONE);
        signInAs("evaluator");
        browser.open("/");
        // the competition module serves evaluators: their card says what they do, not "not in this version"
        assertThat(browser.text("role-EVALUATOR"))
                .contains("menilai proposal")
                .doesNotContain("belum tersedia di versi ini");
        assertThat(browser.scrollsHorizontally()).isFalse();
        browser.assertAccessible();
    }
}
