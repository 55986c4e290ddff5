package id.peduli.registry.person;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.Browser;
import id.peduli.BrowserTestSupport;
import id.peduli.PeduliTest;
import id.peduli.access.Users;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A social worker links household members with the person picker (an existing person found by name, and a new one
 * registered on the spot), and finds results before the filters after a search; on a laptop and a phone, in both
 * languages, checked with axe.
 */
@PeduliTest
class PersonPickerBrowserTest extends BrowserTestSupport {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final String JAMBI_VILLAGE = "15.71.01.1001";

    @Autowired
    ApplicationContext context;

    @Autowired
    People people;

    @Autowired
    Households households;

    @Autowired
    Users users;

    @BeforeEach
    void comeAsANewVisitor() {
        browser.forgetCookies();
    }

    @AfterEach
    void restore() {
        browser.resize(Browser.DESKTOP);
        users.findByUsername("pekerja.alyatama").ifPresent(user -> users.setLocale(user.id(), "id"));
    }

    private static Dimension size(String screen) {
        return screen.equals("phone") ? Browser.PHONE : Browser.DESKTOP;
    }

    private void signIn(String language) {
        signInAs("pekerja.alyatama");
        if (!language.equals(browser.language())) {
            browser.switchLanguage(language);
        }
    }

    private long register(String name, LocalDate born) {
        id.peduli.registry.RegistryTestSupport.signIn(context, "pekerja.alyatama");
        try {
            return people.register(id.peduli.registry.RegistryTestSupport.aPerson(
                                    id.peduli.registry.RegistryTestSupport.unit(context, "PSAA Alyatama Jambi"))
                            .named(name)
                            .born(born)
                            .region(JAMBI_VILLAGE)
                            .acceptingWarnings()
                            .build())
                    .id();
        } finally {
            id.peduli.registry.RegistryTestSupport.signOut();
        }
    }

    private long household(long head) {
        id.peduli.registry.RegistryTestSupport.signIn(context, "pekerja.alyatama");
        try {
            return households.create(head).id();
        } finally {
            id.peduli.registry.RegistryTestSupport.signOut();
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"desktop,id", "phone,en"})
    void aMemberIsPickedByNameAndANewOneRegisteredOnTheSpot(String screen, String language) {
        String word = uniqueWord();
        long head = register("Rosdiana " + word, LocalDate.of(1982, 3, 4));
        long child = register("Aisyah Putri " + word, LocalDate.of(2014, 6, 7));
        long household = household(head);
        browser.resize(size(screen));
        signIn(language);

        browser.open("/people/" + head + "?tab=household");
        browser.type("picker-memberId-q", "Aisyah Putri " + word);
        By childButton = By.cssSelector("#picker-memberId [data-pick-id='" + child + "']");
        browser.until(d -> !d.findElements(childButton).isEmpty());
        WebElement result = browser.element(By.cssSelector("#picker-memberId .list-group-item"));
        assertThat(result.getText()).contains("Aisyah Putri " + word).contains("Simpang IV Sipin");
        browser.assertAccessible();
        browser.element(childButton).click();
        browser.until(d -> d.findElement(By.cssSelector("#picker-memberId [data-picker-chosen]"))
                .isDisplayed());
        assertThat(browser.element(By.name("memberId")).getAttribute("value")).isEqualTo(String.valueOf(child));
        new Select(browser.element("relationship")).selectByValue("CHILD");
        browser.clickAndAwaitPage("addMember");
        assertThat(browser.elements(By.cssSelector("#memberTable tbody tr")))
                .extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).contains("Aisyah Putri " + word));

        // Someone not registered yet: registered on the spot, and back on the household with them chosen.
        browser.clickAndAwaitPage(browser.element(By.cssSelector("#picker-memberId [data-picker-register]")));
        assertThat(browser.currentPath()).startsWith("/people/new?returnTo=");
        browser.assertAccessible();
        browser.type("fullName", "Farhan " + word);
        browser.element("sexM").click();
        browser.enterDate("birthDate", LocalDate.of(2018, 9, 9));
        browser.clickAndAwaitPage("savePerson");
        if (!browser.elements(By.id("acceptWarnings")).isEmpty()) {
            browser.element("acceptWarnings").click();
            browser.clickAndAwaitPage("savePerson");
        }
        assertThat(browser.currentPath()).startsWith("/people/" + head + "?tab=household&picked=");
        browser.until(d -> d.findElement(By.cssSelector("#picker-memberId [data-picker-chosen-text]"))
                .getText()
                .contains("Farhan " + word));
        browser.assertAccessible();
        new Select(browser.element("relationship")).selectByValue("CHILD");
        browser.clickAndAwaitPage("addMember");
        assertThat(browser.elements(By.cssSelector("#memberTable tbody tr")))
                .extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).contains("Farhan " + word));
        assertThat(household).isPositive();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"desktop,id", "desktop,en", "phone,id", "phone,en"})
    void afterASearchTheFirstResultIsOnTheFirstScreenAndTheFiltersWaitBehindOneButton(String screen, String language) {
        String word = uniqueWord();
        register("Zubaidah " + word, LocalDate.of(1977, 5, 5));
        browser.resize(size(screen));
        signIn(language);

        browser.open("/people");
        assertThat(browser.element("searchFilters").getAttribute("open")).isNotNull();
        browser.type("q", "Zubaidah " + word);
        browser.clickAndAwaitPage("searchButton");

        assertThat(browser.element("searchFilters").getAttribute("open")).isNull();
        assertThat(browser.element("ageFrom").isDisplayed()).isFalse();
        WebElement first = browser.element(By.cssSelector("#peopleTable tbody tr"));
        Number top = (Number) browser.script("return arguments[0].getBoundingClientRect().top", first);
        Number height = (Number) browser.script("return window.innerHeight");
        assertThat(top.doubleValue())
                .as("first result's y on a %s screen", screen)
                .isLessThan(height.doubleValue() - 40);
        browser.assertAccessible();

        browser.element(By.cssSelector("#searchFilters summary")).click();
        browser.until(d -> d.findElement(By.id("ageFrom")).isDisplayed());
        assertThat(List.of(browser.element("sex"), browser.element("disability")))
                .allMatch(WebElement::isDisplayed);
    }

    private static String uniqueWord() {
        long number = System.currentTimeMillis() * 100 + RUNS.incrementAndGet() % 100;
        StringBuilder word = new StringBuilder();
        while (number > 0) {
            word.append((char) ('a' + number % 26));
            number /= 26;
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
