package id.peduli.casework;

import id.peduli.access.Access;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.organization.Organizations;
import id.peduli.registry.Registry;
import id.peduli.shared.BusinessException;
import id.peduli.shared.InvalidInput;
import id.peduli.shared.InvalidInput.FieldProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals between units and to or from outside services. The sending unit (or, for an incoming referral, the
 * receiving one) records it; the receiving unit accepts or declines. Both sides see it.
 */
@Service
class Referrals {

    private static final String SELECT = """
            select r.*, p.code as programme_code from casework.referral r
            left join casework.programme p on p.id = r.programme_id
            """;

    private final JdbcClient jdbc;
    private final Access access;
    private final Registry registry;
    private final Organizations organizations;
    private final Enrolments enrolments;
    private final Programmes programmes;
    private final AuditLog audit;

    Referrals(
            JdbcClient jdbc,
            Access access,
            Registry registry,
            Organizations organizations,
            Enrolments enrolments,
            Programmes programmes,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.registry = registry;
        this.organizations = organizations;
        this.enrolments = enrolments;
        this.programmes = programmes;
        this.audit = audit;
    }

    /** The referral after checking that {@code roles} cover its sending or receiving unit (404 otherwise). */
    ReferralView require(long id, String... roles) {
        Optional<ReferralView> referral = find(id);
        boolean covered = referral.isPresent()
                && ((referral.get().fromUnitId() != null
                                && access.covers(referral.get().fromUnitId(), roles))
                        || (referral.get().toUnitId() != null
                                && access.covers(referral.get().toUnitId(), roles)));
        if (!covered) {
            if (referral.isPresent() && !access.hasAnyRole(roles)) {
                throw new AccessDeniedException("casework");
            }
            throw BusinessException.notFound("casework.referral.notFound", id);
        }
        return referral.get();
    }

