package id.peduli.casework;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.organization.Organizations;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.registry.Registry;
import id.peduli.shared.BusinessException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolling people in programmes and moving their enrolments through the stages.
 *
 * <p><b>Changes</b> ({@link #enrol}, {@link #transition}) check the caller themselves: one of SOCIAL_WORKER,
 * SITE_MENTOR or PROGRAM_MANAGER for the enrolment's unit (a holder of the role for other units gets "not found",
 * anyone else is refused), and, for enrol, a registry read grant for the person. Code that runs without a user of
 * those roles (a demo seed) signs in as one first.
 *
 * <p><b>Queries</b> ({@link #find}, {@link #ofPerson}, {@link #activeAt}) carry no security: the calling module has
 * checked the caller's scope for the unit or person before asking (its pages and endpoints do, ADR 5). They neither
 * log nor show anything, so the caller writes its own view to the audit log when it shows personal data.
 */
@Service
public class Enrolments {

    static final AuditAction ENROL = AuditAction.of("ENROL");
    static final AuditAction TRANSITION = AuditAction.of("TRANSITION");

    private final EnrolmentStore store;
    private final Programmes programmes;
    private final Registry registry;
    private final Access access;
    private final Organizations organizations;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    Enrolments(
            EnrolmentStore store,
            Programmes programmes,
            Registry registry,
            Access access,
            Organizations organizations,
            AuditLog audit,
            Clock clock,
            @Value("${peduli.time-zone}") String zone) {
        this.store = store;
        this.programmes = programmes;
        this.registry = registry;
        this.access = access;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Enrols a person at intake. Refused (nothing written) when: the unit or person is outside the caller's scope (404);
     * the programme is unknown or the unit is not the programme's unit or below it (422); the person already has an
     * open enrolment in the programme (409); the programme's consent purpose is not covered by an active consent or
     * other lawful basis in the registry (422, naming the purpose and where to record it); the day is in the future.
     */
    @Transactional
    public EnrolmentView enrol(EnrolCommand cmd) {
        return start(cmd, Stage.INTAKE);
    }

    /** Records a referral into a programme: an enrolment at stage REFERRED, active once taken in (INTAKE). */
    @Transactional
    public EnrolmentView refer(EnrolCommand cmd) {
        return start(cmd, Stage.REFERRED);
    }

    private EnrolmentView start(EnrolCommand cmd, Stage first) {
        requireWrite(cmd.unitId(), "casework.unit.notFound");
        if (registry.person(cmd.personId()).isEmpty()) {
            throw BusinessException.notFound("casework.person.notFound", cmd.personId());
        }
        ProgrammeView programme = programmes
                .byCode(cmd.programmeCode())
                .orElseThrow(() -> BusinessException.invalid("programmeCode", "casework.programme.unknown"));
        if (!organizations.isWithin(cmd.unitId(), programme.unitId())) {
            throw BusinessException.invalid("unitId", "casework.enrol.unitOutsideProgramme");
        }
        LocalDate today = today();
        Enrolment.Started started = Enrolment.start(
                cmd.personId(),
                programme,
                cmd.unitId(),
                cmd.workerUserId(),
                first,
                cmd.on() == null ? today : cmd.on(),
                today,
                cmd.reason(),
                actor());
        if (store.hasOpen(cmd.personId(), programme.id())) {
            throw BusinessException.conflict(null, "casework.enrol.already");
        }
        requireConsent(cmd.personId(), programme);
        long id = store.insert(started.enrolment());
        store.record(id, started.transition(), clock.instant());
        audit.record(AuditRecord.of(ENROL, "Enrolment", id)
                .unit(cmd.unitId())
                .purpose("person " + cmd.personId())
                .change("programme", null, programme.code())
                .change("stage", null, first));
        return started.enrolment().view(id, 0);
    }

    /**
     * Refuses, naming the purpose and where to record it, when the registry does not confirm the programme's consent
     * purpose for the person. The registry accepts a consent of an adult with an intellectual disability only when
     * given by the person and the guardian together, so a covered purpose means both agreed.
     */
    private void requireConsent(long personId, ProgrammeView programme) {
        String purpose = programmes.purposeOf(programme.id());
        if (!registry.isCovered(personId, purpose)) {
            throw BusinessException.invalid(
                    "consent",
                    "casework.enrol.consentMissing",
                    new DefaultMessageSourceResolvable(new String[] {"consentPurpose." + purpose}, purpose),
                    consentLink(personId));
        }
    }

    /** Where a person's consent is recorded: the consent tab of the profile. */
    static String consentLink(long personId) {
        return "/people/" + personId + "?tab=consent";
    }

    /**
     * Moves an enrolment to {@code to} today, if the enrolment allows that step ({@link Enrolment}) and nobody changed
     * it since {@code expectedVersion} (409 otherwise). Recorded with who, when and why.
     */
    @Transactional
    public EnrolmentView transition(long enrolmentId, Stage to, String reason, long expectedVersion) {
        return transition(enrolmentId, to, reason, null, expectedVersion);
    }

    /** As {@link #transition(long, Stage, String, long)}, taking effect on {@code on} (today when null). */
    @Transactional
    public EnrolmentView transition(long enrolmentId, Stage to, String reason, LocalDate on, long expectedVersion) {
        requireEnrolment(enrolmentId, CaseworkRoles.WRITE);
        Enrolment enrolment = store.loadForUpdate(enrolmentId).orElseThrow(() -> notFound(enrolmentId));
        if (enrolment.version() != expectedVersion) {
            throw BusinessException.conflict(null, "error.staleVersion");
        }
        Stage from = enrolment.stage();
        LocalDate today = today();
        Enrolment.Transition step = enrolment.moveTo(to, reason, on == null ? today : on, today, actor());
        if (!store.update(enrolment, expectedVersion)) {
            throw BusinessException.conflict(null, "error.staleVersion");
        }
        store.record(enrolmentId, step, clock.instant());
        audit.record(AuditRecord.of(TRANSITION, "Enrolment", enrolmentId)
                .unit(enrolment.unitId())
                .purpose("person " + enrolment.personId())
                .change("stage", from, to));
        return enrolment.view(enrolmentId, expectedVersion + 1);
    }

    /** The enrolment, without any check (see the class comment). */
    public Optional<EnrolmentView> find(long id) {
        return store.load(id).map(Enrolment::view);
    }

    /** Every enrolment of the person, newest first, without any check. */
    public List<EnrolmentView> ofPerson(long personId) {
        return store.ofPerson(personId).stream().map(Enrolment::view).toList();
    }

    /**
     * The enrolments at {@code unitId} (exactly that unit, such as one site) whose person took part on {@code day}
     * ({@link EnrolmentView#activeOn}), without any check.
     */
    public List<EnrolmentView> activeAt(long unitId, LocalDate day) {
        return store.activeAt(unitId, day).stream().map(Enrolment::view).toList();
    }

    /** True when the person has an enrolment at {@code unitId} in which they took part on {@code day}. */
    public boolean activeAt(long personId, long unitId, LocalDate day) {
        return store.activeAt(personId, unitId, day);
    }

    /** The stage history of an enrolment, oldest first, without any check. */
    public List<TransitionView> history(long enrolmentId) {
        return store.transitions(enrolmentId);
    }

    /** The stages that may follow {@code stage}. */
    public static List<Stage> nextStages(Stage stage) {
        return Enrolment.next(stage);
    }

    /** The enrolment's unit, after checking that one of {@code roles} covers it (404 as for a missing id). */
    long requireEnrolment(long enrolmentId, String... roles) {
        Optional<Long> unit = store.unitOf(enrolmentId);
        if (unit.isEmpty() || !access.covers(unit.get(), roles)) {
            if (unit.isPresent() && !access.hasAnyRole(roles)) {
                throw new AccessDeniedException("casework");
            }
            throw notFound(enrolmentId);
        }
        return unit.get();
    }

    private void requireWrite(long unitId, String notFoundKey) {
        if (!organizations.exists(unitId)) {
            throw BusinessException.notFound(notFoundKey, unitId);
        }
        if (!access.coversOrNotFound(unitId, notFoundKey, CaseworkRoles.WRITE)) {
            throw new AccessDeniedException("casework");
        }
    }

    static BusinessException notFound(long enrolmentId) {
        return BusinessException.notFound("casework.enrolment.notFound", enrolmentId);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    static Enrolment.Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PeduliPrincipal principal) {
            return new Enrolment.Actor(principal.userId(), principal.username());
        }
        return new Enrolment.Actor(null, authentication == null ? null : authentication.getName());
    }
}
