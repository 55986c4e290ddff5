package id.peduli;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests (and the README screenshots): signs in and out, switches the interface
 * language, waits for page loads and htmx, checks accessibility with axe and takes screenshots. Uses Debian's
 * {@code chromium} and {@code chromedriver} from the PATH ({@code .ci/run} installs them).
 */
public final class Browser {

    /** The size of a common laptop screen, used unless a test asks for another. */
    public static final Dimension DESKTOP = new Dimension(1366, 768);

    /** A small phone (CSS pixels). */
    public static final Dimension PHONE = new Dimension(360, 740);

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String QUIET =
            "document.readyState === 'complete' && document.querySelector('.htmx-request') === null";
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private static Browser shared;

    private String baseUrl;
    private final ChromeDriver driver;
    private final Map<String, Session> sessions = new HashMap<>();
    private String signedInAs;
    private final WebDriverWait wait;
    private final Path downloads;

    private Browser(String baseUrl, ChromeDriver driver, Path downloads) {
        this.baseUrl = baseUrl;
        this.driver = driver;
        this.downloads = downloads;
        this.wait = new WebDriverWait(driver, TIMEOUT, POLL);
        wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * The one Chromium of this test JVM, started at the first call and closed when the JVM ends, pointed at the
     * application on {@code http://localhost:port}. Test classes share it: starting Chromium costs seconds on a slow
     * machine. Each test starts with {@link #reset()}.
     */
    public static synchronized Browser shared(int port) {
        if (shared == null) {
            Browser browser = start(port);
            Runtime.getRuntime().addShutdownHook(new Thread(browser::quit, "chromium-quit"));
            shared = browser;
        }
        String baseUrl = "http://localhost:" + port;
        if (!shared.baseUrl.equals(baseUrl)) {
            shared.baseUrl = baseUrl;
            shared.sessions.clear();
        }
        return shared;
    }

    /** A fresh state for the next test: desktop size, no cookies (signed out, default language). */
    public void reset() {
        // Leave the last test's page first, so that nothing it still runs (a script, a service worker's update
        // check) reaches the application after the cookies are gone.
        open("/about");
        resize(DESKTOP);
        forgetCookies();
        signedInAs = null;
    }

    /** Chromium at {@link #DESKTOP} size for the application on {@code http://localhost:port}. */
    public static Browser start(int port) {
        return start("http://localhost:" + port, DESKTOP);
    }

    public static Browser start(String baseUrl, Dimension size) {
        Path downloads;
        try {
            downloads = Files.createTempDirectory("peduli-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false,
                        "download.directory_upgrade", true));
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
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("chromedriver").toFile())
                .build();
        Browser browser = new Browser(baseUrl.replaceAll("/$", ""), new ChromeDriver(service, options), downloads);
        browser.resize(size);
        return browser;
    }

    public WebDriver driver() {
        return driver;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /** The path (and query) of the current page, without the host. */
    public String currentPath() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** Waits (up to 15 seconds) until {@code condition} gives a value other than null or false. */
    public <T> T until(Function<? super WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** Opens {@code path} and waits until the page and its htmx requests have loaded. */
    public Browser open(String path) {
        driver.get(url(path));
        awaitQuiet();
        return this;
    }

    public WebElement element(String id) {
        return driver.findElement(By.id(id));
    }

    public WebElement element(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> elements(By by) {
        return driver.findElements(by);
    }

    /** The visible text of the element with this id. */
    public String text(String id) {
        return element(id).getText();
    }

    public void type(String id, String text) {
        WebElement field = element(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks something that loads a new page (a link or a submit button) and waits until that page has loaded. */
    public void clickAndAwaitPage(WebElement target) {
        script("window.peduliPageLeft = true");
        target.click();
        // While the old document goes away, the driver may report it in several ways; only a new, loaded one counts.
        new WebDriverWait(driver, TIMEOUT, POLL)
                .ignoring(WebDriverException.class)
                .until(d -> (Boolean) script("return window.peduliPageLeft !== true && " + QUIET));
    }

    public void clickAndAwaitPage(String id) {
        clickAndAwaitPage(element(id));
    }

    /**
     * Clicks something that asks for confirmation first ({@code data-confirm}, shown with {@code window.confirm}),
     * accepts the question and waits until the new page has loaded. Returns the question.
     */
    public String clickConfirmAndAwaitPage(WebElement target) {
        script("window.peduliPageLeft = true");
        target.click();
        Alert question = wait.until(ExpectedConditions.alertIsPresent());
        String text = question.getText();
        question.accept();
        new WebDriverWait(driver, TIMEOUT, POLL)
                .ignoring(WebDriverException.class)
                .until(d -> (Boolean) script("return window.peduliPageLeft !== true && " + QUIET));
        return text;
    }

    /** Clicks something that asks for confirmation, dismisses the question and returns it; the page stays. */
    public String clickAndDecline(WebElement target) {
        target.click();
        Alert question = wait.until(ExpectedConditions.alertIsPresent());
        String text = question.getText();
        question.dismiss();
        awaitQuiet();
        return text;
    }

    /**
     * Enters a date into an {@code <input type=date>}. What a person types there depends on the browser's locale,
     * so the value is set as the date picker would set it, with the events it fires.
     */
    public void enterDate(String id, java.time.LocalDate date) {
        script(
                "var field = arguments[0]; field.value = arguments[1];"
                        + " field.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " field.dispatchEvent(new Event('change', {bubbles: true}));",
                element(id),
                date.toString());
    }

    /** Chooses the option with {@code value} in a select, waiting until the option is there and the select usable. */
    public void choose(String selectId, String value) {
        By option = By.cssSelector("#" + selectId + " option[value='" + value + "']");
        wait.until(d -> !d.findElements(option).isEmpty()
                && d.findElement(By.id(selectId)).isEnabled());
        new Select(element(selectId)).selectByValue(value);
        awaitQuiet();
    }

    /**
     * Chooses a region in a region picker ({@code src/main/jte/region/picker.jte}) level by level, from the
     * province down to {@code code}, waiting for each level's options to load.
     */
    public void chooseRegion(String fieldName, String code) {
        String[] parts = code.split("\\.");
        String chosen = "";
        for (int level = 1; level <= parts.length; level++) {
            chosen = level == 1 ? parts[0] : chosen + "." + parts[level - 1];
            choose("region-" + fieldName + "-" + level, chosen);
        }
        String value = chosen;
        wait.until(d -> value.equals(
                d.findElement(By.cssSelector("input[name='" + fieldName + "']")).getAttribute("value")));
    }

    /** Waits until the document has loaded, no htmx request is running and no CSS transition is under way. */
    public void awaitQuiet() {
        // CSS transitions count too: axe measures colour contrast as drawn, and a button caught half-way through its
        // hover transition (0.15 s in Bootstrap) has colours that are neither the resting nor the hover ones.
        // Endless animations (a spinner) are not waited for.
        wait.until(d -> (Boolean) script("return document.readyState === 'complete'"
                + " && document.querySelector('.htmx-request') === null"
                + " && document.getAnimations().every(a => a.playState !== 'running'"
                + " || a.effect === null || a.effect.getComputedTiming().iterations === Infinity)"));
    }

    /** Submits the sign-in form; whether it worked is up to the caller. */
    public void submitSignIn(String username, String password) {
        if (!currentPath().startsWith("/login")) {
            open("/login");
        }
        type("username", username);
        type("password", password);
        clickAndAwaitPage("loginButton");
    }

    /** Signs in and fails unless the sign-in page is left (to home, or to a forced password change). */
    public void signIn(String username, String password) {
        open("/login");
        submitSignIn(username, password);
        if (currentPath().startsWith("/login")) {
            List<WebElement> error = elements(By.id("loginError"));
            throw new AssertionError("Signing in as " + username + " failed"
                    + (error.isEmpty() ? "" : ": " + error.get(0).getText()));
        }
        String landed = currentPath();
        if (!landed.equals("/") && !landed.startsWith("/account/password")) {
            throw new AssertionError("Signing in as " + username + " led to " + describePage());
        }
    }

    /** Where the browser is, for a failure message: the path, the HTTP status and the first words of the page. */
    public String describePage() {
        String text;
        try {
            text = driver.findElement(By.tagName("body")).getText().strip();
        } catch (WebDriverException e) {
            text = "(no page body)";
        }
        return currentPath() + " (HTTP " + status() + "), reading: " + text.substring(0, Math.min(200, text.length()));
    }

    /**
     * Signed in as {@code username}, on the home page: the first time through the sign-in form, later by restoring
     * the session cookie of that sign-in (typing the form again only when the session has ended). For tests that are
     * not about signing in; they start from a fresh browser state ({@link #reset()}).
     */
    public void signInAs(String username, String password) {
        forgetCookies();
        Session session = sessions.get(username);
        if (session != null) {
            session.cookies().forEach(cookie -> driver.manage().addCookie(cookie));
            open("/");
            if (!currentPath().startsWith("/login")) {
                signedInAs = username;
                // A test may have switched the language of the session; a new sign-in would use the stored one.
                if (!session.language().equals(language())) {
                    switchLanguage(session.language());
                }
                return;
            }
            sessions.remove(username);
            forgetCookies();
        }
        signIn(username, password);
        if (!currentPath().startsWith("/account/password")) {
            sessions.put(username, new Session(Set.copyOf(driver.manage().getCookies()), language()));
        }
        signedInAs = username;
    }

    /** Signs out through the user menu, as a person would, and waits for the sign-in page. */
    public void signOut() {
        if (signedInAs != null) {
            // Signing out ends the session on the server: its cookie is of no use any more.
            sessions.remove(signedInAs);
            signedInAs = null;
        }
        expandMenuIfCollapsed();
        element("userMenu").click();
        WebElement logout = wait.until(ExpectedConditions.elementToBeClickable(By.id("logoutButton")));
        clickAndAwaitPage(logout);
        wait.until(d -> currentPath().startsWith("/login"));
    }

    /** Clicks the ID or EN button of the navigation bar and waits for the page in that language. */
    public void switchLanguage(String language) {
        By button = By.cssSelector("button[name=lang][value=" + language + "]");
        if (elements(button).isEmpty()) {
            throw new AssertionError("No language switch on " + describePage());
        }
        if (!element(button).isDisplayed()) {
            expandMenuIfCollapsed();
        }
        clickAndAwaitPage(wait.until(ExpectedConditions.elementToBeClickable(button)));
        wait.until(d -> language.equals(language()));
    }

    /** Follows the main menu entry that links to {@code href}, opening the collapsed menu first on a narrow screen. */
    public void openFromMenu(String href) {
        expandMenuIfCollapsed();
        clickAndAwaitPage(element(By.cssSelector("#mainNav a.nav-link[href='" + href + "']")));
    }

    /** The HTTP status with which the current page was served. */
    public int status() {
        return ((Number) script("return performance.getEntriesByType('navigation')[0].responseStatus")).intValue();
    }

    /** The language of the current page ({@code <html lang>}). */
    public String language() {
        return (String) script("return document.documentElement.lang");
    }

    /** The labels of the main menu entries, in order. */
    public List<String> menu() {
        return elements(By.cssSelector("#mainNav .navbar-nav .nav-link:not(.dropdown-toggle)")).stream()
                .map(link -> link.getAttribute("textContent").strip())
                .toList();
    }

    /** On a narrow screen the menu is collapsed behind the toggler: opens it and waits until it is shown. */
    public void expandMenuIfCollapsed() {
        List<WebElement> togglers = elements(By.cssSelector(".navbar-toggler"));
        if (togglers.isEmpty() || !togglers.get(0).isDisplayed()) {
            return;
        }
        WebElement menu = element("mainNav");
        if (!hasClass(menu, "show")) {
            togglers.get(0).click();
            wait.until(d -> hasClass(menu, "show") && !hasClass(menu, "collapsing"));
        }
    }

    /**
     * Runs axe on the current page and fails on every violation with impact "serious" or "critical", naming the rule
     * and the elements. Fails too when axe itself could not run.
     */
    public void assertAccessible() {
        assertNoViolations(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()), "serious accessibility violations");
    }

    /** Like {@link #assertAccessible()}, but fails on violations of any impact, minor ones included. */
    public void assertNoAccessibilityViolations() {
        assertNoViolations(rule -> true, "accessibility violations");
    }

    private void assertNoViolations(Predicate<Rule> counts, String what) {
        awaitQuiet();
        // Legacy mode runs axe in the page itself. Otherwise axe opens an about:blank window with a one-second page
        // load timeout to collect frame results, which fails on a busy machine; the pages have no frames anyway.
        Results results = new AxeBuilder().setLegacyMode(true).analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe could not check " + currentPath() + ": " + results.getErrorMessage());
        }
        List<Rule> found = results.getViolations().stream().filter(counts).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("axe found " + what + " on " + currentPath() + " (lang=" + language() + "):\n"
                    + found.stream().map(Browser::describe).collect(Collectors.joining("\n")));
        }
    }

    /** Resizes the viewport (not the window) to {@code size} CSS pixels. */
    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
        Dimension viewport = viewport();
        if (!viewport.equals(size)) {
            driver.manage()
                    .window()
                    .setSize(new Dimension(
                            2 * size.getWidth() - viewport.getWidth(), 2 * size.getHeight() - viewport.getHeight()));
        }
    }

    /** The viewport size in CSS pixels ({@code window.innerWidth × innerHeight}). */
    public Dimension viewport() {
        @SuppressWarnings("unchecked")
        List<Number> size = (List<Number>) script("return [window.innerWidth, window.innerHeight]");
        return new Dimension(size.get(0).intValue(), size.get(1).intValue());
    }

    /** Whether the page is wider than the viewport, so that it scrolls sideways. */
    public boolean scrollsHorizontally() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    /** The deepest elements whose right edge passes the window's, as tag#id.class, for a failing layout check. */
    public String widerThanWindow() {
        return String.valueOf(script("""
                const out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.right > window.innerWidth + 1 && r.width > 0
                      && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1)) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className && e.className.baseVal === undefined ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
                        + ' ' + Math.round(r.right) + 'px');
                  }
                }
                return out.slice(0, 8).join(', ');
                """));
    }

    /** Saves a PNG of the viewport. */
    public void screenshot(Path file) {
        awaitQuiet();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets cookies (session and language) so that the next page is seen as by a new visitor. */
    public void forgetCookies() {
        if (!driver.getCurrentUrl().startsWith(baseUrl)) {
            open("/about");
        }
        driver.manage().deleteAllCookies();
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Clicks something that downloads a file and waits until the download is complete; returns the file. */
    public Path clickAndAwaitDownload(WebElement target) {
        List<Path> before = downloaded();
        target.click();
        return wait.until(d -> {
            List<Path> now = downloaded();
            if (now.stream().anyMatch(Browser::partial)) {
                return null;
            }
            return now.stream()
                    .filter(file -> !before.contains(file))
                    .findFirst()
                    .orElse(null);
        });
    }

    /** A download Chromium is still writing: {@code .crdownload} or a hidden temporary file. */
    private static boolean partial(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") || name.endsWith(".crdownload");
    }

    private List<Path> downloaded() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void quit() {
        driver.quit();
        downloaded().forEach(file -> file.toFile().delete());
        downloads.toFile().delete();
    }

    /** The cookies of a signed-in session and the language its pages were in. */
    private record Session(Set<Cookie> cookies, String language) {}

    private static boolean hasClass(WebElement element, String name) {
        String classes = element.getAttribute("class");
        return classes != null && List.of(classes.split("\\s+")).contains(name);
    }

    private static String describe(Rule rule) {
        return "  " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                + rule.getNodes().stream()
                        .map(CheckedNode.class::cast)
                        .map(node -> "    " + node.getTarget() + " " + node.getHtml())
                        .collect(Collectors.joining("\n"));
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
