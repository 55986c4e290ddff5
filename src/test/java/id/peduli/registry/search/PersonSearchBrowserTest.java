package id.peduli.registry.search;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.Browser;
import id.peduli.BrowserTestSupport;
import id.peduli.PeduliTest;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

/**
 * The people search page in Chromium, on a 1366×768 laptop and a 360×740 phone: search with a typo, results,
 * export panel; the page fits without sideways scrolling and axe finds no serious accessibility violation.
 * Screenshots go to {@code target/screenshots}.
 */
@PeduliTest
class PersonSearchBrowserTest extends BrowserTestSupport {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"desktop", "phone"})
    void searchWithATypoAndOpenTheExportPanel(String screen) {
        Dimension size = screen.equals("phone") ? Browser.PHONE : Browser.DESKTOP;
        browser.resize(size);
        signInAs("manajer.kartini");
        browser.open("/people");
        assertThat(browser.element("peopleSearch").isDisplayed()).isTrue();
        browser.assertAccessible();

        browser.type("q", "Handayanigsih");
        // Pressing Enter in the search box submits the form, as on a phone keyboard.
        browser.element("q").sendKeys(Keys.ENTER);
        // The list before the search has a result count too: wait for the answer to the search itself.
        browser.until(d -> browser.currentPath().equals("/people/search")
                && browser.elements(By.id("resultCount")).size() == 1);
        browser.awaitQuiet();
        assertThat(browser.currentPath()).isEqualTo("/people/search");
        assertThat(browser.element("resultCount").getText()).isNotBlank();
        assertThat(browser.scrollsHorizontally())
                .as(() -> "the page scrolls sideways: " + browser.widerThanWindow())
                .isFalse();
        browser.assertAccessible();

        if (!browser.elements(By.id("exportPanel")).isEmpty()) {
            browser.awaitQuiet();
            browser.script("arguments[0].click()", browser.element(By.cssSelector("#exportPanel summary")));
            browser.script("arguments[0].scrollIntoView({block: 'start'})", browser.element("exportPanel"));
            assertThat(browser.element("reason").isDisplayed()).isTrue();
            assertThat(browser.scrollsHorizontally()).isFalse();
            browser.assertAccessible();
        }
        browser.screenshot(Path.of("target", "screenshots", "people-search-" + screen + ".png"));
    }
}
