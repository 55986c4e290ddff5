package id.peduli.registry.person;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static id.peduli.registry.RegistryTestSupport.aPerson;
import static id.peduli.registry.RegistryTestSupport.signIn;
import static id.peduli.registry.RegistryTestSupport.signOut;
import static id.peduli.registry.RegistryTestSupport.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.registry.ConsentCommand;
import id.peduli.registry.ConsentCommand.LawfulBasis;
import id.peduli.registry.ConsentPurposes;
import id.peduli.registry.ConsentPurposes.Purpose;
import id.peduli.registry.PersonView;
import id.peduli.registry.Registry;
import id.peduli.shared.BusinessException;
import id.peduli.shared.InvalidInput;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@PeduliTest
class ConsentPurposesTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @Autowired
    Consents consents;

    @Autowired
    Registry registry;

    long alyatama;

    @BeforeEach
    void signInAsSocialWorker() {
        alyatama = unit(context, "PSAA Alyatama Jambi");
        signIn(context, "pekerja.alyatama");
    }

    @AfterEach
    void clear() {
        signOut();
    }

    @Test
    void theDeclaredPurposesAreListedInTheirOrderAndACodeDeclaredTwiceIsRefused() {
        assertThat(consents.purposes().stream().map(Purpose::code))
                .containsExactly(
                        "WORKSHOP_SERVICES",
                        "CHILD_WELFARE_SERVICES",
                        "PHOTO_USE",
                        "DATA_SHARING",
                        "RESEARCH",
                        "SERVICE_DELIVERY");
        ConsentPurposes growth = () -> List.of(new Purpose("GROWTH_MONITORING", "x", Set.of(LawfulBasis.CONSENT), 1));
        assertThat(new DeclaredPurposes(List.of(growth, new RegistryConsentPurposes()))
                        .all()
                        .get(0)
                        .code())
                .isEqualTo("GROWTH_MONITORING");
        assertThatThrownBy(() -> new DeclaredPurposes(List.of(growth, growth)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GROWTH_MONITORING");
        assertThatThrownBy(() -> new Purpose("lower", "x", Set.of(LawfulBasis.CONSENT), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Purpose("NO_BASIS", "x", Set.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConsentForAPurposeNobodyDeclaredOrWithABasisThePurposeDoesNotAllowIsRefused() {
        PersonView person =
                people.register(aPerson(alyatama).named("Tujuan Tak Dikenal").build());
        assertThatThrownBy(() -> consents.record(person.id(), consent("SWIMMING_LESSONS", LawfulBasis.CONSENT)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p.key()).isEqualTo("consent.purposeUnknown")));
        assertThatThrownBy(() -> consents.record(person.id(), consent("PHOTO_USE", LawfulBasis.PUBLIC_TASK)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p.key()).isEqualTo("consent.basisNotAllowed")));
        assertThat(consents.of(person.id())).isEmpty();

        consents.record(person.id(), consent("PHOTO_USE", LawfulBasis.CONSENT));
        assertThat(registry.isCovered(person.id(), "PHOTO_USE")).isTrue();
        assertThatThrownBy(() -> registry.requireCovered(person.id(), "SWIMMING_LESSONS"))
                .isInstanceOf(BusinessException.class)
                .hasMessage("consent.purposeUnknown");
    }

    @Test
    void theFormOffersTheDeclaredPurposesAndTheApiRefusesAnUndeclaredOne() throws Exception {
        PersonView person =
                people.register(aPerson(alyatama).named("Formulir Tujuan").build());
        mvc.perform(get("/people/" + person.id()).param("tab", "consent").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<option value=\"SERVICE_DELIVERY\">")))
                .andExpect(content().string(Matchers.containsString("<option value=\"CHILD_WELFARE_SERVICES\">")));
        mvc.perform(bearer(
                        get("/api/v1/people/" + person.id() + "/coverage").param("purpose", "SWIMMING_LESSONS"),
                        context,
                        "pekerja.alyatama"))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("SWIMMING"))));
        mvc.perform(bearer(
                        get("/api/v1/people/" + person.id() + "/coverage").param("purpose", "RESEARCH"),
                        context,
                        "pekerja.alyatama"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.covered").value(false));
    }

    private static ConsentCommand consent(String purpose, LawfulBasis basis) {
        return new ConsentCommand(
                purpose,
                basis,
                basis == LawfulBasis.CONSENT ? ConsentCommand.ConsentGiver.PERSON : null,
                basis == LawfulBasis.CONSENT ? ConsentCommand.ConsentMethod.SIGNATURE : null,
                "2026.1",
                LocalDate.of(2026, 1, 5));
    }
}
