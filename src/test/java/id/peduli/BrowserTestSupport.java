package id.peduli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every Chromium test class of a {@link PeduliTest} needs: one browser for the class, started before its first
 * test and closed after its last, pointed at the application's random port, and the demo accounts' password.
 * Subclasses add their own {@code @BeforeAll}/{@code @AfterAll} steps, which run after the browser has started and
 * before it is closed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestSupport {

    @LocalServerPort
    protected int port;

    @Value("${peduli.demo.password}")
    protected String demoPassword;

    protected Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start(port);
    }

    @AfterAll
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
