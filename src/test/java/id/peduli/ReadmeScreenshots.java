package id.peduli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Takes the README's screenshots: starts Peduli with its demo data on a fresh, temporary data directory and a free
 * port, walks through it in headless Chromium (in English) and writes PNGs. Not a test; run it by hand after a
 * change to the look of the pages:
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath) id.peduli.ReadmeScreenshots docs/screenshots
 * </pre>
 */
public final class ReadmeScreenshots {

    private static final String DEMO_PASSWORD = "Peduli.Demo.2026";

    private ReadmeScreenshots() {}

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Path data = Files.createTempDirectory("peduli-screenshots");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PeduliApplication.class)
                .run(
                        "--server.port=0",
                        "--peduli.data-dir=" + data,
                        "--peduli.demo.enabled=true",
                        "--peduli.demo.password=" + DEMO_PASSWORD)) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Browser browser = Browser.start("http://localhost:" + port, Browser.DESKTOP);
            try {
                take(browser, target);
            } finally {
                browser.quit();
            }
        } finally {
            delete(data);
        }
        System.out.println("Screenshots written to " + target.toAbsolutePath());
    }

    private static void take(Browser browser, Path target) {
        browser.open("/login");
        browser.switchLanguage("en");
        browser.submitSignIn("kepala.kartini", "not-the-password");
        browser.open("/login");
        browser.screenshot(target.resolve("login.png"));

        browser.signIn("admin", DEMO_PASSWORD);
        browser.switchLanguage("en");
        browser.open("/");
        browser.screenshot(target.resolve("home.png"));

        browser.open("/admin/units");
        browser.screenshot(target.resolve("organisation-units.png"));

        browser.open("/admin/users?q=manajer.kartini");
        browser.clickAndAwaitPage(browser.element(By.cssSelector("#userTable tbody a")));
        new Select(browser.element("grantRole")).selectByValue("SITE_MENTOR");
        new Select(browser.element("grantUnit"))
                .selectByValue(browser.element(By.xpath("//select[@id='grantUnit']/option[contains(., 'Kartini')]"))
                        .getAttribute("value"));
        browser.clickAndAwaitPage("addGrant");
        browser.screenshot(target.resolve("user-grants.png"));

        browser.resize(Browser.PHONE);
        browser.open("/");
        browser.screenshot(target.resolve("home-phone.png"));
        browser.resize(Browser.DESKTOP);
        browser.signOut();

        browser.signIn("auditor", DEMO_PASSWORD);
        browser.switchLanguage("en");
        browser.open("/audit");
        browser.screenshot(target.resolve("audit-log.png"));
        browser.signOut();
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