    @Transactional
    ReferralView create(ReferralCommand command) {
        String direction = command.direction();
        if (direction == null || !List.of("INTERNAL", "OUTGOING", "INCOMING").contains(direction)) {
            throw BusinessException.invalid("direction", "validation.required");
        }
        boolean incoming = "INCOMING".equals(direction);
        Long recordingUnit = incoming ? command.toUnitId() : command.fromUnitId();
        if (recordingUnit == null) {
            throw BusinessException.invalid(incoming ? "toUnitId" : "fromUnitId", "validation.required");
        }
        if (!organizations.exists(recordingUnit)) {
            throw BusinessException.notFound("casework.unit.notFound", recordingUnit);
        }
        if (!access.coversOrNotFound(recordingUnit, "casework.unit.notFound", CaseworkRoles.WRITE)) {
            throw new AccessDeniedException("casework");
        }
        if (command.personId() <= 0) {
            throw BusinessException.invalid("personId", "validation.required");
        }
        if (registry.person(command.personId()).isEmpty()) {
            throw BusinessException.notFound("casework.person.notFound", command.personId());
        }
        List<FieldProblem> problems = new ArrayList<>();
        if ("INTERNAL".equals(direction)) {
            if (command.toUnitId() == null || !organizations.exists(command.toUnitId())) {
                problems.add(new FieldProblem("toUnitId", "casework.unit.unknown"));
            } else if (command.toUnitId().equals(command.fromUnitId())) {
                problems.add(new FieldProblem("toUnitId", "casework.referral.sameUnit"));
            }
        } else if (command.outsideService() == null || command.outsideService().isBlank()) {
            problems.add(new FieldProblem("outsideService", "validation.required"));
        } else if (command.outsideService().length() > 300) {
            problems.add(new FieldProblem("outsideService", "casework.notes.tooLong", 300));
        }
        if (command.reason() == null || command.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "validation.required"));
        } else if (command.reason().length() > 1000) {
            problems.add(new FieldProblem("reason", "casework.notes.tooLong", 1000));
        }
        Long programmeId = null;
        String code = Enrolment.blankToNull(command.programmeCode());
        if (code != null) {
            Optional<ProgrammeView> programme = programmes.byCode(code);
            if (programme.isEmpty()) {
                problems.add(new FieldProblem("programmeCode", "casework.programme.unknown"));
            } else if ("OUTGOING".equals(direction)) {
                problems.add(new FieldProblem("programmeCode", "casework.referral.programmeOutside"));
            } else if (command.toUnitId() != null
                    && organizations.exists(command.toUnitId())
                    && !organizations.isWithin(
                            command.toUnitId(), programme.get().unitId())) {
                problems.add(new FieldProblem("toUnitId", "casework.enrol.unitOutsideProgramme"));
            } else {
                programmeId = programme.get().id();
            }
        }
        LocalDate on = command.referredOn() == null ? enrolments.today() : command.referredOn();
        if (on.isAfter(enrolments.today())) {
            problems.add(new FieldProblem("referredOn", "casework.date.future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems, false);
        }
        long id = jdbc.sql("""
                        insert into casework.referral (person_id, direction, from_unit_id, to_unit_id,
                            outside_service, reason, referred_on, programme_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        command.personId(),
                        direction,
                        "INCOMING".equals(direction) ? null : command.fromUnitId(),
                        "OUTGOING".equals(direction) ? null : command.toUnitId(),
                        "INTERNAL".equals(direction)
                                ? null
                                : command.outsideService().strip(),
                        command.reason().strip(),
                        on,
                        programmeId)
                .query(Long.class)
                .single();
        audit.record(AuditRecord.of(CaseworkAuditActions.REFER, "Referral", id)
                .unit(recordingUnit)
                .purpose("person " + command.personId())
                .change("direction", null, direction));
        return find(id).orElseThrow();
    }

    /**
     * Accepts or declines a pending referral: the receiving unit for internal and incoming ones, the sending unit (with
     * the outside service's answer) for outgoing ones. Accepting a referral into a programme enrols the person at the
     * receiving unit (referred on the day of the referral, taken in today, the referral as the reason), with the same
     * rules as any enrolment: refused, and nothing written, when the registry does not confirm the programme's consent
     * purpose or the person already takes part in the programme.
     */
    @Transactional
    ReferralView decide(long id, boolean accept, String note, long expectedVersion) {
        ReferralView referral = require(id, CaseworkRoles.WRITE);
        Long decidingUnit = "OUTGOING".equals(referral.direction()) ? referral.fromUnitId() : referral.toUnitId();
        if (!access.covers(decidingUnit, CaseworkRoles.WRITE)) {
            throw new BusinessException(403, null, "casework.referral.notReceiver");
        }
        if (!referral.pending()) {
            throw BusinessException.conflict(null, "casework.referral.decided");
        }
        if (note != null && note.length() > 1000) {
            throw BusinessException.invalid("note", "casework.notes.tooLong", 1000);
        }
        if (referral.version() != expectedVersion) {
            throw BusinessException.conflict(null, "error.staleVersion");
        }
        Long enrolmentId = accept && referral.programmeCode() != null && referral.toUnitId() != null
                ? enrolFrom(referral, note)
                : null;
        int updated = jdbc.sql("""
                        update casework.referral set status = ?, decided_on = ?, decided_by = ?, decision_note = ?,
                            enrolment_id = ?, version = version + 1
                        where id = ? and version = ?
                        """)
                .params(
                        accept ? "ACCEPTED" : "DECLINED",
                        enrolments.today(),
                        Enrolments.actor().username(),
                        Enrolment.blankToNull(note),
                        enrolmentId,
                        id,
                        expectedVersion)
                .update();
        if (updated != 1) {
            throw BusinessException.conflict(null, "error.staleVersion");
        }
        audit.record(AuditRecord.of(CaseworkAuditActions.REFER, "Referral", id)
                .unit(decidingUnit)
                .purpose("person " + referral.personId())
                .change("status", referral.status(), accept ? "ACCEPTED" : "DECLINED"));
        return find(id).orElseThrow();
    }

    /** The enrolment an accepted referral into a programme creates: referred, then taken in today. */
    private long enrolFrom(ReferralView referral, String note) {
        String because = "#" + referral.id() + ": " + referral.reason();
        EnrolmentView referred = enrolments.refer(new EnrolCommand(
                referral.personId(),
                referral.programmeCode(),
                referral.toUnitId(),
                null,
                referral.referredOn(),
                clip(because)));
        String accepted = Enrolment.blankToNull(note) == null ? because : because + " (" + note.strip() + ")";
        return enrolments
                .transition(referred.id(), Stage.INTAKE, clip(accepted), enrolments.today(), referred.version())
                .id();
    }

    private static String clip(String text) {
        return text.length() > Enrolment.REASON_MAX ? text.substring(0, Enrolment.REASON_MAX) : text;
    }

    /** The referrals sent from or received by the units the caller may read, newest first (at most 200). */
    List<ReferralView> visible() {
        return jdbc
                .sql(SELECT + " order by r.referred_on desc, r.id desc limit 2000")
                .query(Referrals::map)
                .list()
                .stream()
                .filter(r -> (r.fromUnitId() != null && access.covers(r.fromUnitId(), CaseworkRoles.READ))
                        || (r.toUnitId() != null && access.covers(r.toUnitId(), CaseworkRoles.READ)))
                .limit(200)
                .toList();
    }

    List<ReferralView> ofPerson(long personId) {
        return jdbc.sql(SELECT + " where r.person_id = ? order by r.referred_on desc, r.id desc")
                .param(personId)
                .query(Referrals::map)
                .list();
    }

    Optional<ReferralView> find(long id) {
        return jdbc.sql(SELECT + " where r.id = ?")
                .param(id)
                .query(Referrals::map)
                .optional();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static ReferralView map(ResultSet rs, int row) throws SQLException {
        return new ReferralView(
                rs.getLong("id"),
                rs.getLong("person_id"),
                rs.getString("direction"),
                nullableLong(rs, "from_unit_id"),
                nullableLong(rs, "to_unit_id"),
                rs.getString("outside_service"),
                rs.getString("reason"),
                rs.getObject("referred_on", LocalDate.class),
                rs.getString("status"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("decided_by"),
                rs.getString("decision_note"),
                rs.getLong("version"),
                rs.getString("programme_code"),
                nullableLong(rs, "enrolment_id"));
    }
}
