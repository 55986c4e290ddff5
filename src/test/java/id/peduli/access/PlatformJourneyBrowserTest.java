package id.peduli.access;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.BrowserTestSupport;
import id.peduli.PeduliTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform's main journeys in real Chromium, each in Indonesian and in English, with axe on every page they
 * open: an administrator sets up a unit and a user; that user changes the first password, sees only what the grant
 * allows and keeps the language they chose; a failed sign-in is explained in the visitor's language; an auditor finds
 * failed sign-ins in the processing log.
 */
@PeduliTest
class PlatformJourneyBrowserTest extends BrowserTestSupport {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final String KARTINI = "BBRSBG Kartini Temanggung";

    @Autowired
    Users users;

    @BeforeEach
    void comeAsANewVisitor() {
        browser.forgetCookies();
    }

    /** Switching the language while signed in is stored for the account: give the shared demo accounts theirs back. */
    @AfterEach
    void restoreDemoLanguages() {
        for (String username : List.of("admin", "auditor")) {
            users.findByUsername(username).ifPresent(user -> users.setLocale(user.id(), "id"));
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"id", "en"})
    void administratorSetsUpAUnitAndAUserWhoSeesOnlyWhatTheGrantAllows(String language) {
        Texts text = Texts.of(language);
        Texts other = Texts.of(language.equals("id") ? "en" : "id");
        String suffix = unique();
        String unitName = "Lokasi Uji Parakan " + suffix;
        String username = "pekerja.uji." + suffix;
        String firstPassword = "Sementara.2026.Awal";
        String newPassword = "Pilihan.Sendiri.2026";

        browser.open("/login");
        useLanguage(text);
        browser.signIn("admin", demoPassword);
        useLanguage(text);
        assertThat(browser.menu()).contains(text.units(), text.users());

        browser.openFromMenu("/admin/units");
        assertThat(browser.element(By.tagName("h1")).getText()).isEqualTo(text.units());
        browser.assertAccessible();
        browser.clickAndAwaitPage("newUnit");
        assertThat(browser.currentPath()).isEqualTo("/admin/units/new");
        browser.assertAccessible();
        new Select(browser.element("parentId")).selectByValue(optionValue("parentId", KARTINI));
        browser.type("name", unitName);
        browser.type("shortName", "Uji " + suffix);
        new Select(browser.element("type")).selectByValue("SITE");
        chooseRegion("region-regionCode-1", "33");
        chooseRegion("region-regionCode-2", "33.23");
        assertThat(browser.element(By.cssSelector("input[name=regionCode]")).getAttribute("value"))
                .isEqualTo("33.23");
        browser.type("address", "Jl. Parakan No. 7, Temanggung");
        browser.assertAccessible();
        browser.clickAndAwaitPage("saveUnit");

        assertThat(browser.currentPath()).isEqualTo("/admin/units");
        assertThat(browser.element(By.cssSelector(".alert-success")).getText()).isEqualTo(text.unitCreated(unitName));
        List<WebElement> rows = browser.elements(By.cssSelector("#unitTable tbody tr"));
        int kartini = rowIndex(rows, KARTINI);
        int created = rowIndex(rows, unitName);
        assertThat(created).isGreaterThan(kartini);
        assertThat(depth(rows.get(created))).isEqualTo(depth(rows.get(kartini)) + 1);
        assertThat(rows.get(created).getText()).contains(text.site(), "33.23");
        browser.assertAccessible();

        browser.openFromMenu("/admin/users");
        browser.assertAccessible();
        browser.clickAndAwaitPage("newUser");
        assertThat(browser.currentPath()).isEqualTo("/admin/users/new");
        browser.assertAccessible();
        browser.type("username", username);
        browser.type("password", firstPassword);
        browser.type("fullName", "Sekar Ayu Lestari");
        browser.type("email", username + "@contoh.go.id");
        new Select(browser.element("locale")).selectByValue(language);
        new Select(browser.element("grantRole")).selectByValue(Role.SOCIAL_WORKER.name());
        new Select(browser.element("grantUnit")).selectByValue(optionValue("grantUnit", unitName));
        browser.assertAccessible();
        browser.clickAndAwaitPage("saveUser");

        assertThat(browser.currentPath()).matches("/admin/users/\\d+");
        assertThat(browser.text("grantList")).contains(text.socialWorker(), unitName);
        browser.assertAccessible();

        browser.signOut();
        browser.assertAccessible();
        browser.signIn(username, firstPassword);
        assertThat(browser.currentPath()).isEqualTo("/account/password");
        assertThat(browser.language()).isEqualTo(language);
        assertThat(browser.element("forcedNotice").isDisplayed()).isTrue();
        browser.assertAccessible();
        browser.open("/units");
        assertThat(browser.currentPath())
                .as("nothing but the password change until the password is changed")
                .isEqualTo("/account/password");
        browser.type("currentPassword", firstPassword);
        browser.type("password", newPassword);
        browser.type("confirmation", newPassword);
        browser.clickAndAwaitPage("savePassword");
        assertThat(browser.currentPath()).isEqualTo("/account");
        assertThat(browser.element(By.cssSelector(".alert-success")).getText()).isEqualTo(text.passwordChanged());
        browser.assertAccessible();
        assertOnlyWhatASocialWorkerMaySee(text);

        browser.openFromMenu("/units");
        assertThat(browser.elements(By.cssSelector("#unitTable tbody tr")))
                .extracting(WebElement::getText)
                .singleElement()
                .asString()
                .startsWith(unitName);
        browser.assertAccessible();

        browser.open("/admin/users");
        assertForbidden(text);
        browser.switchLanguage(other.language());
        assertThat(browser.currentPath()).isEqualTo("/admin/users");
        assertForbidden(other);

        browser.signOut();
        browser.forgetCookies();
        browser.open("/login");
        assertThat(browser.language()).as("a new visitor gets Indonesian").isEqualTo("id");
        browser.signIn(username, newPassword);
        assertThat(browser.language())
                .as("the language chosen while signed in is the account's language")
                .isEqualTo(other.language());
        assertOnlyWhatASocialWorkerMaySee(other);
        browser.assertAccessible();
    }

