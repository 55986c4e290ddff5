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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module that moves its references on {@link PersonsMerged} does so in the merge's transaction (ADR 9): when it
 * fails, the whole merge is undone, so that no module points at a record that is not merged, and no record is merged
 * while a module still points at it.
 */
@PeduliTest
class MergeRollbackTests {

    /**
     * Stands for a module whose listener cannot move its references. Added to the running context for one test only
     * (every {@code @PeduliTest} shares one context and one database, so no second context may start).
     */
    static final class FailingModule implements ApplicationListener<ApplicationEvent> {

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof PersonsMerged) {
                throw new IllegalStateException("the module could not move its references");
            }
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

        ApplicationEventMulticaster multicaster = context.getBean(
                AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME, ApplicationEventMulticaster.class);
        FailingModule failing = new FailingModule();
        multicaster.addApplicationListener(failing);
        try {
            assertThatThrownBy(() -> merges.merge(survivor.id(), duplicate.id(), "Dua catatan untuk orang yang sama"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not move its references");
        } finally {
            multicaster.removeApplicationListener(failing);
        }

        assertThat(people.find(duplicate.id()).orElseThrow().mergedInto()).isNull();
        assertThat(people.find(duplicate.id()).orElseThrow().version()).isEqualTo(duplicate.version());
        assertThat(people.find(survivor.id()).orElseThrow().version()).isEqualTo(survivor.version());
        assertThat(people.find(duplicate.id()).orElseThrow().guardianId()).isEqualTo(survivor.id());
        assertThat(merges.historyOf(survivor.id())).isEmpty();
        assertThat(auditEntriesAbout(duplicate.id())).isEqualTo(auditBefore);

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
