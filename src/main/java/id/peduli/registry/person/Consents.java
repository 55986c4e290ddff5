package id.peduli.registry.person;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.registry.ConsentCommand;
import id.peduli.registry.ConsentPurposes;
import id.peduli.registry.DisabilityType;
import id.peduli.registry.PersonView;
import id.peduli.registry.RegistryRoles;
import id.peduli.shared.BusinessException;
import id.peduli.shared.InvalidInput;
import id.peduli.shared.InvalidInput.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Consent and lawful basis per person and purpose: recording, withdrawing, and asking whether a purpose is covered. */
@Service
public class Consents {

    private final JdbcClient jdbc;
    private final People people;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final DeclaredPurposes purposes;

    Consents(
            JdbcClient jdbc,
            People people,
            Access access,
            AuditLog audit,
            Clock clock,
            @Value("${peduli.time-zone}") String zone,
            DeclaredPurposes purposes) {
        this.purposes = purposes;
        this.jdbc = jdbc;
        this.people = people;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    List<ConsentView> of(long personId) {
        return jdbc.sql("select * from registry.consent where person_id = ? order by given_on desc, id desc")
                .param(personId)
                .query((rs, i) -> new ConsentView(
                        rs.getLong("id"),
                        rs.getString("purpose"),
                        ConsentCommand.LawfulBasis.valueOf(rs.getString("basis")),
                        rs.getString("given_by") == null
                                ? null
                                : ConsentCommand.ConsentGiver.valueOf(rs.getString("given_by")),
                        rs.getString("method") == null
                                ? null
                                : ConsentCommand.ConsentMethod.valueOf(rs.getString("method")),
                        rs.getString("notice_version"),
                        rs.getObject("given_on", LocalDate.class),
                        rs.getObject("withdrawn_on", LocalDate.class),
                        rs.getString("withdrawal_reason"),
                        rs.getString("recorded_by")))
                .list();
    }

    /** The consents of a person the user may read, with the view written to the processing log. */
    @Transactional
    List<ConsentView> open(long personId, String purpose) {
        long unit = people.requireScope(personId, RegistryRoles.READ);
        audit.record(AuditRecord.of(AuditAction.VIEW, "Consent", null)
                .unit(unit)
                .purpose(purpose)
                .change("person", null, personId));
        return of(personId);
    }

    /** The purposes the modules declare, in the order the consent form lists them. */
    List<ConsentPurposes.Purpose> purposes() {
        return purposes.all();
    }

    /**
     * True when an active basis covers {@code purpose} for the person today; a purpose no module declares is refused
     * as invalid input.
     */
    public boolean covered(long personId, String purpose) {
        if (purposes.find(purpose).isEmpty()) {
            throw BusinessException.invalid("purpose", "consent.purposeUnknown");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return jdbc.sql("""
                                select count(*) from registry.consent
                                where person_id = ? and purpose = ? and given_on <= ?
                                  and (withdrawn_on is null or withdrawn_on > ?)
                                """)
                        .params(personId, purpose, today, today)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional
    ConsentView record(long personId, ConsentCommand command) {
        PersonView person = people.view(personId);
        requireWrite(person);
        List<FieldProblem> problems = problems(command, person.age(), person.disabilityTypes());
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems, false);
        }
        long id = insert(personId, command);
        log(id, person.orgUnitId(), personId, command);
        return of(personId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /** The rules of a consent for a person of {@code age} (null when unknown) with these disabilities. */
    List<FieldProblem> problems(ConsentCommand command, Integer age, List<DisabilityType> disabilities) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        var declared = purposes.find(command.purpose());
        if (declared.isEmpty()) {
            problems.add(new FieldProblem("purpose", "consent.purposeUnknown"));
        } else if (command.basis() != null && !declared.get().allows(command.basis())) {
            problems.add(new FieldProblem("basis", "consent.basisNotAllowed"));
        }
        if (command.givenOn() != null && command.givenOn().isAfter(today)) {
            problems.add(new FieldProblem("givenOn", "consent.givenInFuture"));
        }
        if (command.basis() == ConsentCommand.LawfulBasis.CONSENT) {
            if (command.givenBy() == null) {
                problems.add(new FieldProblem("givenBy", "consent.giverRequired"));
            }
            if (command.method() == null) {
                problems.add(new FieldProblem("method", "consent.methodRequired"));
            }
            boolean adult = age != null && age >= 18;
            if (command.givenBy() != null
                    && adult
                    && disabilities.contains(DisabilityType.INTELLECTUAL)
                    && command.givenBy() != ConsentCommand.ConsentGiver.PERSON_AND_GUARDIAN) {
                problems.add(new FieldProblem("givenBy", "consent.personAndGuardian"));
            }
            if (command.givenBy() == ConsentCommand.ConsentGiver.PARENT && adult) {
                problems.add(new FieldProblem("givenBy", "consent.parentForAdult"));
            }
        }
        return problems;
    }

    /** The statement that writes a consent, with the parameters of {@link #row}. */
    static final String INSERT = """
            insert into registry.consent (person_id, purpose, basis, given_by, method, notice_version, given_on,
                recorded_by)
            values (:person, :purpose, :basis, :givenBy, :method, :notice, :givenOn, :by)
            """;

    /** Writes a consent whose rules were checked; answers its id. */
    long insert(long personId, ConsentCommand command) {
        return jdbc.sql(INSERT + " returning id")
                .paramSource(row(personId, command))
                .query(Long.class)
                .single();
    }

    static org.springframework.jdbc.core.namedparam.MapSqlParameterSource row(long personId, ConsentCommand command) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("person", personId)
                .addValue("purpose", command.purpose())
                .addValue("basis", command.basis().name())
                .addValue(
                        "givenBy",
                        command.givenBy() == null ? null : command.givenBy().name())
                .addValue(
                        "method",
                        command.method() == null ? null : command.method().name())
                .addValue("notice", command.noticeVersion().trim())
                .addValue("givenOn", command.givenOn())
                .addValue("by", username());
    }

    /** The processing log entry of a recorded consent. */
    void log(long id, long unitId, long personId, ConsentCommand command) {
        audit.record(AuditRecord.of(AuditAction.CREATE, "Consent", id)
                .unit(unitId)
                .purpose("person " + personId)
                .change("purpose", null, command.purpose())
                .change("basis", null, command.basis())
                .change("givenBy", null, command.givenBy())
                .change("method", null, command.method()));
    }

    @Transactional
    ConsentView withdraw(long personId, long consentId, LocalDate on, String reason) {
        PersonView person = people.view(personId);
        requireWrite(person);
        ConsentView consent = of(personId).stream()
                .filter(c -> c.id() == consentId)
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("consent.notFound", consentId));
        if (!consent.active()) {
            throw BusinessException.conflict(null, "consent.alreadyWithdrawn");
        }
        LocalDate date = on == null ? LocalDate.now(clock.withZone(zone)) : on;
        if (date.isBefore(consent.givenOn())) {
            throw BusinessException.invalid("withdrawnOn", "consent.withdrawnBeforeGiven");
        }
        if (reason != null && reason.length() > 500) {
            throw BusinessException.invalid("reason", "validation.maxLength");
        }
        jdbc.sql("update registry.consent set withdrawn_on = ?, withdrawal_reason = ? where id = ?")
                .params(date, People.blankToNull(reason), consentId)
                .update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, "Consent", consentId)
                .unit(person.orgUnitId())
                .purpose("person " + personId)
                .change("withdrawnOn", null, date));
        return of(personId).stream()
                .filter(c -> c.id() == consentId)
                .findFirst()
                .orElseThrow();
    }

    private void requireWrite(PersonView person) {
        if (!access.covers(person.orgUnitId(), RegistryRoles.WRITE)) {
            throw new BusinessException(403, null, "person.unitNotAllowed");
        }
    }

    private static String username() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }
}