    @Test
    void aFailedSignInIsExplainedInTheLanguageTheVisitorSwitchesTo() {
        browser.open("/login");
        assertThat(browser.language()).isEqualTo("id");
        browser.submitSignIn("tamu." + unique(), "bukan-kata-sandinya-1");

        assertThat(browser.currentPath()).isEqualTo("/login?error=bad");
        assertThat(browser.text("loginError")).isEqualTo(Texts.of("id").wrongPassword());
        browser.assertAccessible();

        browser.switchLanguage("en");
        assertThat(browser.currentPath()).isEqualTo("/login?error=bad");
        assertThat(browser.text("loginError")).isEqualTo(Texts.of("en").wrongPassword());
        browser.assertAccessible();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"id", "en"})
    void auditorFindsFailedSignInsInTheProcessingLog(String language) {
        Texts text = Texts.of(language);
        // A failure for an existing account is logged one row each; unknown usernames are only counted.
        String stranger = "sekretariat";
        browser.open("/login");
        browser.submitSignIn(stranger, "bukan-kata-sandinya-2");
        assertThat(browser.elements(By.id("loginError"))).hasSize(1);

        signInAs("auditor");
        useLanguage(text);
        browser.openFromMenu("/audit");
        assertThat(browser.element(By.tagName("h1")).getText()).isEqualTo(text.audit());
        browser.assertAccessible();

        new Select(browser.element("fAction")).selectByValue("LOGIN_FAILED");
        browser.clickAndAwaitPage(browser.element(By.cssSelector("#auditFilter button[type=submit]")));

        assertThat(browser.currentPath()).startsWith("/audit?").contains("action=LOGIN_FAILED");
        List<WebElement> rows = browser.elements(By.cssSelector("#auditTable tbody tr"));
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.findElements(By.tagName("td")))
                        .hasSize(6)
                        .element(2)
                        .extracting(WebElement::getText)
                        .isEqualTo(text.signInFailed()));
        assertThat(rows.get(0).getText()).as("newest first").contains(stranger);
        browser.assertAccessible();
    }

    /** Shows the sign-in page or home in {@code text}'s language (switching if needed) and checks it with axe. */
    private void useLanguage(Texts text) {
        if (!text.language().equals(browser.language())) {
            browser.switchLanguage(text.language());
        }
        assertThat(browser.language()).isEqualTo(text.language());
        browser.assertAccessible();
    }

    private void assertOnlyWhatASocialWorkerMaySee(Texts text) {
        assertThat(browser.menu())
                .contains(text.home(), text.myUnits())
                .doesNotContain(text.users(), text.units(), text.audit());
        assertThat(browser.elements(By.cssSelector("#mainNav a[href^='/admin'], #mainNav a[href^='/audit']")))
                .isEmpty();
    }

    private void assertForbidden(Texts text) {
        assertThat(browser.status()).isEqualTo(403);
        assertThat(browser.language()).isEqualTo(text.language());
        assertThat(browser.element(By.tagName("h1")).getText()).isEqualTo(text.forbiddenTitle());
        assertThat(browser.text("errorMessage")).isEqualTo(text.forbidden());
        browser.assertAccessible();
    }

    /** Chooses {@code code} in a region picker select once htmx has loaded its options. */
    private void chooseRegion(String selectId, String code) {
        By option = By.cssSelector("#" + selectId + " option[value='" + code + "']");
        browser.until(d -> !d.findElements(option).isEmpty()
                && d.findElement(By.id(selectId)).isEnabled());
        new Select(browser.element(selectId)).selectByValue(code);
        browser.awaitQuiet();
    }

    /** The value of the option of a select whose text (without the tree indentation) is {@code label}. */
    private String optionValue(String selectId, String label) {
        return new Select(browser.element(selectId))
                .getOptions().stream()
                        .filter(option -> normalized(option.getText()).equals(label))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no option " + label + " in #" + selectId))
                        .getAttribute("value");
    }

    private static int rowIndex(List<WebElement> rows, String unitName) {
        for (int i = 0; i < rows.size(); i++) {
            if (normalized(rows.get(i).findElement(By.tagName("td")).getText()).startsWith(unitName)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + unitName);
    }

    private static int depth(WebElement row) {
        String classes = row.findElement(By.tagName("td")).getAttribute("class");
        return classes.contains("pd-depth-") ? Integer.parseInt(classes.replaceAll(".*pd-depth-(\\d+).*", "$1")) : 0;
    }

    private static String normalized(String text) {
        return text.replace('\u00a0', ' ').strip();
    }

    private static String unique() {
        return Long.toString(System.currentTimeMillis(), 36) + RUNS.incrementAndGet();
    }

    /** What the interface says, in one language. */
    private record Texts(
            String language,
            String home,
            String myUnits,
            String units,
            String users,
            String audit,
            String site,
            String socialWorker,
            String unitCreatedPattern,
            String passwordChanged,
            String forbiddenTitle,
            String forbidden,
            String wrongPassword,
            String signInFailed) {

        static Texts of(String language) {
            return language.equals("en")
                    ? new Texts(
                            "en",
                            "Home",
                            "My units",
                            "Organisation units",
                            "Users",
                            "Processing log",
                            "Service site",
                            "Social worker",
                            "Unit %s created.",
                            "Password changed.",
                            "Access denied",
                            "You are not allowed to open this page or data.",
                            "Sign-in failed: the username or password is wrong, or the account cannot be used right now. After several"
                                    + " failed attempts the account is locked for a while; if it still does not work, ask your"
                                    + " administrator.",
                            "Sign-in failed")
                    : new Texts(
                            "id",
                            "Beranda",
                            "Unit saya",
                            "Unit organisasi",
                            "Pengguna",
                            "Log pemrosesan",
                            "Lokasi layanan",
                            "Pekerja sosial",
                            "Unit %s dibuat.",
                            "Kata sandi diganti.",
                            "Akses ditolak",
                            "Anda tidak memiliki hak untuk membuka halaman atau data ini.",
                            "Gagal masuk: nama pengguna atau kata sandi salah, atau akun tidak dapat dipakai saat ini. Setelah"
                                    + " beberapa kali gagal, akun dikunci sementara; bila tetap tidak bisa, hubungi administrator.",
                            "Gagal masuk");
        }

        String unitCreated(String name) {
            return unitCreatedPattern.formatted(name);
        }
    }
}
