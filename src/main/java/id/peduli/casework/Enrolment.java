package id.peduli.casework;

import static id.peduli.casework.Stage.ASSESSMENT;
import static id.peduli.casework.Stage.CLOSED;
import static id.peduli.casework.Stage.FOLLOW_UP;
import static id.peduli.casework.Stage.INTAKE;
import static id.peduli.casework.Stage.INTERVENTION;
import static id.peduli.casework.Stage.MONITORING;
import static id.peduli.casework.Stage.PLAN;
import static id.peduli.casework.Stage.REFERRED;
import static id.peduli.casework.Stage.TERMINATED;

import id.peduli.shared.BusinessException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The enrolment aggregate: one person in one programme at one unit, and the only place that decides which stage may
 * follow which. Every change goes through {@link #moveTo}, which refuses an illegal step itself (whatever page, API or
 * other module asked) and returns the {@link Transition} to record: who, when and why. The service only loads, asks and
 * stores.
 *
 * <p>The stages follow ATENSI: a referral is taken in (intake) or closed; intake leads to assessment, assessment to a
 * plan, the plan to intervention and monitoring, which may go back to a new plan or a new assessment; every active
 * stage may end in termination; after termination come follow-up and closing. Going back a stage, terminating and
 * closing need a reason.
 */
final class Enrolment {

    /** Which stages may follow each stage. */
    static final Map<Stage, Set<Stage>> NEXT = new EnumMap<>(Stage.class);

    static {
        NEXT.put(REFERRED, EnumSet.of(INTAKE, CLOSED));
        NEXT.put(INTAKE, EnumSet.of(ASSESSMENT, TERMINATED, CLOSED));
        NEXT.put(ASSESSMENT, EnumSet.of(PLAN, TERMINATED));
        NEXT.put(PLAN, EnumSet.of(INTERVENTION, ASSESSMENT, TERMINATED));
        NEXT.put(INTERVENTION, EnumSet.of(MONITORING, PLAN, ASSESSMENT, TERMINATED));
        NEXT.put(MONITORING, EnumSet.of(INTERVENTION, PLAN, ASSESSMENT, TERMINATED));
        NEXT.put(TERMINATED, EnumSet.of(FOLLOW_UP, CLOSED));
        NEXT.put(FOLLOW_UP, EnumSet.of(CLOSED));
        NEXT.put(CLOSED, EnumSet.noneOf(Stage.class));
    }

    static final int REASON_MAX = 1000;

    private final Long id;
    private final long personId;
    private final long programmeId;
    private final String programmeCode;
    private final long unitId;
    private final Long workerUserId;
    private Stage stage;
    private LocalDate enrolledOn;
    private LocalDate endedOn;
    private final long version;
    private final LocalDate lastChange;

    Enrolment(
            Long id,
            long personId,
            long programmeId,
            String programmeCode,
            long unitId,
            Long workerUserId,
            Stage stage,
            LocalDate enrolledOn,
            LocalDate endedOn,
            long version,
            LocalDate lastChange) {
        this.id = id;
        this.personId = personId;
        this.programmeId = programmeId;
        this.programmeCode = programmeCode;
        this.unitId = unitId;
        this.workerUserId = workerUserId;
        this.stage = stage;
        this.enrolledOn = enrolledOn;
        this.endedOn = endedOn;
        this.version = version;
        this.lastChange = lastChange;
    }

    /** Who made a change: the user's id and name (both null for a change the system makes). */
    record Actor(Long userId, String username) {}

    /** One recorded step: from (null for the first), to, the day it takes effect, why and who. */
    record Transition(Stage from, Stage to, LocalDate on, String reason, Actor by) {}

