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
import id.peduli.registry.PersonView;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The history tab in words: views of today and yesterday are named so, and consents recorded and withdrawn appear as
 * sentences with the purpose, the basis, who gave it and the dates, never their codes.
 */
@PeduliTest
class HistoryInWordsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    People people;

    @Autowired
    Consents consents;

    @Autowired
    JdbcClient jdbc;

    private String history(long person, String language) throws Exception {
        return mvc.perform(get("/people/" + person)
                        .param("tab", "history")
                        .cookie(new Cookie("peduli_lang", language))
                        .with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void viewsOfTodayAndYesterdayAreNamedSoAndConsentsAreSentences() throws Exception {
        signIn(context, "pekerja.alyatama");
        PersonView person;
        try {
            person = people.register(aPerson(unit(context, "PSAA Alyatama Jambi"))
                    .named("Kartini Riwayatsari")
                    .born(LocalDate.of(1984, 7, 8))
                    .acceptingWarnings()
                    .build());
            long consent = consents.record(
                            person.id(),
                            new ConsentCommand(
                                    "PHOTO_USE",
                                    ConsentCommand.LawfulBasis.CONSENT,
                                    ConsentCommand.ConsentGiver.PERSON,
                                    ConsentCommand.ConsentMethod.SIGNATURE,
                                    "2026.1",
                                    LocalDate.of(2026, 1, 5)))
                    .id();
            consents.withdraw(person.id(), consent, null, "Pindah ke luar daerah");
        } finally {
            signOut();
        }
        // A view recorded yesterday, beside the views of today made by opening the tab.
        jdbc.sql("""
                        insert into audit.entry (occurred_at, username, action, subject_type, subject_id, purpose)
                        values (now() - interval '1 day', 'pekerja.alyatama', 'VIEW', 'Person', ?, 'SERVICE_DELIVERY')
                        """).param(String.valueOf(person.id())).update();

        String indonesian = history(person.id(), "id");
        assertThat(indonesian)
                .contains(">Hari ini<")
                .contains(">Kemarin<")
                .contains("Persetujuan dicatat")
                .contains("Untuk Penggunaan foto, dengan dasar persetujuan, diberikan oleh yang bersangkutan pada")
                .contains("Persetujuan ditarik")
                .contains("Alasan: Pindah ke luar daerah")
                .doesNotContain("PHOTO_USE")
                .doesNotContain("SIGNATURE");

        String english = history(person.id(), "en");
        assertThat(english)
                .contains(">Today<")
                .contains(">Yesterday<")
                .contains("Consent recorded")
                .contains("For Use of photos, on the basis of consent, given by the person on")
                .contains("Consent withdrawn");
    }
}
