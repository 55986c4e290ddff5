package id.peduli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.shared.BusinessException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The enrolment aggregate decides every step itself: each legal step is taken, each illegal one refused. */
class EnrolmentTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final Enrolment.Actor WORKER = new Enrolment.Actor(7L, "pekerja");
    static final ProgrammeView PROGRAMME = new ProgrammeView(1, "SW_PEDULI", "SW Peduli", "WORKSHOP", 10);

    /** The legal steps, written out once more by hand so that a change to the table shows up here. */
    static final Set<List<Stage>> LEGAL = Set.of(
            List.of(Stage.REFERRED, Stage.INTAKE),
            List.of(Stage.REFERRED, Stage.CLOSED),
            List.of(Stage.INTAKE, Stage.ASSESSMENT),
            List.of(Stage.INTAKE, Stage.TERMINATED),
            List.of(Stage.INTAKE, Stage.CLOSED),
            List.of(Stage.ASSESSMENT, Stage.PLAN),
            List.of(Stage.ASSESSMENT, Stage.TERMINATED),
            List.of(Stage.PLAN, Stage.INTERVENTION),
            List.of(Stage.PLAN, Stage.ASSESSMENT),
            List.of(Stage.PLAN, Stage.TERMINATED),
            List.of(Stage.INTERVENTION, Stage.MONITORING),
            List.of(Stage.INTERVENTION, Stage.PLAN),
            List.of(Stage.INTERVENTION, Stage.ASSESSMENT),
            List.of(Stage.INTERVENTION, Stage.TERMINATED),
            List.of(Stage.MONITORING, Stage.INTERVENTION),
            List.of(Stage.MONITORING, Stage.PLAN),
            List.of(Stage.MONITORING, Stage.ASSESSMENT),
            List.of(Stage.MONITORING, Stage.TERMINATED),
            List.of(Stage.TERMINATED, Stage.FOLLOW_UP),
            List.of(Stage.TERMINATED, Stage.CLOSED),
            List.of(Stage.FOLLOW_UP, Stage.CLOSED));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (Stage from : Stage.values()) {
            for (Stage to : Stage.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    static Enrolment at(Stage stage) {
        LocalDate enrolled = stage == Stage.REFERRED ? null : TODAY.minusMonths(6);
        LocalDate ended =
                EnumSet.of(Stage.TERMINATED, Stage.FOLLOW_UP, Stage.CLOSED).contains(stage)
                        ? TODAY.minusMonths(1)
                        : null;
        return new Enrolment(5L, 3, 1, "SW_PEDULI", 11, 7L, stage, enrolled, ended, 4, TODAY.minusMonths(1));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void eachLegalStepIsTakenAndRecordedAndEachIllegalOneRefused(Stage from, Stage to) {
        Enrolment enrolment = at(from);
        if (LEGAL.contains(List.of(from, to))) {
            Enrolment.Transition step = enrolment.moveTo(to, "alasan", TODAY, TODAY, WORKER);
            assertThat(enrolment.stage()).isEqualTo(to);
            assertThat(step.from()).isEqualTo(from);
            assertThat(step.to()).isEqualTo(to);
            assertThat(step.on()).isEqualTo(TODAY);
            assertThat(step.reason()).isEqualTo("alasan");
            assertThat(step.by()).isEqualTo(WORKER);
            assertThat(Enrolment.allowed(from, to)).isTrue();
        } else {
            assertThatThrownBy(() -> enrolment.moveTo(to, "alasan", TODAY, TODAY, WORKER))
                    .isInstanceOfSatisfying(BusinessException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.messageKey()).isEqualTo("casework.stage.illegal");
                    });
            assertThat(enrolment.stage()).isEqualTo(from);
            assertThat(Enrolment.allowed(from, to)).isFalse();
        }
    }

    @Test
    void theTableOfTheAggregateIsExactlyTheLegalSteps() {
        long legal = Stream.of(Stage.values())
                .mapToLong(s -> Enrolment.next(s).size())
                .sum();
        assertThat(legal).isEqualTo(LEGAL.size());
        assertThat(Enrolment.next(Stage.CLOSED)).isEmpty();
    }

    @Test
    void goingBackTerminatingAndClosingNeedAReasonGoingForwardDoesNot() {
        for (Stage[] step : new Stage[][] {
            {Stage.MONITORING, Stage.PLAN},
            {Stage.PLAN, Stage.ASSESSMENT},
            {Stage.INTERVENTION, Stage.TERMINATED},
            {Stage.TERMINATED, Stage.CLOSED},
            {Stage.REFERRED, Stage.CLOSED}
        }) {
            Enrolment enrolment = at(step[0]);
            assertThatThrownBy(() -> enrolment.moveTo(step[1], "  ", TODAY, TODAY, WORKER))
                    .isInstanceOfSatisfying(
                            BusinessException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("casework.stage.reasonRequired"));
            assertThat(enrolment.stage()).isEqualTo(step[0]);
        }
        Enrolment forward = at(Stage.ASSESSMENT);
        assertThat(forward.moveTo(Stage.PLAN, null, TODAY, TODAY, WORKER).reason())
                .isNull();
    }

    @Test
    void aStepInTheFutureOrBeforeTheLastChangeIsRefused() {
        Enrolment enrolment = at(Stage.INTERVENTION);
        assertThatThrownBy(() -> enrolment.moveTo(Stage.MONITORING, null, TODAY.plusDays(1), TODAY, WORKER))
                .hasMessage("casework.date.future");
        assertThatThrownBy(() -> enrolment.moveTo(Stage.MONITORING, null, TODAY.minusMonths(2), TODAY, WORKER))
                .hasMessage("casework.stage.beforeLastChange");
        assertThatThrownBy(() -> enrolment.moveTo(Stage.TERMINATED, "x".repeat(1001), TODAY, TODAY, WORKER))
                .hasMessage("casework.reason.tooLong");
        assertThat(enrolment.stage()).isEqualTo(Stage.INTERVENTION);
    }

    @Test
    void intakeStartsTakingPartAndTerminationEndsIt() {
        Enrolment.Started referred =
                Enrolment.start(3, PROGRAMME, 11, null, Stage.REFERRED, TODAY.minusDays(9), TODAY, null, WORKER);
        Enrolment enrolment = referred.enrolment();
        assertThat(referred.transition().from()).isNull();
        assertThat(referred.transition().to()).isEqualTo(Stage.REFERRED);
        assertThat(enrolment.view(1, 0).active()).isFalse();
        assertThat(enrolment.enrolledOn()).isNull();
        enrolment = new Enrolment(1L, 3, 1, "SW_PEDULI", 11, null, Stage.REFERRED, null, null, 0, TODAY.minusDays(9));
        enrolment.moveTo(Stage.INTAKE, null, TODAY.minusDays(5), TODAY, WORKER);
        assertThat(enrolment.enrolledOn()).isEqualTo(TODAY.minusDays(5));
        EnrolmentView taking = enrolment.view(1, 1);
        assertThat(taking.active()).isTrue();
        assertThat(taking.activeOn(TODAY.minusDays(5))).isTrue();
        assertThat(taking.activeOn(TODAY.minusDays(6))).isFalse();
        enrolment.moveTo(Stage.TERMINATED, "pindah kota", TODAY, TODAY, WORKER);
        EnrolmentView ended = enrolment.view(1, 2);
        assertThat(ended.active()).isFalse();
        assertThat(ended.endedOn()).isEqualTo(TODAY);
        assertThat(ended.activeOn(TODAY)).isTrue();
        assertThat(ended.activeOn(TODAY.plusDays(1))).isFalse();
        enrolment.moveTo(Stage.FOLLOW_UP, null, TODAY, TODAY, WORKER);
        enrolment.moveTo(Stage.CLOSED, "selesai", TODAY, TODAY, WORKER);
        assertThat(enrolment.endedOn()).isEqualTo(TODAY);
    }

    @Test
    void anEnrolmentStartsAtIntakeOrAsAReferralNotInTheFuture() {
        Enrolment.Started started = Enrolment.start(3, PROGRAMME, 11, 7L, Stage.INTAKE, TODAY, TODAY, "masuk", WORKER);
        assertThat(started.enrolment().stage()).isEqualTo(Stage.INTAKE);
        assertThat(started.enrolment().enrolledOn()).isEqualTo(TODAY);
        assertThat(started.transition().reason()).isEqualTo("masuk");
        assertThatThrownBy(() ->
                        Enrolment.start(3, PROGRAMME, 11, 7L, Stage.INTAKE, TODAY.plusDays(1), TODAY, null, WORKER))
                .hasMessage("casework.date.future");
        assertThatThrownBy(() -> Enrolment.start(3, PROGRAMME, 11, 7L, Stage.PLAN, TODAY, TODAY, null, WORKER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyIntakeToMonitoringCountAsTakingPart() {
        assertThat(Stream.of(Stage.values()).filter(Stage::active))
                .containsExactly(Stage.INTAKE, Stage.ASSESSMENT, Stage.PLAN, Stage.INTERVENTION, Stage.MONITORING);
    }
}
