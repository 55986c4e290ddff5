package id.peduli.registry.person;

import static id.peduli.registry.RegistryTestSupport.aPerson;
import static id.peduli.registry.RegistryTestSupport.nikFor;
import static id.peduli.registry.RegistryTestSupport.signIn;
import static id.peduli.registry.RegistryTestSupport.signOut;
import static id.peduli.registry.RegistryTestSupport.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.PeduliTest;
import id.peduli.registry.ConsentCommand;
import id.peduli.registry.DisabilityType;
import id.peduli.registry.PersonView;
import id.peduli.registry.Registry;
import id.peduli.registry.Sex;
import id.peduli.shared.BusinessException;
import id.peduli.shared.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

@PeduliTest
class RegistryTests {

    private static final AtomicInteger SERIAL = new AtomicInteger(100);

    @Autowired
    ApplicationContext context;

    @Autowired
    People people;

    @Autowired
    Consents consents;

    @Autowired
    Households households;

    @Autowired
    Merges merges;

    @Autowired
    Registry registry;

    @Autowired
    JdbcClient jdbc;

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

    private String freshNik(LocalDate birth, Sex sex) {
        return nikFor(birth, sex, SERIAL.incrementAndGet());
    }

    @Test
    void theRemaskMigrationHidesTheSerialOfMasksStoredInTheOldForm() throws Exception {
        LocalDate birth = LocalDate.of(1991, 3, 9);
        String nik = freshNik(birth, Sex.M);
        PersonView person = people.register(aPerson(alyatama)
                .named("Budi Masker Lama")
                .sex(Sex.M)
                .born(birth)
                .nik(nik)
                .build());
        String old = nik.substring(0, 4) + "••••••••" + nik.substring(12);
        jdbc.sql("update registry.person set nik_masked = ? where id = ?")
                .params(old, person.id())
                .update();
        String script;
        try (var in = getClass()
                .getResourceAsStream("/db/migration/registry/V2026_11_30_0740__registry_remask_identifiers.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
        String stored = jdbc.sql("select nik_masked from registry.person where id = ?")
                .param(person.id())
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(nik.substring(0, 4) + "••••••••••••").doesNotContain(nik.substring(12));
    }

    @Test
    void registersAPersonWithTheNikEncryptedAndMasked() {
        LocalDate birth = LocalDate.of(1990, 5, 17);
        String nik = freshNik(birth, Sex.F);
        PersonView person = people.register(
                aPerson(alyatama).named("Rahmawati Enkripsi").nik(nik).build());
        assertThat(person.nik()).isEqualTo(nik.substring(0, 4) + "••••••••••••");
        assertThat(person.nikMasked()).isTrue();
        byte[] stored = jdbc.sql("select nik_cipher from registry.person where id = ?")
                .param(person.id())
                .query((rs, i) -> rs.getBytes(1))
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(nik);
        String everything = jdbc.sql("select row_to_json(p)::text from registry.person p where id = ?")
                .param(person.id())
                .query(String.class)
                .single();
        assertThat(everything).doesNotContain(nik);
        String audit = jdbc.sql("select coalesce(string_agg(coalesce(changes::text, '') || coalesce(purpose, ''), ' '),"
                        + " '') from audit.entry where subject_type = 'Person' and subject_id = ?")
                .param(String.valueOf(person.id()))
                .query(String.class)
                .single();
        assertThat(audit).doesNotContain(nik).contains("masked");
        assertThat(people.idByNik(nik)).contains(person.id());
        signIn(context, "dpo");
        assertThat(people.view(person.id()).nik()).isEqualTo(nik);
    }

    @Test
    void theSameNikTwiceIsRefused() {
        LocalDate birth = LocalDate.of(1985, 1, 2);
        String nik = freshNik(birth, Sex.M);
        people.register(aPerson(alyatama)
                .named("Budi Santoso")
                .sex(Sex.M)
                .born(birth)
                .nik(nik)
                .build());
        assertThatThrownBy(() -> people.register(aPerson(alyatama)
                        .named("Budi Lain")
                        .sex(Sex.M)
                        .born(birth)
                        .nik(nik)
                        .acceptingWarnings()
                        .build()))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p.key()).isEqualTo("person.nikTaken")));
    }

    @Test
    void aSimilarNameWithTheSameBirthAndRegencyIsShownAsAPossibleDuplicate() {
        LocalDate birth = LocalDate.of(1978, 3, 9);
        people.register(aPerson(alyatama)
                .named("Muhammad Rizki Duplikat")
                .sex(Sex.M)
                .born(birth)
                .build());
        PersonCommand typo = aPerson(alyatama)
                .named("Muhamad Rizky Duplikat")
                .sex(Sex.M)
                .born(birth)
                .build();
        assertThatThrownBy(() -> people.register(typo)).isInstanceOfSatisfying(People.NeedsConfirmation.class, e -> {
            assertThat(e.candidates()).anySatisfy(c -> assertThat(c.fullName()).isEqualTo("Muhammad Rizki Duplikat"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p.key()).isEqualTo("person.possibleDuplicates"));
        });
        PersonView confirmed = people.register(aPerson(alyatama)
                .named("Muhamad Rizky Duplikat")
                .sex(Sex.M)
                .born(birth)
                .acceptingWarnings()
                .build());
        assertThat(confirmed.id()).isPositive();
    }

    @Test
    void editingAConfirmedDuplicateAsksAgainOnlyWhenNameBirthOrRegencyChange() {
        LocalDate birth = LocalDate.of(1979, 8, 21);
        people.register(aPerson(alyatama).named("Sri Wahyuni Ulang").born(birth).build());
        PersonView confirmed = people.register(aPerson(alyatama)
                .named("Sri Wahyuny Ulang")
                .born(birth)
                .acceptingWarnings()
                .build());

        PersonView edited = people.update(
                confirmed.id(),
                confirmed.version(),
                aPerson(alyatama)
                        .named("Sri Wahyuny Ulang")
                        .born(birth)
                        .region("15.71.01.1002")
                        .build());
        assertThat(edited.regionCode()).isEqualTo("15.71.01.1002");
        assertThatThrownBy(() -> people.update(
                        confirmed.id(),
                        edited.version(),
                        aPerson(alyatama)
                                .named("Sri Wahyuniati Ulang")
                                .born(birth)
                                .build()))
                .isInstanceOfSatisfying(
                        People.NeedsConfirmation.class,
                        e -> assertThat(e.candidates())
                                .anySatisfy(c -> assertThat(c.fullName()).isEqualTo("Sri Wahyuni Ulang")));
    }

    @Test
    void nikWarningsMustBeConfirmedButErrorsRefuse() {
        LocalDate birth = LocalDate.of(1992, 7, 1);
        String maleNik = freshNik(birth, Sex.M);
        assertThatThrownBy(() -> people.register(aPerson(alyatama)
                        .named("Warning Sex")
                        .sex(Sex.F)
                        .born(birth)
                        .nik(maleNik)
                        .build()))
                .isInstanceOf(People.NeedsConfirmation.class);
        assertThatThrownBy(() -> people.register(aPerson(alyatama)
                        .named("Error Nik")
                        .born(birth)
                        .nik("157101ABC")
                        .build()))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.warningsOnly()).isFalse());
    }

    @Test
    void aBirthYearAloneIsFlaggedApproximate() {
        PersonView person = people.register(
                aPerson(alyatama).named("Mbah Sukirah").bornAbout(1948).build());
        assertThat(person.birthDateApproximate()).isTrue();
        assertThat(person.birthDate()).isNull();
        assertThat(person.birthYear()).isEqualTo(1948);
    }

    @Test
    void aGuardianCannotBeThePersonThemself() {
        PersonView person = people.register(aPerson(alyatama)
                .named("Wali Sendiri")
                .born(LocalDate.of(2001, 2, 3))
                .build());
        assertThatThrownBy(() -> people.update(
                        person.id(),
                        person.version(),
                        aPerson(alyatama)
                                .named("Wali Sendiri")
                                .born(LocalDate.of(2001, 2, 3))
                                .guardian(person.id(), "Diri sendiri")
                                .build()))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p.key()).isEqualTo("person.guardianSelf")));
    }

    @Test
    void concurrentEditsDoNotSilentlyOverwriteEachOther() {
        PersonView person = people.register(aPerson(alyatama)
                .named("Dua Editor")
                .born(LocalDate.of(1999, 9, 9))
                .build());
        people.update(
                person.id(),
                person.version(),
                aPerson(alyatama)
                        .named("Dua Editor Pertama")
                        .born(LocalDate.of(1999, 9, 9))
                        .build());
        assertThatThrownBy(() -> people.update(
                        person.id(),
                        person.version(),
                        aPerson(alyatama)
                                .named("Dua Editor Kedua")
                                .born(LocalDate.of(1999, 9, 9))
                                .build()))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(people.view(person.id()).fullName()).isEqualTo("Dua Editor Pertama");
    }

    @Test
    void aSocialWorkerOfAnotherUnitCanNeitherSeeNorChangeThePerson() {
        PersonView person = people.register(aPerson(alyatama)
                .named("Rahasia Jambi")
                .born(LocalDate.of(2010, 1, 1))
                .build());
        signIn(context, "pendamping.temanggung");
        // Outside the scope the person is "not found", exactly as a missing id.
        assertThatThrownBy(() -> people.view(person.id())).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.messageKey()).isEqualTo("person.notFound");
        });
        assertThatThrownBy(
                        () -> people.register(aPerson(alyatama).named("Nyasar").build()))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(registry.person(person.id())).isEmpty();
    }

    @Test
    void consentCoversAPurposeUntilWithdrawnAndFollowsTheRules() {
        PersonView adult = people.register(aPerson(alyatama)
                .named("Dewasa Intelektual")
                .born(LocalDate.of(1995, 4, 4))
                .disabilities(DisabilityType.INTELLECTUAL)
                .build());
        String purpose = "WORKSHOP_SERVICES";
        assertThatThrownBy(() -> registry.requireCovered(adult.id(), purpose))
                .isInstanceOf(BusinessException.class)
                .hasMessage("consent.missing");
        ConsentCommand byPerson = new ConsentCommand(
                purpose,
                ConsentCommand.LawfulBasis.CONSENT,
                ConsentCommand.ConsentGiver.PERSON,
                ConsentCommand.ConsentMethod.EASY_READ_FORM,
                "2026.1",
                LocalDate.of(2026, 1, 5));
        assertThatThrownBy(() -> consents.record(adult.id(), byPerson))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p.key()).isEqualTo("consent.personAndGuardian")));
        ConsentView given = consents.record(
                adult.id(),
                new ConsentCommand(
                        purpose,
                        ConsentCommand.LawfulBasis.CONSENT,
                        ConsentCommand.ConsentGiver.PERSON_AND_GUARDIAN,
                        ConsentCommand.ConsentMethod.EASY_READ_FORM,
                        "2026.1",
                        LocalDate.of(2026, 1, 5)));
        assertThat(registry.isCovered(adult.id(), purpose)).isTrue();
        assertThat(registry.coveredIn(alyatama, purpose)).contains(adult.id());
        assertThat(registry.coveredIn(unit(context, "BBRSBG Kartini Temanggung"), purpose))
                .as("a unit outside the caller's grants answers nothing")
                .isEmpty();
        consents.withdraw(adult.id(), given.id(), LocalDate.of(2026, 2, 1), "Pindah ke luar kota");
        assertThat(registry.isCovered(adult.id(), purpose)).isFalse();
        assertThat(registry.coveredIn(alyatama, purpose)).doesNotContain(adult.id());
    }

    @Test
    void aHouseholdHasOneHeadAndItsFamilyCardPeriodsNeverOverlap() {
        PersonView head = people.register(aPerson(alyatama)
                .named("Kepala Keluarga Uji")
                .sex(Sex.M)
                .born(LocalDate.of(1970, 6, 6))
                .build());
        PersonView other = people.register(aPerson(alyatama)
                .named("Calon Kepala Kedua")
                .sex(Sex.M)
                .born(LocalDate.of(1972, 6, 6))
                .build());
        HouseholdView household = households.create(head.id());
        assertThatThrownBy(() -> households.addMember(household.id(), other.id(), HouseholdView.Relationship.HEAD))
                .isInstanceOf(BusinessException.class)
                .hasMessage("household.twoHeads");
        households.addMember(household.id(), other.id(), HouseholdView.Relationship.SIBLING);
        households.addFamilyCard(household.id(), "1571010101100001", LocalDate.of(2015, 1, 1));
        HouseholdView moved = households.addFamilyCard(household.id(), "1571010101200002", LocalDate.of(2022, 3, 1));
        assertThat(moved.familyCards()).hasSize(2);
        assertThat(moved.familyCards().get(1).validTo()).isEqualTo(LocalDate.of(2022, 2, 28));
        assertThat(moved.familyCards().get(0).number()).contains("••••");
        assertThatThrownBy(() -> households.addFamilyCard(household.id(), "1571010101300003", LocalDate.of(2020, 1, 1)))
                .isInstanceOf(BusinessException.class)
                .hasMessage("kk.overlap");
        assertThatThrownBy(() -> households.setDecile(household.id(), moved.version(), 11, LocalDate.of(2026, 1, 1)))
                .isInstanceOf(InvalidInput.class);
        HouseholdView withDecile = households.setDecile(household.id(), moved.version(), 2, LocalDate.of(2026, 1, 1));
        assertThat(withDecile.welfareDecile()).isEqualTo(2);
    }

    @Test
    void aMergeMovesReferencesKeepsTheRecordAndCanBeExplained() {
        signIn(context, "dpo");
        long kartini = unit(context, "BBRSBG Kartini Temanggung");
        signIn(context, "manajer.kartini");
        PersonCommand first = aPerson(kartini)
                .named("Sri Wahyuni Gabung")
                .region("33.23.01.2001")
                .born(LocalDate.of(1988, 8, 8))
                .build();
        PersonView survivor = people.register(first);
        LocalDate birth = LocalDate.of(1988, 8, 8);
        String nik = "3323014808880" + String.format("%03d", SERIAL.incrementAndGet() % 1000);
        PersonView duplicate = people.register(aPerson(kartini)
                .named("Sri Wahyuni Gabungan")
                .region("33.23.01.2001")
                .born(birth)
                .nik(nik)
                .acceptingWarnings()
                .build());
        consents.record(
                duplicate.id(),
                new ConsentCommand(
                        "PHOTO_USE",
                        ConsentCommand.LawfulBasis.CONSENT,
                        ConsentCommand.ConsentGiver.PERSON,
                        ConsentCommand.ConsentMethod.SIGNATURE,
                        "2026.1",
                        LocalDate.of(2026, 1, 1)));
        assertThatThrownBy(() -> merges.merge(survivor.id(), duplicate.id(), "short"))
                .hasMessage("merge.reasonInvalid");
        PersonView merged = merges.merge(survivor.id(), duplicate.id(), "KTP menunjukkan orang yang sama");
        assertThat(merged.nik()).isEqualTo(nik);
        assertThat(registry.isCovered(survivor.id(), "PHOTO_USE")).isTrue();
        assertThat(people.view(duplicate.id()).mergedInto()).isEqualTo(survivor.id());
        assertThat(merges.historyOf(survivor.id()))
                .singleElement()
                .satisfies(m -> assertThat(m.reason()).isEqualTo("KTP menunjukkan orang yang sama"));
        assertThat(people.idByNik(nik)).contains(survivor.id());
        assertThatThrownBy(() -> merges.merge(survivor.id(), duplicate.id(), "Sekali lagi digabungkan"))
                .hasMessage("merge.alreadyMerged");
        signIn(context, "pendamping.temanggung");
        assertThatThrownBy(() -> merges.merge(survivor.id(), duplicate.id(), "Tanpa hak menggabungkan"))
                .isInstanceOf(RuntimeException.class);
    }
}
