package id.peduli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.Browser;
import id.peduli.BrowserTestSupport;
import id.peduli.PeduliTest;
import id.peduli.access.Users;
import id.peduli.registry.person.People;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;

/**
 * The registry's journeys in real Chromium, each in Indonesian and in English, with axe on every page they open: a
 * social worker registers a person, then the same person again with a typo in the name, sees the possible duplicate
 * and saves only after confirming; records a photo, a household with a member and a family card (KK) and a consent
 * on the profile; imports a file with errors, reads the report, fixes the file and commits it. A programme manager
 * finds a person despite a typo in the search, exports the result as CSV with a reason, and merges two records of one
 * person and finds the merge in the history. The registry pages fit a laptop and a phone screen.
 */
@PeduliTest
class RegistryJourneyBrowserTest extends BrowserTestSupport {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final AtomicInteger BIRTHS = new AtomicInteger();
    private static final String ALYATAMA = "PSAA Alyatama Jambi";
    private static final String KARTINI = "BBRSBG Kartini Temanggung";
    /** Simpang IV Sipin, Telanaipura, Kota Jambi. */
    private static final String JAMBI_VILLAGE = "15.71.01.1001";
    /** A village in Bulu, Temanggung. */
    private static final String TEMANGGUNG_VILLAGE = "33.23.01.2001";

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Value("${peduli.time-zone}")
    String timeZone;

    @Autowired
    Users users;

    @Autowired
    MessageSource messages;

    @Autowired
    ApplicationContext context;

    @Autowired
    People people;

    Path uploads;
    /** The unit of the signed-in demo user, where they register people. */
    String homeUnit;

    /** The signed-in demo user, who registers the people a journey needs through the service. */
    String signedInAs;

    @BeforeAll
    void createUploads() throws IOException {
        uploads = Files.createTempDirectory("peduli-uploads");
    }

