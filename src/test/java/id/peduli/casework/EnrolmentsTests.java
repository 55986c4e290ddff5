package id.peduli.casework;

import static id.peduli.casework.CaseworkTestSupport.ALYATAMA_WORKER;
import static id.peduli.casework.CaseworkTestSupport.KARTINI_MANAGER;
import static id.peduli.casework.CaseworkTestSupport.TEMANGGUNG_MENTOR;
import static id.peduli.casework.CaseworkTestSupport.signIn;
import static id.peduli.casework.CaseworkTestSupport.signOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.shared.BusinessException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

@PeduliTest
class EnrolmentsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    Enrolments enrolments;

    @Autowired
    Programmes programmes;

    @Autowired
    Referrals referrals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    CaseworkTestSupport support;
    long kartini;
    long temanggung;
    long magelang;
    LocalDate today;

    @BeforeEach
    void setUp() {
        support = new CaseworkTestSupport(mvc, context);
        kartini = support.unit("BBRSBG Kartini Temanggung");
        temanggung = support.unit("SW Peduli Temanggung");
        magelang = support.unit("SW Peduli Magelang");
        programmes.ensure("SW_PEDULI", "Sheltered Workshop Peduli", Programmes.WORKSHOP, kartini);
        today = Today.date();
    }

    @AfterEach
    void clear() {
        signOut();
    }

    @Test
    void enrolmentWaitsForTheProgrammesConsentPurposeAndSaysWhatIsMissingAndWhereToRecordIt() throws Exception {
        long person = support.person(KARTINI_MANAGER, temanggung);
        signIn(context, KARTINI_MANAGER);
        EnrolCommand command = new EnrolCommand(person, "SW_PEDULI", temanggung, null, today, "rujukan desa");
        assertThatThrownBy(() -> enrolments.enrol(command)).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.messageKey()).isEqualTo("casework.enrol.consentMissing");
            String text = messages.getMessage(e.messageKey(), e.args(), Locale.forLanguageTag("id"));
            assertThat(text)
                    .contains("Layanan Sheltered Workshop")
                    .contains("/people/" + person + "?tab=consent")
                    .doesNotContain("WORKSHOP_SERVICES");
            assertThat(messages.getMessage(e.messageKey(), e.args(), Locale.ENGLISH))
                    .contains("Sheltered Workshop services");
        });
        assertThat(enrolments.ofPerson(person)).isEmpty();

        support.publicTask(KARTINI_MANAGER, person, "SERVICE_DELIVERY");
        signIn(context, KARTINI_MANAGER);
        assertThatThrownBy(() -> enrolments.enrol(command)).hasMessage("casework.enrol.consentMissing");

        support.publicTask(KARTINI_MANAGER, person, "WORKSHOP_SERVICES");
        signIn(context, KARTINI_MANAGER);
        EnrolmentView enrolment = enrolments.enrol(command);
        assertThat(enrolment.stage()).isEqualTo(Stage.INTAKE);
        assertThat(enrolment.active()).isTrue();
        assertThat(enrolment.programmeCode()).isEqualTo("SW_PEDULI");
        assertThat(enrolments.find(enrolment.id())).contains(enrolment);
        List<TransitionView> history = enrolments.history(enrolment.id());
        assertThat(history).singleElement().satisfies(t -> {
            assertThat(t.from()).isNull();
            assertThat(t.to()).isEqualTo(Stage.INTAKE);
            assertThat(t.by()).isEqualTo(KARTINI_MANAGER);
            assertThat(t.reason()).isEqualTo("rujukan desa");
        });
        assertThat(audited("ENROL", enrolment.id())).isEqualTo(1);
        assertThatThrownBy(() -> enrolments.enrol(command)).hasMessage("casework.enrol.already");
    }

    @Test
    void anAdultWithAnIntellectualDisabilityIsEnrolledOnlyWithTheConsentOfPersonAndGuardian() throws Exception {
        long person = support.person(KARTINI_MANAGER, temanggung, true);
        assertThat(support.consent(KARTINI_MANAGER, person, "WORKSHOP_SERVICES", "PERSON"))
                .isEqualTo(422);
        signIn(context, KARTINI_MANAGER);
        EnrolCommand command = new EnrolCommand(person, "SW_PEDULI", temanggung, null, today, null);
        assertThatThrownBy(() -> enrolments.enrol(command)).hasMessage("casework.enrol.consentMissing");
        signOut();
        assertThat(support.consent(KARTINI_MANAGER, person, "WORKSHOP_SERVICES", "PERSON_AND_GUARDIAN"))
                .isEqualTo(201);
        signIn(context, KARTINI_MANAGER);
        assertThat(enrolments.enrol(command).stage()).isEqualTo(Stage.INTAKE);
    }

    @Test
    void transitionsAreRecordedCheckedAgainstTheVersionAndIllegalOnesChangeNothing() throws Exception {
        EnrolmentView enrolment = enrolled(temanggung);
        signIn(context, KARTINI_MANAGER);
        EnrolmentView assessed = enrolments.transition(enrolment.id(), Stage.ASSESSMENT, null, enrolment.version());
        assertThat(assessed.stage()).isEqualTo(Stage.ASSESSMENT);
        assertThat(assessed.version()).isEqualTo(enrolment.version() + 1);
        assertThatThrownBy(() -> enrolments.transition(enrolment.id(), Stage.PLAN, null, enrolment.version()))
                .hasMessage("error.staleVersion");
        assertThatThrownBy(() -> enrolments.transition(enrolment.id(), Stage.MONITORING, null, assessed.version()))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(messages.getMessage(e.messageKey(), e.args(), Locale.forLanguageTag("id")))
                            .isEqualTo("Tahap Pemantauan tidak dapat langsung menyusul tahap Asesmen.");
                });
        assertThatThrownBy(() -> enrolments.transition(enrolment.id(), Stage.TERMINATED, "", assessed.version()))
                .hasMessage("casework.stage.reasonRequired");
        EnrolmentView stored = enrolments.find(enrolment.id()).orElseThrow();
        assertThat(stored.stage()).isEqualTo(Stage.ASSESSMENT);
        assertThat(stored.version()).isEqualTo(assessed.version());
        EnrolmentView ended = enrolments.transition(enrolment.id(), Stage.TERMINATED, "pindah", assessed.version());
        assertThat(ended.endedOn()).isEqualTo(today);
        assertThat(enrolments.history(enrolment.id()))
                .extracting(TransitionView::to)
                .containsExactly(Stage.INTAKE, Stage.ASSESSMENT, Stage.TERMINATED);
        assertThat(audited("TRANSITION", enrolment.id())).isEqualTo(2);
    }

    @Test
    void activeAtAnswersForTheSiteAndTheDay() throws Exception {
        EnrolmentView enrolment = enrolled(magelang);
        assertThat(enrolments.activeAt(magelang, today))
                .extracting(EnrolmentView::id)
                .contains(enrolment.id());
        assertThat(enrolments.activeAt(temanggung, today))
                .extracting(EnrolmentView::id)
                .doesNotContain(enrolment.id());
        assertThat(enrolments.activeAt(enrolment.personId(), magelang, today)).isTrue();
        assertThat(enrolments.activeAt(enrolment.personId(), magelang, today.minusDays(1)))
                .isFalse();
        assertThat(enrolments.activeAt(enrolment.personId(), temanggung, today)).isFalse();
        signIn(context, KARTINI_MANAGER);
        enrolments.transition(enrolment.id(), Stage.TERMINATED, "mengundurkan diri", enrolment.version());
        assertThat(enrolments.activeAt(enrolment.personId(), magelang, today)).isTrue();
        assertThat(enrolments.activeAt(enrolment.personId(), magelang, today.plusDays(1)))
                .isFalse();
    }

    @Test
    void aMentorEnrolsAtTheirOwnSiteOnlyOthersOutsideTheirUnitsAreToldItDoesNotExist() throws Exception {
        long here = support.person(TEMANGGUNG_MENTOR, temanggung);
        support.publicTask(TEMANGGUNG_MENTOR, here, "WORKSHOP_SERVICES");
        long there = support.person(KARTINI_MANAGER, magelang);
        support.publicTask(KARTINI_MANAGER, there, "WORKSHOP_SERVICES");
        signIn(context, TEMANGGUNG_MENTOR);
        assertThat(enrolments
                        .enrol(new EnrolCommand(here, "SW_PEDULI", temanggung, null, today, null))
                        .unitId())
                .isEqualTo(temanggung);
        assertThatThrownBy(() -> enrolments.enrol(new EnrolCommand(there, "SW_PEDULI", magelang, null, today, null)))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> enrolments.enrol(new EnrolCommand(there, "SW_PEDULI", temanggung, null, today, null)))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("casework.person.notFound"));
        signIn(context, ALYATAMA_WORKER);
        assertThatThrownBy(() -> enrolments.enrol(new EnrolCommand(here, "SW_PEDULI", temanggung, null, today, null)))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.status()).isEqualTo(404));
        signIn(context, "logistik.alyatama");
        assertThatThrownBy(() -> enrolments.enrol(new EnrolCommand(here, "SW_PEDULI", temanggung, null, today, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(enrolments.ofPerson(there)).isEmpty();
    }

    @Test
    void aUnitOutsideTheProgrammeIsRefused() throws Exception {
        long person = support.person(KARTINI_MANAGER, kartini);
        support.publicTask(KARTINI_MANAGER, person, "WORKSHOP_SERVICES");
        signIn(context, "admin");
        long alyatama = support.unit("PSAA Alyatama Jambi");
        programmes.ensure("PESONA_SURGA_TEST", "Pesona Surga", Programmes.CHILD_WELFARE, alyatama);
        signIn(context, KARTINI_MANAGER);
        assertThatThrownBy(() ->
                        enrolments.enrol(new EnrolCommand(person, "PESONA_SURGA_TEST", kartini, null, today, null)))
                .hasMessage("casework.enrol.unitOutsideProgramme");
        assertThatThrownBy(() -> enrolments.enrol(new EnrolCommand(person, "NO_SUCH", kartini, null, today, null)))
                .hasMessage("casework.programme.unknown");
    }

    @Test
    void acceptingAReferralIntoAProgrammeEnrolsThePersonOnlyWhenTheConsentPurposeIsCovered() throws Exception {
        long person = support.person(KARTINI_MANAGER, temanggung);
        signIn(context, KARTINI_MANAGER);
        ReferralView referral = referrals.create(new ReferralCommand(
                person,
                "INTERNAL",
                kartini,
                temanggung,
                null,
                "Butuh pelatihan kerja dekat rumah",
                today.minusDays(3),
                "SW_PEDULI"));
        assertThat(referral.programmeCode()).isEqualTo("SW_PEDULI");
        long referralId = referral.id();
        long version = referral.version();
        assertThatThrownBy(() -> referrals.decide(referralId, true, "diterima", version))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("casework.enrol.consentMissing");
                    assertThat(messages.getMessage(e.messageKey(), e.args(), Locale.forLanguageTag("id")))
                            .contains("/people/" + person + "?tab=consent");
                });
        assertThat(referrals.find(referralId).orElseThrow().pending()).isTrue();
        assertThat(enrolments.ofPerson(person)).isEmpty();
        signOut();

        support.publicTask(KARTINI_MANAGER, person, "WORKSHOP_SERVICES");
        signIn(context, KARTINI_MANAGER);
        ReferralView accepted = referrals.decide(referralId, true, "tempat tersedia", version);
        assertThat(accepted.status()).isEqualTo("ACCEPTED");
        EnrolmentView enrolment = enrolments.find(accepted.enrolmentId()).orElseThrow();
        assertThat(enrolment.stage()).isEqualTo(Stage.INTAKE);
        assertThat(enrolment.unitId()).isEqualTo(temanggung);
        assertThat(enrolment.enrolledOn()).isEqualTo(today);
        assertThat(enrolments.history(enrolment.id()))
                .extracting(TransitionView::to)
                .containsExactly(Stage.REFERRED, Stage.INTAKE);
        assertThat(enrolments.history(enrolment.id()))
                .allSatisfy(t -> assertThat(t.reason()).contains("#" + referralId + ": Butuh pelatihan kerja"));
        assertThat(enrolments.history(enrolment.id()).get(0).on()).isEqualTo(today.minusDays(3));
        // a referral to a service outside the system names no programme
        assertThatThrownBy(() -> referrals.create(new ReferralCommand(
                        person, "OUTGOING", temanggung, null, "Puskesmas", "Terapi", today, "SW_PEDULI")))
                .isInstanceOf(id.peduli.shared.InvalidInput.class);
    }

    @Test
    void whenTwoPeopleAreMergedTheirEnrolmentsAndReferralsFollowTheSurvivorAndNoneIsLost() throws Exception {
        EnrolmentView survivor = enrolled(temanggung);
        EnrolmentView merged = enrolled(temanggung);
        signIn(context, KARTINI_MANAGER);
        merged = enrolments.transition(merged.id(), Stage.TERMINATED, "duplikat", merged.version());
        signOut();
        signIn(context, KARTINI_MANAGER);
        long referral = referrals
                .create(new ReferralCommand(
                        merged.personId(), "OUTGOING", temanggung, null, "Puskesmas Temanggung", "Terapi", today))
                .id();
        signOut();
        long before = count();
        support.api(
                KARTINI_MANAGER,
                "/api/v1/people/merge",
                "{\"survivorId\":" + survivor.personId() + ",\"otherId\":" + merged.personId()
                        + ",\"reason\":\"data ganda\"}",
                200);
        assertThat(count()).isEqualTo(before);
        assertThat(enrolments.ofPerson(merged.personId())).isEmpty();
        assertThat(enrolments.ofPerson(survivor.personId()))
                .extracting(EnrolmentView::id)
                .containsExactlyInAnyOrder(survivor.id(), merged.id());
        assertThat(enrolments.history(merged.id())).hasSize(2);
        assertThat(referrals.find(referral).orElseThrow().personId()).isEqualTo(survivor.personId());
    }

    private EnrolmentView enrolled(long site) throws Exception {
        long person = support.person(KARTINI_MANAGER, site);
        support.publicTask(KARTINI_MANAGER, person, "WORKSHOP_SERVICES");
        signIn(context, KARTINI_MANAGER);
        try {
            return enrolments.enrol(new EnrolCommand(person, "SW_PEDULI", site, null, today, null));
        } finally {
            signOut();
        }
    }

    private long count() {
        return jdbc.sql("select count(*) from casework.enrolment")
                .query(Long.class)
                .single();
    }

    private long audited(String action, long enrolmentId) {
        return jdbc.sql("select count(*) from audit.entry where action = ? and subject_type = 'Enrolment'"
                        + " and subject_id = ?")
                .params(action, String.valueOf(enrolmentId))
                .query(Long.class)
                .single();
    }
}
