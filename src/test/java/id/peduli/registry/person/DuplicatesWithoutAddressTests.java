package id.peduli.registry.person;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.registry.RegistryTestSupport.aPerson;
import static id.peduli.registry.RegistryTestSupport.signIn;
import static id.peduli.registry.RegistryTestSupport.signOut;
import static id.peduli.registry.RegistryTestSupport.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.registry.PersonView;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The duplicate check when no address is given: name and birth within the user's scope, and the guardian's people. */
@PeduliTest
class DuplicatesWithoutAddressTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    People people;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void clear() {
        signOut();
    }

    @Test
    void aOneLetterTypoWithTheSameBirthDateAndNoAddressIsCaughtWithItsReasons() {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        signIn(context, "pekerja.alyatama");
        LocalDate born = LocalDate.of(1979, 8, 21);
        PersonView first = people.register(aPerson(alyatama)
                .named("Sri Wahyuningsih")
                .born(born)
                .acceptingWarnings()
                .build());

        assertThatThrownBy(() -> people.register(aPerson(alyatama)
                        .named("Sri Wahyuningsi")
                        .born(born)
                        .region(null)
                        .build()))
                .isInstanceOfSatisfying(People.NeedsConfirmation.class, e -> {
                    assertThat(e.problems())
                            .anySatisfy(p -> assertThat(p.key()).isEqualTo("person.possibleDuplicates"));
                    assertThat(e.candidates()).anySatisfy(c -> {
                        assertThat(c.id()).isEqualTo(first.id());
                        assertThat(c.reasons()).containsExactly("SIMILAR_NAME", "SAME_BIRTH_DATE");
                    });
                });
    }

    @Test
    void anApproximateBirthYearOneYearOffStillMatchesAndSaysSo() {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        signIn(context, "pekerja.alyatama");
        PersonView first = people.register(aPerson(alyatama)
                .named("Darmini Kusumawati")
                .born(LocalDate.of(1961, 2, 2))
                .region(null)
                .acceptingWarnings()
                .build());
        assertThatThrownBy(() -> people.register(aPerson(alyatama)
                        .named("Darmini Kusumawati")
                        .bornAbout(1962)
                        .region(null)
                        .build()))
                .isInstanceOfSatisfying(
                        People.NeedsConfirmation.class,
                        e -> assertThat(e.candidates()).anySatisfy(c -> {
                            assertThat(c.id()).isEqualTo(first.id());
                            assertThat(c.reasons()).contains("NEAR_BIRTH_YEAR");
                        }));
    }

    @Test
    void withoutAnAddressPeopleOutsideTheUsersUnitsAreNotCompared() {
        long temanggung = unit(context, "SW Peduli Temanggung");
        signIn(context, "pendamping.temanggung");
        LocalDate born = LocalDate.of(1983, 6, 14);
        people.register(aPerson(temanggung)
                .named("Wagiyem Sulistyowati")
                .born(born)
                .region(null)
                .acceptingWarnings()
                .build());
        signIn(context, "pekerja.alyatama");
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        PersonView saved = people.register(aPerson(alyatama)
                .named("Wagiyem Sulistyowati")
                .born(born)
                .region(null)
                .build());
        assertThat(saved.id()).isPositive();
    }

    @Test
    void theGuardiansOtherWardsWithASimilarNameAreShownWhateverTheirBirthDate() {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        signIn(context, "pekerja.alyatama");
        PersonView mother = people.register(aPerson(alyatama)
                .named("Rosmiati Harahap")
                .born(LocalDate.of(1980, 1, 5))
                .region(null)
                .acceptingWarnings()
                .build());
        PersonView child = people.register(aPerson(alyatama)
                .named("Nabila Putri Harahap")
                .born(LocalDate.of(2015, 3, 3))
                .region(null)
                .guardian(mother.id(), "Ibu")
                .acceptingWarnings()
                .build());
        assertThatThrownBy(() -> people.register(aPerson(alyatama)
                        .named("Nabilla Putri Harahap")
                        .born(LocalDate.of(2016, 3, 3))
                        .region(null)
                        .guardian(mother.id(), "Ibu")
                        .build()))
                .isInstanceOfSatisfying(
                        People.NeedsConfirmation.class,
                        e -> assertThat(e.candidates()).anySatisfy(c -> {
                            assertThat(c.id()).isEqualTo(child.id());
                            assertThat(c.reasons()).contains("SAME_GUARDIAN");
                        }));
    }

    @Test
    void theFormNamesEachCandidateWithTheReasonInWords() throws Exception {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        signIn(context, "pekerja.alyatama");
        people.register(aPerson(alyatama)
                .named("Sumiyati Rahmawati")
                .born(LocalDate.of(1975, 11, 9))
                .region(null)
                .acceptingWarnings()
                .build());
        signOut();
        String page = mvc.perform(post("/people")
                        .with(csrf())
                        .with(as(context, "pekerja.alyatama"))
                        .param("orgUnitId", String.valueOf(alyatama))
                        .param("fullName", "Sumiyati Rahmawaty")
                        .param("sex", "F")
                        .param("birthDate", "1975-11-09"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Sumiyati Rahmawati")
                .contains("Ditampilkan karena:")
                .contains("namanya mirip")
                .contains("tanggal lahirnya sama");
    }
}