    @AfterAll
    void deleteUploads() throws IOException {
        try (var files = Files.list(uploads)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(uploads);
    }

    @BeforeEach
    void comeAsANewVisitor() {
        browser.resize(Browser.DESKTOP);
        browser.forgetCookies();
    }

    /** Switching the language while signed in is stored for the account: give the shared demo accounts theirs back. */
    @AfterEach
    void restoreDemoLanguages() {
        for (String username : List.of("pekerja.alyatama", "manajer.kartini")) {
            users.findByUsername(username).ifPresent(user -> users.setLocale(user.id(), "id"));
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"id", "en"})
    void socialWorkerRegistersATypoedDuplicateOnlyAfterSeeingTheWarning(String language) {
        Texts text = Texts.of(language);
        String word = uniqueWord();
        LocalDate born = uniqueBirthDate();
        String original = "Siti Lestari " + word;
        String typo = "Siti Lestary " + word;
        signIn("pekerja.alyatama", text);

        browser.open("/people/new");
        assertThat(browser.element(By.tagName("h1")).getText()).isEqualTo(text.registerPerson());
        browser.assertAccessible();
        fillPerson(original, "F", born, JAMBI_VILLAGE);
        browser.assertAccessible();
        browser.clickAndAwaitPage("savePerson");

        long first = profileId();
        assertThat(successMessage()).isEqualTo(text.registered(original));
        assertThat(browser.element(By.tagName("h1")).getText()).isEqualTo(original);
        assertThat(browser.text("identityTitle")).isEqualTo(text.identity());
        assertThat(browser.element(By.cssSelector("#main dl")).getText()).contains("Simpang IV Sipin");
        browser.assertAccessible();

        browser.open("/people/new");
        fillPerson(typo, "F", born, JAMBI_VILLAGE);
        browser.clickAndAwaitPage("savePerson");

        assertThat(browser.status()).isEqualTo(422);
        assertThat(browser.currentPath()).isEqualTo("/people");
        WebElement warning = browser.element("formErrors");
        assertThat(warning.getAttribute("class")).contains("alert-warning");
        assertThat(warning.getText()).contains(text.confirmWarnings(), text.candidates());
        List<WebElement> candidates = browser.elements(By.cssSelector("#duplicateCandidates li"));
        assertThat(candidates)
                .extracting(WebElement::getText)
                .anySatisfy(candidate -> assertThat(candidate)
                        .contains(original, text.date(born), "Simpang IV Sipin")
                        .doesNotContain("15.71.01.1001"));
        assertThat(browser.elements(By.cssSelector("#duplicateCandidates a")))
                .extracting(link -> link.getAttribute("href"))
                .contains(browser.url("/people/" + first + "?purpose=DATA_QUALITY"));
        assertThat(browser.element("fullName").getAttribute("value"))
                .as("what was entered is kept")
                .isEqualTo(typo);
        assertThat(browser.element(By.cssSelector("input[name=regionCode]")).getAttribute("value"))
                .isEqualTo(JAMBI_VILLAGE);
        assertThat(browser.element("sexF").isSelected()).isTrue();
        assertThat(browser.text("acceptWarningsLabel")).isEqualTo(text.acceptWarnings());
        assertThat(browser.element("fullName").getAttribute("class"))
                .as("a warning the user may accept is not shown as an error")
                .contains("is-warning")
                .doesNotContain("is-invalid");
        browser.assertAccessible();
        browser.screenshot(Path.of("target", "screenshots", "registration-duplicate-" + language + ".png"));

        browser.element("acceptWarnings").click();
        browser.clickAndAwaitPage("savePerson");

        long second = profileId();
        assertThat(second).isNotEqualTo(first);
        assertThat(successMessage()).isEqualTo(text.registered(typo));
        assertThat(browser.element(By.tagName("h1")).getText()).isEqualTo(typo);
        browser.assertAccessible();

        browser.clickAndAwaitPage("editPerson");
        assertThat(browser.currentPath()).isEqualTo("/people/" + second + "/edit");
        assertThat(browser.element(By.tagName("h1")).getText()).isEqualTo(text.editTitle(typo));
        browser.until(d -> JAMBI_VILLAGE.equals(new Select(d.findElement(By.id("region-regionCode-4")))
                .getFirstSelectedOption()
                .getAttribute("value")));
        browser.assertAccessible();
        browser.type("phone", "0812 7400 1234");
        browser.clickAndAwaitPage("savePerson");

        assertThat(browser.currentPath()).isEqualTo("/people/" + second);
        assertThat(successMessage()).isEqualTo(text.saved());
        assertThat(browser.element(By.cssSelector("#main dl")).getText())
                .contains("0812 7400 1234", "Simpang IV Sipin");
        browser.assertAccessible();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"id", "en"})
    void socialWorkerRecordsPhotoHouseholdFamilyCardAndConsentOnTheProfile(String language) throws IOException {
        Texts text = Texts.of(language);
        String word = uniqueWord();
        String mother = "Rahmawati " + word;
        String daughter = "Nurul Aini " + word;
        signIn("pekerja.alyatama", text);
        long child = register(daughter, "F", uniqueChildBirthDate(), JAMBI_VILLAGE);
        long head = register(mother, "F", uniqueBirthDate(), JAMBI_VILLAGE);

        assertThat(tabs()).containsExactlyElementsOf(text.tabs());
        assertThat(activeTab()).isEqualTo(text.tabs().get(0));
        assertThat(browser.elements(By.id("photo"))).isEmpty();
        browser.element("photoFile").sendKeys(portrait().toString());
        browser.clickAndAwaitPage("savePhoto");

        assertThat(browser.currentPath()).isEqualTo("/people/" + head);
        assertThat(successMessage()).isEqualTo(text.photoSaved());
        WebElement photo = browser.element("photo");
        assertThat(photo.getAttribute("alt")).isEqualTo(text.photoOf(mother));
        browser.until(d ->
                (Boolean) browser.script("return arguments[0].complete && arguments[0].naturalWidth === 60", photo));
        browser.assertAccessible();

        openTab(1);
        assertThat(activeTab()).isEqualTo(text.tabs().get(1));
        assertThat(browser.currentPath()).isEqualTo("/people/" + head + "?tab=household&purpose=SERVICE_DELIVERY");
        assertThat(browser.element("startHousehold").getText()).isEqualTo(text.startHousehold());
        browser.assertAccessible();
        browser.clickAndAwaitPage("startHousehold");

        assertThat(browser.currentPath()).isEqualTo("/people/" + head + "?tab=household");
        assertThat(successMessage()).isEqualTo(text.householdCreated());
        assertThat(memberRows()).containsExactly(List.of(mother, text.head()));
        browser.assertAccessible();

        pick("memberId", daughter, child);
        new Select(browser.element("relationship")).selectByValue("CHILD");
        browser.clickAndAwaitPage("addMember");

        assertThat(successMessage()).isEqualTo(text.memberAdded());
        assertThat(memberRows())
                .containsExactlyInAnyOrder(List.of(mother, text.head()), List.of(daughter, text.child()));
        browser.assertAccessible();

        String kk = uniqueKk();
        LocalDate issued = today().minusMonths(2);
        browser.type("kk", kk);
        browser.enterDate("validFrom", issued);
        browser.clickAndAwaitPage("addKk");

        assertThat(successMessage()).isEqualTo(text.kkRecorded());
        assertThat(browser.elements(By.cssSelector("#kkHistory li")))
                .extracting(WebElement::getText)
                .singleElement()
                .asString()
                .as("a social worker sees the KK masked")
                .contains(kk.substring(0, 4) + "••••••••••••", text.date(issued), text.current())
                .doesNotContain(kk);
        browser.assertAccessible();

        openTab(2);
        assertThat(browser.elements(By.cssSelector("#consentTable tbody tr")))
                .extracting(WebElement::getText)
                .containsExactly(text.noConsent());
        browser.assertAccessible();
        new Select(browser.element("cPurpose")).selectByValue("WORKSHOP_SERVICES");
        new Select(browser.element("cBasis")).selectByValue("CONSENT");
        new Select(browser.element("cGiver")).selectByValue("PERSON");
        new Select(browser.element("cMethod")).selectByValue("SIGNATURE");
        browser.enterDate("cGivenOn", today());
        browser.assertAccessible();
        browser.clickAndAwaitPage("saveConsent");

        assertThat(browser.currentPath()).isEqualTo("/people/" + head + "?tab=consent");
        assertThat(successMessage()).isEqualTo(text.consentRecorded());
        List<WebElement> consents = browser.elements(By.cssSelector("#consentTable tbody tr"));
        assertThat(consents).hasSize(1);
        assertThat(consents.get(0).getText())
                .contains(text.workshopServices(), text.consentBasis(), text.person(), text.date(today()))
                .contains(text.active());
        browser.assertAccessible();

        openTab(3);
        assertThat(activeTab()).isEqualTo(text.tabs().get(3));
        browser.assertAccessible();

        openTab(HISTORY);
        assertThat(activeTab()).isEqualTo(text.tabs().get(HISTORY));
        assertThat(browser.elements(By.cssSelector("#historyTable tbody tr")))
                .extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).contains("Nurhayati", text.created()));
        browser.assertAccessible();

        openTab(0);
        assertThat(activeTab()).isEqualTo(text.tabs().get(0));
        browser.assertAccessible();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"id", "en"})
    void programmeManagerMergesTwoRecordsOfOnePerson(String language) {
        Texts text = Texts.of(language);
        String word = uniqueWord();
        LocalDate born = uniqueBirthDate();
        String survivorName = "Muhammad Joko " + word;
        String otherName = "Mohamad Djoko " + word;
        String reason = "KTP menunjukkan orang yang sama; catatan kedua dibuat saat kunjungan rumah " + word;
        signIn("manajer.kartini", text);
        long survivor = register(survivorName, "M", born, TEMANGGUNG_VILLAGE);
        long other = registerConfirmingTheDuplicate(otherName, "M", born, TEMANGGUNG_VILLAGE);

        browser.open("/people/" + survivor);
        browser.clickAndAwaitPage("mergePerson");
        assertThat(browser.currentPath()).isEqualTo("/people/merge?survivor=" + survivor);
        assertThat(browser.element(By.tagName("h1")).getText()).isEqualTo(text.mergeTitle());
        assertThat(browser.elements(By.id("mergeForm"))).isEmpty();
        browser.assertAccessible();

        browser.type("otherLookup", String.valueOf(other));
        browser.clickAndAwaitPage("compareMerge");
        assertThat(browser.currentPath()).isEqualTo("/people/merge?survivor=" + survivor + "&other=" + other);
        List<WebElement> records = browser.elements(By.cssSelector(".pd-merge-record"));
        assertThat(records).hasSize(2);
        assertThat(records.get(0).getText()).contains(text.survivor(), "#" + survivor, survivorName, KARTINI);
        assertThat(records.get(1).getText()).contains(text.merged(), "#" + other, otherName, KARTINI);
        browser.assertAccessible();

        browser.type("mergeReason", reason);
        assertThat(browser.clickAndDecline(browser.element("confirmMerge"))).isEqualTo(text.mergeConfirm());
        assertThat(browser.currentPath())
                .as("nothing is merged when the question is declined")
                .isEqualTo("/people/merge?survivor=" + survivor + "&other=" + other);

        assertThat(browser.clickConfirmAndAwaitPage(browser.element("confirmMerge")))
                .isEqualTo(text.mergeConfirm());

        assertThat(browser.currentPath()).isEqualTo("/people/" + survivor + "?tab=history");
        assertThat(successMessage()).isEqualTo(text.mergeDone());
        assertThat(activeTab()).isEqualTo(text.tabs().get(HISTORY));
        assertThat(browser.elements(By.cssSelector("#mergeHistory li")))
                .extracting(WebElement::getText)
                .singleElement()
                .asString()
                .contains("#" + other, otherName, "manajer.kartini", reason);
        assertThat(browser.elements(By.cssSelector("#historyTable tbody tr")))
                .extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).contains("Agus Setiawan", text.mergedAction(), reason));
        browser.assertAccessible();

        browser.open("/people/" + other);
        assertThat(browser.text("mergedNotice")).contains(text.mergedNotice(), "#" + survivor);
        assertThat(browser.elements(By.id("editPerson")))
                .as("a merged record is kept for the record, not edited")
                .isEmpty();
        browser.assertAccessible();
        openTab(HISTORY);
        assertThat(browser.elements(By.cssSelector("#mergeHistory li")))
                .extracting(WebElement::getText)
                .singleElement()
                .asString()
                .contains("#" + survivor, reason);
        browser.assertAccessible();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"id", "en"})
    void programmeManagerFindsAPersonDespiteATypoAndExportsThemWithAReason(String language) throws IOException {
        Texts text = Texts.of(language);
        String word = uniqueWord();
        String name = "Sri Rahayu " + word;
        String typo = "sri rahaiu " + word.toLowerCase(Locale.ROOT);
        String reason = "Daftar penerima alat bantu dengar triwulan 3 untuk laporan ke dinas sosial " + word;
        signIn("manajer.kartini", text);
        long id = register(name, "F", uniqueBirthDate(), TEMANGGUNG_VILLAGE);

        browser.openFromMenu("/people");
        assertThat(browser.element(By.tagName("h1")).getText()).isEqualTo(t(text, "nav.people"));
        browser.assertAccessible();
        browser.type("q", typo);
        browser.clickAndAwaitPage("searchButton");

        assertThat(browser.currentPath()).isEqualTo("/people/search");
        assertThat(browser.element("q").getAttribute("value")).isEqualTo(typo);
        List<WebElement> rows = browser.elements(By.cssSelector("#peopleTable tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(name, KARTINI);
        assertThat(browser.text("resultCount")).isEqualTo(t(text, "peopleSearch.found", "1"));
        browser.assertAccessible();

        browser.element(By.cssSelector("#exportPanel summary")).click();
        browser.until(d -> d.findElement(By.id("exportButton")).isDisplayed());
        browser.assertAccessible();
        browser.element("formatCsv").click();
        browser.clickAndAwaitPage("exportButton");

        assertThat(browser.status()).as("no export without a reason").isEqualTo(422);
        assertThat(browser.text("formErrors")).contains(t(text, "peopleSearch.export.reasonRequired"));
        assertThat(browser.element("exportButton").isDisplayed()).isTrue();
        browser.assertAccessible();

        browser.type("reason", reason);
        Path file = browser.clickAndAwaitDownload(browser.element("exportButton"));

        assertThat(file.getFileName().toString()).endsWith(".csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith("\uFEFF")
                .contains(t(text, "peopleSearch.column.fullName"), t(text, "peopleSearch.column.nik"));
        assertThat(lines.get(1)).contains(String.valueOf(id), name, TEMANGGUNG_VILLAGE);
        browser.assertAccessible();

        browser.clickAndAwaitPage(browser.element(By.cssSelector("#peopleTable a[href='/people/" + id + "']")));
        assertThat(browser.currentPath()).isEqualTo("/people/" + id);
        browser.assertAccessible();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"id", "en"})
    void socialWorkerImportsAFileWithErrorsReadsTheReportFixesItAndCommits(String language) throws IOException {
        Texts text = Texts.of(language);
        String word = uniqueWord();
        String first = "Dani Firmansyah " + word;
        String second = "Eka Rahayu " + word;
        LocalDate born = uniqueBirthDate();
        String header = "No;Nama Lengkap;JK;Tgl Lahir;Kode Wilayah";
        String firstRow = word + "-1;" + first + ";L;" + DMY.format(born) + ";" + JAMBI_VILLAGE;
        signIn("pekerja.alyatama", text);

        browser.openFromMenu("/people/import");
        assertThat(browser.element(By.tagName("h1")).getText()).isEqualTo(t(text, "import.title"));
        browser.assertAccessible();
        long withErrors = upload(
                "keluarga-" + word + ".csv",
                header,
                firstRow,
                word + "-2;" + second + ";P;31-02-1990;" + JAMBI_VILLAGE);
        mapColumns();
        browser.assertAccessible();
        browser.clickAndAwaitPage("validateButton");
        awaitJob(withErrors, "VALIDATED");

        assertThat(browser.text("summary"))
                .contains(t(text, "import.summary.valid", "1"), t(text, "import.summary.errors", "1"));
        List<WebElement> issues = browser.elements(By.cssSelector("#issueTable tbody tr"));
        assertThat(issues).hasSize(1);
        assertThat(issues.get(0).getText()).contains("3", "Tgl Lahir", t(text, "import.severity.ERROR"), "31-02-1990");
        assertThat(browser.element("commitAll").isEnabled())
                .as("nothing is saved while a row has errors")
                .isFalse();
        browser.assertAccessible();
        Path report = browser.clickAndAwaitDownload(browser.element("reportCsv"));
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("31-02-1990", "Tgl Lahir");

        browser.openFromMenu("/people/import");
        long fixed = upload(
                "keluarga-" + word + "-perbaikan.csv",
                header,
                firstRow,
                word + "-2;" + second + ";P;28-02-1990;" + JAMBI_VILLAGE);
        mapColumns();
        browser.clickAndAwaitPage("validateButton");
        awaitJob(fixed, "VALIDATED");

        assertThat(browser.text("summary"))
                .contains(t(text, "import.summary.valid", "2"), t(text, "import.summary.errors", "0"));
        assertThat(browser.elements(By.cssSelector("#issueTable tbody tr"))).isEmpty();
        browser.assertAccessible();
        browser.clickAndAwaitPage("commitAll");
        awaitJob(fixed, "COMMITTED");

        assertThat(browser.text("createdCount")).isEqualTo(t(text, "import.summary.created", "2"));
        browser.assertAccessible();
        browser.openFromMenu("/people/import");
        assertThat(browser.elements(By.cssSelector("#jobTable tbody tr")))
                .extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row)
                        .contains("keluarga-" + word + "-perbaikan.csv", t(text, "import.status.COMMITTED")))
                .anySatisfy(row ->
                        assertThat(row).contains("keluarga-" + word + ".csv", t(text, "import.status.VALIDATED")));
        browser.assertAccessible();

        browser.openFromMenu("/people");
        browser.type("q", word);
        browser.clickAndAwaitPage("searchButton");
        assertThat(browser.elements(By.cssSelector("#peopleTable tbody tr a")))
                .extracting(WebElement::getText)
                .containsExactlyInAnyOrder(first, second);
        browser.assertAccessible();
    }

    /** Uploads a CSV file with these lines from the import page; on the new job's page. */
    private long upload(String fileName, String... lines) throws IOException {
        Path file = uploads.resolve(fileName);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        selectByText("orgUnitId", ALYATAMA);
        browser.element("file").sendKeys(file.toAbsolutePath().toString());
        browser.clickAndAwaitPage("uploadButton");
        String path = browser.currentPath();
        assertThat(path).matches("/people/import/\\d+");
        assertThat(browser.element(By.tagName("h1")).getText()).isEqualTo(fileName);
        return Long.parseLong(path.substring("/people/import/".length()));
    }

    /** Chooses the option whose text, without the indentation of the unit tree, is {@code label}. */
    private void selectByText(String selectId, String label) {
        Select select = new Select(browser.element(selectId));
        select.getOptions().stream()
                .filter(option ->
                        option.getText().replace('\u00a0', ' ').strip().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no option " + label + " in #" + selectId))
                .click();
    }

    /** Maps the columns of the journey's files to the registry's fields. */
    private void mapColumns() {
        new Select(browser.element("map_external_id")).selectByVisibleText("No");
        new Select(browser.element("map_full_name")).selectByVisibleText("Nama Lengkap");
        new Select(browser.element("map_sex")).selectByVisibleText("JK");
        new Select(browser.element("map_birth_date")).selectByVisibleText("Tgl Lahir");
        new Select(browser.element("map_region_code")).selectByVisibleText("Kode Wilayah");
    }

    /** Waits while the job runs (its page polls and reloads itself when the job is done) until it has {@code status}. */
    private void awaitJob(long id, String status) {
        // Longer than the usual wait: a busy machine may take its time; the page reloads itself meanwhile.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(90), Duration.ofMillis(100))
                .ignoring(WebDriverException.class)
                .until(d -> browser.currentPath().equals("/people/import/" + id)
                        && d.findElements(By.id("importProgress")).isEmpty()
                        && !d.findElements(By.id("summary")).isEmpty());
        browser.awaitQuiet();
        assertThat(browser.element(By.cssSelector("#jobStatus .badge")).getText())
                .isEqualTo(messages.getMessage(
                        "import.status." + status, null, Locale.forLanguageTag(browser.language())));
    }

    /** A message in the language of {@code text}, as the pages show it. */
    private String t(Texts text, String key, Object... args) {
        return messages.getMessage(key, args, text.locale());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"desktop", "phone"})
    void registryPagesFitTheScreen(String screen) throws IOException {
        Dimension size = screen.equals("phone") ? Browser.PHONE : Browser.DESKTOP;
        String word = uniqueWord();
        LocalDate born = uniqueBirthDate();
        browser.resize(size);
        assertThat(browser.viewport()).isEqualTo(size);
        signIn("manajer.kartini", Texts.of("id"));

        browser.open("/people/new");
        assertFits();
        long survivor = register("Bambang Prasetyo " + word, "M", born, TEMANGGUNG_VILLAGE);
        assertFits();
        browser.open("/people/new");
        fillPerson("Bambang Prasetya " + word, "M", born, TEMANGGUNG_VILLAGE);
        browser.clickAndAwaitPage("savePerson");
        assertThat(browser.elements(By.id("duplicateCandidates"))).hasSize(1);
        assertFits();
        browser.element("acceptWarnings").click();
        browser.clickAndAwaitPage("savePerson");
        long other = profileId();

        openTab(1);
        browser.clickAndAwaitPage("startHousehold");
        pick("memberId", "Bambang Prasetyo " + word, survivor);
        new Select(browser.element("relationship")).selectByValue("SIBLING");
        browser.clickAndAwaitPage("addMember");
        browser.type("kk", uniqueKk());
        browser.enterDate("validFrom", today());
        browser.clickAndAwaitPage("addKk");
        for (String tab : List.of("details", "household", "consent", "programmes", "history")) {
            browser.open("/people/" + other + "?tab=" + tab);
            assertFits();
        }
        browser.open("/people/" + other + "/edit");
        assertFits();
        browser.open("/people/merge?survivor=" + survivor + "&other=" + other);
        assertFits();

        browser.open("/people");
        assertFits();
        browser.type("q", "bambang " + word);
        browser.clickAndAwaitPage("searchButton");
        browser.element(By.cssSelector("#exportPanel summary")).click();
        browser.until(d -> d.findElement(By.id("exportButton")).isDisplayed());
        assertFits();
        browser.open("/people/import");
        assertFits();
        String fileName = "keluarga-" + word + ".csv";
        Path file = uploads.resolve(fileName);
        Files.writeString(
                file,
                "No;Nama Lengkap;JK;Tgl Lahir\n" + word + "-1;Bambang Sutrisno " + word + ";L;31-02-1990\n",
                StandardCharsets.UTF_8);
        selectByText("orgUnitId", KARTINI);
        browser.element("file").sendKeys(file.toAbsolutePath().toString());
        browser.clickAndAwaitPage("uploadButton");
        long job = Long.parseLong(browser.currentPath().substring("/people/import/".length()));
        assertFits();
        new Select(browser.element("map_external_id")).selectByVisibleText("No");
        browser.clickAndAwaitPage("validateButton");
        awaitJob(job, "VALIDATED");
        assertFits();
        browser.open("/people/import");
        assertFits();
    }

    /** Signs in and shows the pages in {@code text}'s language (switching if needed). */
    private void signIn(String username, Texts text) {
        homeUnit = username.equals("manajer.kartini") ? KARTINI : ALYATAMA;
        signedInAs = username;
        signInAs(username);
        if (!text.language().equals(browser.language())) {
            browser.switchLanguage(text.language());
        }
        assertThat(browser.language()).isEqualTo(text.language());
    }

    /** Fills the registration form: unit, name, sex, birth date and region down to a village. */
    private void fillPerson(String name, String sex, LocalDate born, String village) {
        selectByText("orgUnitId", homeUnit);
        browser.type("fullName", name);
        browser.element("sex" + sex).click();
        browser.type("birthPlace", "Jambi");
        browser.enterDate("birthDate", born);
        browser.chooseRegion("regionCode", village);
        browser.type("street", "Jl. Sipin Ujung");
    }

    /**
     * Registers a person with no possible duplicate through the registry's service, as the signed-in user (only the
     * first journey is about the registration form), and opens their profile, checked with axe.
     */
    private long register(String name, String sex, LocalDate born, String village) {
        long id = registerThroughService(name, sex, born, village, false);
        browser.open("/people/" + id);
        browser.assertAccessible();
        return id;
    }

    /** Registers a person whom the registry takes for a duplicate, accepting the warning, through the service. */
    private long registerConfirmingTheDuplicate(String name, String sex, LocalDate born, String village) {
        return registerThroughService(name, sex, born, village, true);
    }

    private long registerThroughService(String name, String sex, LocalDate born, String village, boolean accept) {
        RegistryTestSupport.signIn(context, signedInAs);
        try {
            RegistryTestSupport.PersonBuilder person = RegistryTestSupport.aPerson(
                            RegistryTestSupport.unit(context, homeUnit))
                    .named(name)
                    .sex(Sex.valueOf(sex))
                    .born(born)
                    .region(village);
            return people.register((accept ? person.acceptingWarnings() : person).build())
                    .id();
        } finally {
            RegistryTestSupport.signOut();
        }
    }

    /** The id of the person whose profile is shown. */
    private long profileId() {
        String path = browser.currentPath();
        assertThat(path).as("on a profile").matches("/people/\\d+(\\?.*)?");
        return Long.parseLong(path.replaceAll("/people/(\\d+).*", "$1"));
    }

    private String successMessage() {
        return browser.element(By.cssSelector("#main .alert-success")).getText();
    }

    private List<String> tabs() {
        return browser.elements(By.cssSelector("#profileTabs .nav-link")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private String activeTab() {
        return browser.element(By.cssSelector("#profileTabs .nav-link.active[aria-current=page]"))
                .getText();
    }

    private WebElement tabLink(int index) {
        return browser.elements(By.cssSelector("#profileTabs .nav-link")).get(index);
    }

    /** Finds a person by name in the person picker of {@code field} and picks the one with {@code id}. */
    private void pick(String field, String name, long id) {
        browser.type("picker-" + field + "-q", name);
        By button = By.cssSelector("#picker-" + field + " [data-pick-id='" + id + "']");
        browser.until(d -> !d.findElements(button).isEmpty());
        browser.element(button).click();
        browser.until(d -> d.findElement(By.cssSelector("#picker-" + field + " [data-picker-chosen]"))
                .isDisplayed());
        assertThat(browser.element(By.name(field)).getAttribute("value")).isEqualTo(String.valueOf(id));
    }

    /** The history tab's place: after the registry's tabs and the case core's "case services" tab. */
    private static final int HISTORY = 5;

    private void openTab(int index) {
        browser.clickAndAwaitPage(tabLink(index));
    }

    /** Name and relationship of every household member. */
    private List<List<String>> memberRows() {
        return browser.elements(By.cssSelector("#memberTable tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream()
                        .limit(2)
                        .map(WebElement::getText)
                        .toList())
                .toList();
    }

    private void assertFits() {
        assertThat(browser.scrollsHorizontally())
                .as(
                        "%s scrolls sideways: %s px wide in a %s px viewport",
                        browser.currentPath(),
                        browser.script("return document.documentElement.scrollWidth"),
                        browser.viewport().getWidth())
                .isFalse();
        assertThat(browser.script("return Array.from(document.querySelectorAll('.table-responsive'))"
                        + ".filter(box => box.scrollWidth > box.clientWidth + 1)"
                        + ".map(box => box.querySelector('table').id)"))
                .as("tables that scroll sideways on %s", browser.currentPath())
                .asList()
                .isEmpty();
    }

    private LocalDate today() {
        return LocalDate.now(ZoneId.of(timeZone));
    }

    /** A small PNG portrait to upload. */
    private Path portrait() throws IOException {
        Path file = uploads.resolve("foto-" + uniqueWord() + ".png");
        BufferedImage image = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 60; x++) {
            for (int y = 0; y < 80; y++) {
                image.setRGB(x, y, 0x0b6e69 + x * 256 + y);
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file.toAbsolutePath();
    }

    /** A word of letters only (names are compared by their letters) that no other run uses. */
    private static String uniqueWord() {
        long number = System.currentTimeMillis() * 100 + RUNS.incrementAndGet() % 100;
        StringBuilder word = new StringBuilder();
        while (number > 0) {
            word.append((char) ('a' + number % 26));
            number /= 26;
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** A birth date in 1941–1959 that no other test of this run uses, so that only its own records look alike. */
    private static LocalDate uniqueBirthDate() {
        return LocalDate.of(1941, 1, 1).plusDays(BIRTHS.incrementAndGet() * 7L % 6800);
    }

    /** A child's birth date in 2006–2024, likewise unique in this run. */
    private static LocalDate uniqueChildBirthDate() {
        return LocalDate.of(2006, 1, 1).plusDays(BIRTHS.incrementAndGet() * 7L % 6800);
    }

    /** A well-formed KK number from Kota Jambi that no other run uses. */
    private static String uniqueKk() {
        return "157101"
                + String.format("%010d", (System.currentTimeMillis() * 10 + RUNS.incrementAndGet()) % 10_000_000_000L);
    }

    /** What the interface says, in one language. */
    private record Texts(
            String language,
            Locale locale,
            String registerPerson,
            String registeredPattern,
            String photoSaved,
            String photoPattern,
            String editPattern,
            String saved,
            String identity,
            String confirmWarnings,
            String candidates,
            String acceptWarnings,
            List<String> tabs,
            String startHousehold,
            String householdCreated,
            String memberAdded,
            String head,
            String child,
            String kkRecorded,
            String current,
            String noConsent,
            String consentRecorded,
            String workshopServices,
            String consentBasis,
            String person,
            String active,
            String created,
            String mergeTitle,
            String survivor,
            String merged,
            String mergeConfirm,
            String mergeDone,
            String mergedAction,
            String mergedNotice) {

        static Texts of(String language) {
            return language.equals("en")
                    ? new Texts(
                            "en",
                            Locale.ENGLISH,
                            "Register person",
                            "%s registered.",
                            "Photo saved.",
                            "Photo of %s",
                            "Edit %s",
                            "Changes saved.",
                            "Identity",
                            "There are warnings to check. If everything is right, tick the confirmation and save again.",
                            "Possibly the same person:",
                            "I have checked the warnings above; this record is right and not a duplicate.",
                            List.of("Details", "Household", "Consent", "Programmes", "Case services", "History"),
                            "Start a household with this person as its head",
                            "Household created.",
                            "Member added.",
                            "Head of household",
                            "Child",
                            "New KK recorded; the previous one was closed.",
                            "now",
                            "No consent recorded yet.",
                            "Consent recorded.",
                            "Sheltered Workshop services",
                            "Consent",
                            "The person",
                            "Active",
                            "Created",
                            "Merge duplicate records",
                            "Kept",
                            "Merged",
                            "Merge the two records? This is written to the processing log.",
                            "Records merged.",
                            "Merged",
                            "This record was merged into")
                    : new Texts(
                            "id",
                            Locale.forLanguageTag("id"),
                            "Daftarkan orang",
                            "%s terdaftar.",
                            "Foto disimpan.",
                            "Foto %s",
                            "Ubah data %s",
                            "Perubahan disimpan.",
                            "Identitas",
                            "Ada peringatan yang perlu Anda periksa. Jika sudah benar, centang konfirmasi lalu simpan"
                                    + " lagi.",
                            "Kemungkinan orang yang sama:",
                            "Saya sudah memeriksa peringatan di atas; data ini benar dan bukan duplikat.",
                            List.of("Rincian", "Keluarga", "Persetujuan", "Program", "Layanan kasus", "Riwayat"),
                            "Buat keluarga dengan orang ini sebagai kepala keluarga",
                            "Keluarga dibuat.",
                            "Anggota ditambahkan.",
                            "Kepala keluarga",
                            "Anak",
                            "KK baru dicatat; KK sebelumnya ditutup.",
                            "sekarang",
                            "Belum ada persetujuan tercatat.",
                            "Persetujuan dicatat.",
                            "Layanan Sheltered Workshop",
                            "Persetujuan",
                            "Yang bersangkutan",
                            "Aktif",
                            "Membuat",
                            "Gabungkan data ganda",
                            "Dipertahankan",
                            "Digabungkan",
                            "Gabungkan kedua catatan? Tindakan ini tercatat di log pemrosesan.",
                            "Catatan digabungkan.",
                            "Menggabungkan",
                            "Data ini sudah digabungkan ke");
        }

        String registered(String name) {
            return registeredPattern.formatted(name);
        }

        String photoOf(String name) {
            return photoPattern.formatted(name);
        }

        String editTitle(String name) {
            return editPattern.formatted(name);
        }

        /** A date as the pages show it. */
        String date(LocalDate date) {
            return DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(date);
        }
    }
}
