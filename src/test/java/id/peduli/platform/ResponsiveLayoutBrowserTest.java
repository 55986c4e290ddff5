package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.Browser;
import id.peduli.BrowserTestSupport;
import id.peduli.PeduliTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The main pages fit a 1366×768 laptop and a 360×740 phone: nothing makes the page scroll sideways, and on the phone
 * the menu folds behind the toggler and opens from it.
 */
@PeduliTest
class ResponsiveLayoutBrowserTest extends BrowserTestSupport {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"desktop", "phone"})
    void mainPagesFitTheScreen(String screen) {
        boolean phone = screen.equals("phone");
        Dimension size = phone ? Browser.PHONE : Browser.DESKTOP;
        browser.forgetCookies();
        browser.resize(size);
        assertThat(browser.viewport()).isEqualTo(size);

        browser.open("/login");
        assertFits();
        assertThat(browser.elements(By.cssSelector("button[name=lang]")))
                .hasSize(2)
                .allSatisfy(button -> assertThat(button.isDisplayed()).isTrue());

        signInAs("admin");
        for (String page : List.of("/", "/admin/units", "/admin/users/new")) {
            browser.open(page);
            assertFits();
            assertMenuFor(phone);
        }

        signInAs("auditor");
        browser.open("/audit");
        assertFits();
        assertMenuFor(phone);
        browser.signOut();
    }

    private void assertFits() {
        assertThat(browser.scrollsHorizontally())
                .as(
                        "%s scrolls sideways: %s px wide in a %s px viewport",
                        browser.currentPath(),
                        browser.script("return document.documentElement.scrollWidth"),
                        browser.viewport().getWidth())
                .isFalse();
    }

    /** On a phone the menu hides behind a visible toggler that opens it; on a laptop it shows without one. */
    private void assertMenuFor(boolean phone) {
        WebElement toggler = browser.element(By.cssSelector(".navbar-toggler"));
        WebElement firstEntry = browser.element(By.cssSelector("#mainNav .nav-link"));
        if (!phone) {
            assertThat(toggler.isDisplayed())
                    .as("toggler on %s", browser.currentPath())
                    .isFalse();
            assertThat(firstEntry.isDisplayed()).isTrue();
            return;
        }
        assertThat(toggler.isDisplayed())
                .as("toggler on %s", browser.currentPath())
                .isTrue();
        assertThat(firstEntry.isDisplayed()).isFalse();
        browser.expandMenuIfCollapsed();
        assertThat(firstEntry.isDisplayed()).isTrue();
        assertFits();
    }
}
