package id.peduli.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.BrowserTestSupport;
import id.peduli.PeduliTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** The region picker and browser in real Chromium: cascading choices, pre-filling, and axe in both languages. */
@PeduliTest
class RegionPickerBrowserTest extends BrowserTestSupport {

    WebDriver driver;

    @BeforeEach
    void signIn() {
        driver = browser.driver();
        signInAs("pekerja.alyatama");
    }

    @Test
    void prefillsEveryLevelAlongTheSelectedCode() {
        browser.open("/regions/33.23.03.1001");

        browser.until(d -> "33.23.03.1001".equals(selected(4)));
        assertThat(List.of(selected(1), selected(2), selected(3), selected(4)))
                .containsExactly("33", "33.23", "33.23.03", "33.23.03.1001");
        assertThat(levelSelect(2).getOptions()).hasSize(36);
        assertThat(levelSelect(3).getOptions()).hasSize(21);
        assertThat(hiddenValue()).isEqualTo("33.23.03.1001");
        browser.assertNoAccessibilityViolations();
    }

    @Test
    void choosingARegionLoadsTheNextLevelAndClearsTheDeeperOnes() {
        browser.open("/regions/33.23.03.1001");
        browser.until(d -> "33.23.03.1001".equals(selected(4)));

        levelSelect(1).selectByValue("34");
        browser.until(d -> levelSelect(2).getOptions().size() == 6);

        assertThat(selected(2)).isEmpty();
        assertThat(driver.findElement(By.id("region-code-3")).isEnabled()).isFalse();
        assertThat(driver.findElement(By.id("region-code-4")).isEnabled()).isFalse();
        assertThat(levelSelect(3).getOptions()).hasSize(1);
        assertThat(hiddenValue()).isEqualTo("34");

        levelSelect(2).selectByValue("34.01");
        browser.until(d -> levelSelect(3).getOptions().size() > 1);
        assertThat(hiddenValue()).isEqualTo("34.01");

        levelSelect(2).selectByValue("");
        assertThat(hiddenValue()).isEqualTo("34");
        assertThat(driver.findElement(By.id("region-code-3")).isEnabled()).isFalse();

        levelSelect(2).selectByValue("34.02");
        browser.until(d -> levelSelect(3).getOptions().size() > 1);
        browser.clickAndAwaitPage(driver.findElement(By.cssSelector("#regionOpen button[type=submit]")));
        browser.until(d -> d.getCurrentUrl().endsWith("/regions/34.02"));
        assertThat(driver.getTitle()).isEqualTo("Kabupaten Bantul · Peduli");
    }

    /**
     * The session ends while the page stays open: the picker's next request does not put the sign-in page inside the
     * list, the whole page goes to the sign-in page, and signing in leads back to the page.
     */
    @Test
    void aPickerUsedAfterTheSessionEndedGoesToTheSignInPageAndBack() {
        browser.open("/regions/33.23.03.1001");
        browser.until(d -> "33.23.03.1001".equals(selected(4)));
        driver.manage().deleteAllCookies();

        levelSelect(1).selectByValue("34");
        browser.until(d -> browser.currentPath().startsWith("/login"));
        browser.awaitQuiet();
        browser.submitSignIn("pekerja.alyatama", demoPassword);
        assertThat(browser.currentPath()).startsWith("/regions/33.23.03.1001");
        browser.until(d -> "33.23.03.1001".equals(selected(4)));
    }

    @Test
    void browsingAndSearchingAreAccessibleInBothLanguages() {
        browser.open("/regions");
        browser.until(d -> levelSelect(1).getOptions().size() == 39);
        assertThat(driver.findElement(By.cssSelector("label[for=region-code-1]"))
                        .getText())
                .isEqualTo("Provinsi");
        browser.assertNoAccessibilityViolations();
        browser.open("/regions?q=temang");
        assertThat(driver.findElement(By.id("regionResults")).getText()).contains("Kabupaten Temanggung");
        browser.assertNoAccessibilityViolations();

        browser.switchLanguage("en");
        try {
            browser.open("/regions?q=temang");
            assertThat(driver.findElement(By.id("regionResultsHeading")).getText())
                    .isEqualTo("Search results for “temang”");
            browser.assertNoAccessibilityViolations();
            browser.open("/regions/33");
            browser.until(d -> "33".equals(selected(1)));
            assertThat(driver.findElement(By.cssSelector("label[for=region-code-2]"))
                            .getText())
                    .isEqualTo("Regency/City");
            assertThat(driver.findElement(By.id("regionChildrenHeading")).getText())
                    .isEqualTo("Regencies and cities in Jawa Tengah");
            browser.assertNoAccessibilityViolations();
        } finally {
            browser.switchLanguage("id");
        }
    }

    private Select levelSelect(int level) {
        return new Select(driver.findElement(By.id("region-code-" + level)));
    }

    private String selected(int level) {
        return levelSelect(level).getFirstSelectedOption().getAttribute("value");
    }

    private String hiddenValue() {
        return driver.findElement(By.cssSelector("input[name=code][data-region-value]"))
                .getAttribute("value");
    }
}
