package id.peduli.registry.person;

import static id.peduli.registry.RegistryTestSupport.aPerson;
import static id.peduli.registry.RegistryTestSupport.signIn;
import static id.peduli.registry.RegistryTestSupport.signOut;
import static id.peduli.registry.RegistryTestSupport.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.PeduliTest;
import id.peduli.registry.ConsentCommand;
import id.peduli.registry.DisabilityType;
import id.peduli.shared.BusinessException;
import id.peduli.shared.InvalidInput;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Start-up data goes through the rules of registering one at a time, and a refusal writes nothing of the batch. */
@PeduliTest
class StartUpDataTests {

    @Autowired
    StartUpData startUp;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signInAsAWorker() {
        signIn(context, "pekerja.alyatama");
    }

    @AfterEach
    void clear() {
        signOut();
    }

    private long people(String name) {
        return jdbc.sql("select count(*) from registry.person where full_name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    @Test
    void aRecordThatBreaksARuleRefusesTheWholeBatch() {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        List<PersonCommand> batch = List.of(
                aPerson(alyatama)
                        .named("Rahmah Awalan")
                        .born(LocalDate.of(1990, 1, 1))
                        .acceptingWarnings()
                        .build(),
                aPerson(alyatama)
                        .named("Rahmah Masadepan")
                        .born(LocalDate.of(2099, 1, 1))
                        .acceptingWarnings()
                        .build());
        assertThatThrownBy(() -> startUp.registerPeople(batch)).isInstanceOf(InvalidInput.class);
        assertThat(people("Rahmah Awalan")).isZero();
    }

    @Test
    void householdsAndConsentsKeepTheirRules() {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        List<Long> ids = startUp.registerPeople(List.of(
                aPerson(alyatama)
                        .named("Hamdan Kepala")
                        .born(LocalDate.of(1960, 2, 2))
                        .acceptingWarnings()
                        .build(),
                aPerson(alyatama)
                        .named("Yanti Peserta")
                        .born(LocalDate.of(1995, 3, 3))
                        .disabilities(DisabilityType.INTELLECTUAL)
                        .acceptingWarnings()
                        .build()));
        assertThat(people("Hamdan Kepala")).isEqualTo(1);

        var member = new StartUpData.Member(ids.get(1), HouseholdView.Relationship.CHILD);
        startUp.registerHouseholds(List.of(new StartUpData.HouseholdPlan(ids.get(0), List.of(member), List.of())));
        assertThatThrownBy(() -> startUp.registerHouseholds(
                        List.of(new StartUpData.HouseholdPlan(ids.get(1), List.of(), List.of()))))
                .isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey())
                .isEqualTo("household.personAlreadyMember");

        // An adult with an intellectual disability does not consent alone.
        var alone = new ConsentCommand(
                "PHOTO_USE",
                ConsentCommand.LawfulBasis.CONSENT,
                ConsentCommand.ConsentGiver.PERSON,
                ConsentCommand.ConsentMethod.SIGNATURE,
                "2026.1",
                LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> startUp.recordConsents(List.of(new StartUpData.ConsentPlan(ids.get(1), alone))))
                .isInstanceOf(InvalidInput.class);
        assertThat(jdbc.sql("select count(*) from registry.consent where person_id = ?")
                        .param(ids.get(1))
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
