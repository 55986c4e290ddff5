package id.peduli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every Chromium test class of a {@link PeduliTest} needs: the one browser of the test JVM ({@link
 * Browser#shared}), pointed at the application's random port, in a fresh state before every test (desktop size, no
 * cookies), and the demo accounts' password. Browser tests run after the other tests, as integration tests
 * (maven-failsafe-plugin); {@code ./mvnw verify} runs both.
 *
 * <p>Keep them fast: sign in with {@link #signInAs} (which reuses one session per account) unless the test is about
 * signing in, and create the data a test needs through the modules' services rather than through the browser unless
 * the test is about that form. Subclasses add their own {@code @BeforeEach} steps, which run after the reset.
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
        browser = Browser.shared(port);
    }

    @BeforeEach
    void freshBrowserState() {
        browser.reset();
    }

    /** Signed in as the demo account {@code username}, on the home page, reusing its session when there is one. */
    protected void signInAs(String username) {
        browser.signInAs(username, demoPassword);
    }
}
