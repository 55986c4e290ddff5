package id.peduli.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import id.peduli.PeduliTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The region picker and browser in real Chromium: cascading choices, pre-filling, and axe in both languages. */
@PeduliTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionPickerBrowserTest {

    @LocalServerPort
    int port;

    @Value("${peduli.demo.password}")
    String demoPassword;

    WebDriver driver;
    WebDriverWait wait;

    @BeforeAll
    void startBrowserAndSignIn() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium").toString());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1024");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("chromedriver").toFile())
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("pekerja.alyatama");
        driver.findElement(By.id("password")).sendKeys(demoPassword);
        driver.findElement(By.id("loginButton")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    @AfterAll
    void quitBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void prefillsEveryLevelAlongTheSelectedCode() {
        driver.get(url("/regions/33.23.03.1001"));

        wait.until(d -> "33.23.03.1001".equals(selected(4)));
        assertThat(List.of(selected(1), selected(2), selected(3), selected(4)))
                .containsExactly("33", "33.23", "33.23.03", "33.23.03.1001");
        assertThat(levelSelect(2).getOptions()).hasSize(36);
        assertThat(levelSelect(3).getOptions()).hasSize(21);
        assertThat(hiddenValue()).isEqualTo("33.23.03.1001");
        assertNoAccessibilityViolations();
    }

    @Test
    void choosingARegionLoadsTheNextLevelAndClearsTheDeeperOnes() {
        driver.get(url("/regions/33.23.03.1001"));
        wait.until(d -> "33.23.03.1001".equals(selected(4)));

        levelSelect(1).selectByValue("34");
        wait.until(d -> levelSelect(2).getOptions().size() == 6);

        assertThat(selected(2)).isEmpty();
        assertThat(driver.findElement(By.id("region-code-3")).isEnabled()).isFalse();
        assertThat(driver.findElement(By.id("region-code-4")).isEnabled()).isFalse();
        assertThat(levelSelect(3).getOptions()).hasSize(1);
        assertThat(hiddenValue()).isEqualTo("34");

        levelSelect(2).selectByValue("34.01");
        wait.until(d -> levelSelect(3).getOptions().size() > 1);
        assertThat(hiddenValue()).isEqualTo("34.01");

        levelSelect(2).selectByValue("");
        assertThat(hiddenValue()).isEqualTo("34");
        assertThat(driver.findElement(By.id("region-code-3")).isEnabled()).isFalse();

        levelSelect(2).selectByValue("34.02");
        wait.until(d -> levelSelect(3).getOptions().size() > 1);
        driver.findElement(By.cssSelector("#regionOpen button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/regions/34.02"));
        assertThat(driver.getTitle()).isEqualTo("Kabupaten Bantul · Peduli");
    }

    @Test
    void browsingAndSearchingAreAccessibleInBothLanguages() {
        driver.get(url("/regions"));
        wait.until(d -> levelSelect(1).getOptions().size() == 39);
        assertThat(driver.findElement(By.cssSelector("label[for=region-code-1]"))
                        .getText())
                .isEqualTo("Provinsi");
        assertNoAccessibilityViolations();
        driver.get(url("/regions?q=temang"));
        assertThat(driver.findElement(By.id("regionResults")).getText()).contains("Kabupaten Temanggung");
        assertNoAccessibilityViolations();

        driver.findElement(By.cssSelector("button[name=lang][value=en]")).click();
        try {
            wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            driver.get(url("/regions?q=temang"));
            assertThat(driver.findElement(By.id("regionResultsHeading")).getText())
                    .isEqualTo("Search results for “temang”");
            assertNoAccessibilityViolations();
            driver.get(url("/regions/33"));
            wait.until(d -> "33".equals(selected(1)));
            assertThat(driver.findElement(By.cssSelector("label[for=region-code-2]"))
                            .getText())
                    .isEqualTo("Regency/City");
            assertThat(driver.findElement(By.id("regionChildrenHeading")).getText())
                    .isEqualTo("Regencies and cities in Jawa Tengah");
            assertNoAccessibilityViolations();
        } finally {
            driver.findElement(By.cssSelector("button[name=lang][value=id]")).click();
            wait.until(d -> "id".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        }
    }

    private void assertNoAccessibilityViolations() {
        Results results = new AxeBuilder().analyze(driver);
        assertThat(results.getViolations())
                .as("axe violations on %s", driver.getCurrentUrl())
                .extracting(Rule::getId)
                .isEmpty();
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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Path executable(String name) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        name + " is not installed; .ci/run installs chromium and chromium-driver"));
    }
}