    /**
     * A new enrolment taken in on {@code on} (stage INTAKE), or only referred (stage REFERRED, not yet active), with the
     * first transition to record.
     */
    static Started start(
            long personId,
            ProgrammeView programme,
            long unitId,
            Long workerUserId,
            Stage first,
            LocalDate on,
            LocalDate today,
            String reason,
            Actor by) {
        if (first != INTAKE && first != REFERRED) {
            throw new IllegalArgumentException("An enrolment starts as referred or at intake: " + first);
        }
        checkReason(reason, false);
        if (on == null) {
            throw BusinessException.invalid("on", "validation.required");
        }
        if (on.isAfter(today)) {
            throw BusinessException.invalid("on", "casework.date.future");
        }
        Enrolment enrolment = new Enrolment(
                null,
                personId,
                programme.id(),
                programme.code(),
                unitId,
                workerUserId,
                first,
                first == INTAKE ? on : null,
                null,
                0,
                on);
        return new Started(enrolment, new Transition(null, first, on, blankToNull(reason), by));
    }

    record Started(Enrolment enrolment, Transition transition) {}

    /**
     * Moves to {@code to} on {@code on}, or refuses: a stage that may not follow the current one (409), a missing
     * reason for going back, terminating or closing (422), a day in the future or before the last change (422).
     */
    Transition moveTo(Stage to, String reason, LocalDate on, LocalDate today, Actor by) {
        if (to == null) {
            throw BusinessException.invalid("stage", "validation.required");
        }
        if (!allowed(stage, to)) {
            throw BusinessException.conflict("stage", "casework.stage.illegal", label(stage), label(to));
        }
        checkReason(reason, needsReason(stage, to));
        if (on == null) {
            throw BusinessException.invalid("on", "validation.required");
        }
        if (on.isAfter(today)) {
            throw BusinessException.invalid("on", "casework.date.future");
        }
        if (lastChange != null && on.isBefore(lastChange)) {
            throw BusinessException.invalid("on", "casework.stage.beforeLastChange");
        }
        Stage from = stage;
        stage = to;
        if (to == INTAKE) {
            enrolledOn = on;
        }
        if (to == TERMINATED || (to == CLOSED && endedOn == null)) {
            endedOn = on;
        }
        return new Transition(from, to, on, blankToNull(reason), by);
    }

    /** True when {@code to} may follow {@code from}. */
    static boolean allowed(Stage from, Stage to) {
        return NEXT.get(from).contains(to);
    }

    /** The stages that may follow {@code from}, in stage order. */
    static List<Stage> next(Stage from) {
        return new ArrayList<>(NEXT.get(from));
    }

    /** Going back, terminating and closing are explained. */
    static boolean needsReason(Stage from, Stage to) {
        return to == TERMINATED || to == CLOSED || to.ordinal() < from.ordinal();
    }

    private static void checkReason(String reason, boolean required) {
        if (required && (reason == null || reason.isBlank())) {
            throw BusinessException.invalid("reason", "casework.stage.reasonRequired");
        }
        if (reason != null && reason.length() > REASON_MAX) {
            throw BusinessException.invalid("reason", "casework.reason.tooLong", REASON_MAX);
        }
    }

    private static DefaultMessageSourceResolvable label(Stage stage) {
        return new DefaultMessageSourceResolvable(new String[] {stage.labelKey()}, stage.name());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    EnrolmentView view() {
        return view(id, version);
    }

    EnrolmentView view(long assignedId, long newVersion) {
        return new EnrolmentView(
                assignedId,
                personId,
                programmeId,
                programmeCode,
                unitId,
                workerUserId,
                stage,
                enrolledOn,
                endedOn,
                newVersion);
    }

    Long id() {
        return id;
    }

    long personId() {
        return personId;
    }

    long programmeId() {
        return programmeId;
    }

    long unitId() {
        return unitId;
    }

    Long workerUserId() {
        return workerUserId;
    }

    Stage stage() {
        return stage;
    }

    LocalDate enrolledOn() {
        return enrolledOn;
    }

    LocalDate endedOn() {
        return endedOn;
    }

    long version() {
        return version;
    }
}
