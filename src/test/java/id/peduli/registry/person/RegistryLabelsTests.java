package id.peduli.registry.person;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.registry.RegistryTestSupport.aPerson;
import static id.peduli.registry.RegistryTestSupport.signIn;
import static id.peduli.registry.RegistryTestSupport.signOut;
import static id.peduli.registry.RegistryTestSupport.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.registry.ConsentCommand;
import id.peduli.registry.DisabilityType;
import id.peduli.registry.PersonView;
import id.peduli.registry.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** Registry pages speak in labels: no code that has a label is shown, and the history reads as the user knows it. */
@PeduliTest
class RegistryLabelsTests {

    /** Every code of the registry that has a translated label. */
    private static final List<String> CODES = Stream.of(
                    Stream.of(
                            "WORKSHOP_SERVICES",
                            "CHILD_WELFARE_SERVICES",
                            "PHOTO_USE",
                            "DATA_SHARING",
                            "RESEARCH",
                            "SERVICE_DELIVERY",
                            "ALL_OR_NOTHING",
                            "VALID_ONLY"),
                    Arrays.stream(ConsentCommand.LawfulBasis.values()).map(Enum::name),
                    Arrays.stream(ConsentCommand.ConsentGiver.values()).map(Enum::name),
                    Arrays.stream(ConsentCommand.ConsentMethod.values()).map(Enum::name),
                    Arrays.stream(DisabilityType.values()).map(Enum::name),
                    Arrays.stream(HouseholdView.Relationship.values()).map(Enum::name))
            .flatMap(s -> s)
            .toList();

    private static final Pattern UPPER = Pattern.compile("\\b[A-Z][A-Z_]{2,}\\b");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    People people;

    @Autowired
    Consents consents;

    @Autowired
    Households households;

    @AfterEach
    void clear() {
        signOut();
    }

    /** The text a reader sees: no tags, attributes or scripts. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<[^>]*>", " ")
                .replace("&nbsp;", " ");
    }

    private static List<String> codesShown(String html) {
        List<String> shown = new ArrayList<>();
        Matcher m = UPPER.matcher(visibleText(html));
        while (m.find()) {
            if (CODES.contains(m.group())) {
                shown.add(m.group());
            }
        }
        return shown;
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theProfileTabsShowNoCodeThatHasALabel() throws Exception {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        signIn(context, "pekerja.alyatama");
        PersonView mother = people.register(aPerson(alyatama)
                .named("Rukiah Labelina")
                .born(LocalDate.of(1983, 2, 2))
                .acceptingWarnings()
                .build());
        PersonView child = people.register(aPerson(alyatama)
                .named("Zaskia Labelina")
                .born(LocalDate.of(2015, 2, 2))
                .disabilities(DisabilityType.INTELLECTUAL)
                .guardian(mother.id(), "Ibu")
                .acceptingWarnings()
                .build());
        consents.record(
                child.id(),
                new ConsentCommand(
                        "CHILD_WELFARE_SERVICES",
                        ConsentCommand.LawfulBasis.CONSENT,
                        ConsentCommand.ConsentGiver.PARENT,
                        ConsentCommand.ConsentMethod.EASY_READ_FORM,
                        "2026.1",
                        LocalDate.of(2026, 1, 5)));
        HouseholdView household = households.create(mother.id());
        households.addMember(household.id(), child.id(), HouseholdView.Relationship.CHILD);
        signOut();

        for (String tab : List.of("details", "household", "consent", "history")) {
            String html = page("/people/" + child.id() + "?tab=" + tab);
            assertThat(codesShown(html)).as("codes on the %s tab", tab).isEmpty();
        }
        assertThat(codesShown(page("/people/import"))).isEmpty();
    }

    @Test
    void theHistorySaysWhatChangedInTheUsersWordsAndSummarisesViews() throws Exception {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        signIn(context, "pekerja.alyatama");
        PersonView sri = people.register(aPerson(alyatama)
                .named("Sri")
                .sex(Sex.F)
                .born(LocalDate.of(1988, 4, 12))
                .region("15.71.01.1001")
                .acceptingWarnings()
                .build());
        people.update(
                sri.id(),
                sri.version(),
                aPerson(alyatama)
                        .named("Sri Wahyuningsih Riwayat")
                        .sex(Sex.F)
                        .born(LocalDate.of(1988, 4, 12))
                        .region("15.71.01.1002")
                        .acceptingWarnings()
                        .build());
        signOut();
        for (int i = 0; i < 3; i++) {
            page("/people/" + sri.id());
        }

        String history =
                visibleText(page("/people/" + sri.id() + "?tab=history")).replaceAll("\\s+", " ");
        assertThat(history)
                .contains("Nama lengkap : Sri → Sri Wahyuningsih Riwayat")
                .contains("Desa/kelurahan :")
                .contains("Buluran Kenali")
                .doesNotContain("fullName")
                .doesNotContain("15.71.01.1002")
                .containsPattern("Dilihat \\d+ kali oleh Nurhayati");
        Matcher views = Pattern.compile("Dilihat \\d+ kali oleh Nurhayati").matcher(history);
        int lines = 0;
        while (views.find()) {
            lines++;
        }
        assertThat(lines).as("one line for the views of one user on one day").isEqualTo(1);
    }
}
