package id.peduli.registry.person;

import static id.peduli.registry.RegistryTestSupport.aPerson;
import static id.peduli.registry.RegistryTestSupport.signIn;
import static id.peduli.registry.RegistryTestSupport.signOut;
import static id.peduli.registry.RegistryTestSupport.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.PeduliTest;
import id.peduli.registry.PersonView;
import id.peduli.registry.PersonsMerged;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module that moves its references on {@link PersonsMerged} does so in the merge's transaction (ADR 9): when it
 * fails, the whole merge is undone, so that no module points at a record that is not merged, and no record is merged
 * while a module still points at it.
 */
@PeduliTest
class MergeRollbackTests {

    /** Armed only by the test below, so that the listener does nothing for other merges of this context. */
    static final AtomicBoolean FAIL = new AtomicBoolean();

    @TestConfiguration
    static class FailingModule {

        @Bean
        Object failingMergeListener() {
            return new Object() {
                @EventListener
                void on(PersonsMerged event) {
                    if (FAIL.get()) {
                        throw new IllegalStateException("the module could not move its references");
                    }
                }
            };
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    People people;

    @Autowired
    Merges merges;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clear() {
        FAIL.set(false);
        signOut();
    }

    @Test
    void aListenerThatFailsUndoesTheWholeMerge() {
        signIn(context, "dpo");
        long kartini = unit(context, "BBRSBG Kartini Temanggung");
        signIn(context, "manajer.kartini");
        PersonView survivor = people.register(aPerson(kartini)
                .named("Dewi Lestari Rollback")
                .region("33.23.01.2001")
                .born(LocalDate.of(1979, 4, 4))
                .acceptingWarnings()
                .build());
        PersonView duplicate = people.register(aPerson(kartini)
                .named("Dewi Lestari Rolback")
                .region("33.23.01.2001")
                .born(LocalDate.of(1979, 4, 4))
                .guardian(survivor.id(), "KAKAK")
                .acceptingWarnings()
                .build());
        long auditBefore = auditEntriesAbout(duplicate.id());

        FAIL.set(true);
        assertThatThrownBy(() -> merges.merge(survivor.id(), duplicate.id(), "Dua catatan untuk orang yang sama"))
                .isInstanceOf(IllegalStateException.class);

        assertThat(people.find(duplicate.id()).orElseThrow().mergedInto()).isNull();
        assertThat(people.find(duplicate.id()).orElseThrow().version()).isEqualTo(duplicate.version());
        assertThat(people.find(survivor.id()).orElseThrow().version()).isEqualTo(survivor.version());
        assertThat(people.find(duplicate.id()).orElseThrow().guardianId()).isEqualTo(survivor.id());
        assertThat(merges.historyOf(survivor.id())).isEmpty();
        assertThat(auditEntriesAbout(duplicate.id())).isEqualTo(auditBefore);

        FAIL.set(false);
        merges.merge(survivor.id(), duplicate.id(), "Dua catatan untuk orang yang sama");
        assertThat(people.find(duplicate.id()).orElseThrow().mergedInto()).isEqualTo(survivor.id());
    }

    private long auditEntriesAbout(long personId) {
        return jdbc.sql("select count(*) from audit.entry where subject_type = 'Person' and subject_id = ?")
                .param(String.valueOf(personId))
                .query(Long.class)
                .single();
    }
}
