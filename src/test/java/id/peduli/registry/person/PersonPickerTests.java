package id.peduli.registry.person;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.registry.RegistryTestSupport.aPerson;
import static id.peduli.registry.RegistryTestSupport.nikFor;
import static id.peduli.registry.RegistryTestSupport.signIn;
import static id.peduli.registry.RegistryTestSupport.signOut;
import static id.peduli.registry.RegistryTestSupport.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.registry.PersonView;
import id.peduli.registry.Sex;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@PeduliTest
class PersonPickerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    People people;

    @Autowired
    Households households;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clear() {
        signOut();
    }

    private PersonView registerInJambi(String name, LocalDate born, String nik) {
        signIn(context, "pekerja.alyatama");
        try {
            return people.register(aPerson(unit(context, "PSAA Alyatama Jambi"))
                    .named(name)
                    .born(born)
                    .nik(nik)
                    .acceptingWarnings()
                    .build());
        } finally {
            signOut();
        }
    }

    private String pick(String user, String query) throws Exception {
        return mvc.perform(post("/people/picker/search")
                        .param("picker", "picker-memberId")
                        .param("personPickerQuery", query)
                        .with(csrf())
                        .with(as(context, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void findsPeopleOfTheUsersUnitsByNameWithBirthDateVillageAndMaskedNik() throws Exception {
        LocalDate born = LocalDate.of(1984, 7, 19);
        String nik = nikFor(born, Sex.F, 8101);
        PersonView person = registerInJambi("Yusnaini Pickerwati", born, nik);

        String found = pick("pekerja.alyatama", "Yusnaini Pickerwati");
        assertThat(found)
                .contains("Yusnaini Pickerwati")
                .contains("data-pick-id=\"" + person.id() + "\"")
                .contains("Simpang IV Sipin")
                .contains(nik.substring(0, 4) + "••••")
                .doesNotContain(nik)
                .doesNotContain("15.71.01.1001");

        // Someone of another unit's scope is not offered.
        assertThat(pick("pendamping.temanggung", "Yusnaini Pickerwati")).doesNotContain("Yusnaini Pickerwati");
    }

    @Test
    void aNikTypedInThePickerTravelsInTheBodyAndTheLookupIsLogged() throws Exception {
        LocalDate born = LocalDate.of(1990, 2, 11);
        String nik = nikFor(born, Sex.F, 8102);
        PersonView person = registerInJambi("Halimatus Pickerwati", born, nik);
        long before = jdbc.sql("select count(*) from audit.entry where subject_type = 'PersonLookup'")
                .query(Long.class)
                .single();

        assertThat(pick("pekerja.alyatama", nik)).contains("data-pick-id=\"" + person.id() + "\"");

        assertThat(jdbc.sql("select count(*) from audit.entry where subject_type = 'PersonLookup'")
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from audit.entry where coalesce(changes::text, '') like ?")
                        .param("%" + nik + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theChosenPersonCardAnswersLikeAMissingOneOutsideTheUsersUnits() throws Exception {
        PersonView person = registerInJambi("Rosmani Pickerwati", LocalDate.of(1970, 3, 3), null);
        String card = mvc.perform(get("/people/picker/chosen/" + person.id()).with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(card).contains("Rosmani Pickerwati");
        mvc.perform(get("/people/picker/chosen/" + person.id()).with(as(context, "pendamping.temanggung")))
                .andExpect(status().isNotFound());
    }

    @Test
    void registeringOnTheSpotComesBackToTheHouseholdWithTheNewPersonChosen() throws Exception {
        PersonView head = registerInJambi("Syamsudin Pickerman", LocalDate.of(1968, 1, 9), null);
        signIn(context, "pekerja.alyatama");
        HouseholdView household = households.create(head.id());
        signOut();
        String returnTo = "/people/" + head.id() + "?tab=household";

        String form = mvc.perform(get("/people/new").param("returnTo", returnTo).with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("name=\"returnTo\" value=\"/people/" + head.id() + "?tab=household\"");

        var result = mvc.perform(post("/people")
                        .with(csrf())
                        .with(as(context, "pekerja.alyatama"))
                        .param("returnTo", returnTo)
                        .param("orgUnitId", String.valueOf(unit(context, "PSAA Alyatama Jambi")))
                        .param("fullName", "Zahra Pickerwati")
                        .param("sex", "F")
                        .param("birthDate", "2014-05-05")
                        .param("acceptWarnings", "true"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith(returnTo + "&picked=");
        long picked = Long.parseLong(location.substring(location.indexOf("picked=") + 7));

        String profile = mvc.perform(get(location).with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(profile)
                .contains("name=\"memberId\" value=\"" + picked + "\"")
                .contains("/people/picker/chosen/" + picked)
                .doesNotContain("type=\"number\" min=\"1\" required");

        mvc.perform(post("/people/" + head.id() + "/household/" + household.id() + "/members")
                        .with(csrf())
                        .with(as(context, "pekerja.alyatama"))
                        .param("memberId", String.valueOf(picked))
                        .param("relationship", "CHILD"))
                .andExpect(redirectedUrl(returnTo));
        signIn(context, "pekerja.alyatama");
        assertThat(households.get(household.id()).members())
                .anySatisfy(m -> assertThat(m.personId()).isEqualTo(picked));
    }

    @Test
    void aReturnAddressOfAnotherSiteIsIgnored() throws Exception {
        var result = mvc.perform(post("/people")
                        .with(csrf())
                        .with(as(context, "pekerja.alyatama"))
                        .param("returnTo", "//evil.example/steal")
                        .param("orgUnitId", String.valueOf(unit(context, "PSAA Alyatama Jambi")))
                        .param("fullName", "Nurbaya Pickerwati")
                        .param("sex", "F")
                        .param("birthDate", "1999-05-05")
                        .param("acceptWarnings", "true"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).matches("/people/\\d+");
    }

    @Test
    void theGuardianIsPickedInTheFormAndAGuardianRegisteredOnTheSpotComesBackChosen() throws Exception {
        PersonView child = registerInJambi("Nayla Pickerwati", LocalDate.of(2016, 8, 8), null);
        PersonView mother = registerInJambi("Rahmah Pickerwati", LocalDate.of(1988, 8, 8), null);
        String edit = mvc.perform(get("/people/" + child.id() + "/edit")
                        .param("picked", String.valueOf(mother.id()))
                        .with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(edit)
                .contains("name=\"guardianId\" value=\"" + mother.id() + "\"")
                .contains("data-person-picker")
                .contains("/people/new?returnTo=%2Fpeople%2F" + child.id() + "%2Fedit");
    }
}
