package id.peduli.registry.person;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.FieldEncryption;
import id.peduli.region.Regions;
import id.peduli.registry.PersonView;
import id.peduli.registry.RegistryRoles;
import id.peduli.registry.Sex;
import id.peduli.registry.identity.Kk;
import id.peduli.registry.identity.Nik;
import id.peduli.shared.BusinessException;
import id.peduli.shared.InvalidInput;
import id.peduli.shared.InvalidInput.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households: members and their relationship to the head (one head at most; a person belongs to one household),
 * the family card (KK) history where a new card closes the previous one and periods never overlap, and the DTSEN
 * welfare decile with the date it was checked.
 */
@Service
public class Households {

    public static final String KK_FIELD = "household.kk";

    private final JdbcClient jdbc;
    private final People people;
    private final FieldEncryption encryption;
    private final Regions regions;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    Households(
            JdbcClient jdbc,
            People people,
            FieldEncryption encryption,
            Regions regions,
            Access access,
            AuditLog audit,
            Clock clock,
            @Value("${peduli.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.people = people;
        this.encryption = encryption;
        this.regions = regions;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    Optional<Long> householdOf(long personId) {
        return jdbc.sql("select household_id from registry.household_member where person_id = ?")
                .param(personId)
                .query(Long.class)
                .optional();
    }

    /**
     * Scope first: the unit of the household when the current user may read it; otherwise "not found", exactly as
     * for a missing id.
     */
    public long requireScope(long householdId) {
        Optional<Long> unit = jdbc.sql("select org_unit_id from registry.household where id = ?")
                .param(householdId)
                .query(Long.class)
                .optional();
        if (unit.isEmpty() || !access.covers(unit.get(), RegistryRoles.READ)) {
            throw BusinessException.notFound("household.notFound", householdId);
        }
        return unit.get();
    }

    /** True when the household exists and the current user may read it. */
    boolean readable(long householdId) {
        return jdbc.sql("select org_unit_id from registry.household where id = ?")
                .param(householdId)
                .query(Long.class)
                .optional()
                .map(unit -> access.covers(unit, RegistryRoles.READ))
                .orElse(false);
    }

    /** Opens a household for reading and writes the view to the processing log. */
    @Transactional
    HouseholdView open(long householdId, String purpose) {
        HouseholdView household = get(householdId);
        audit.record(AuditRecord.of(AuditAction.VIEW, "Household", householdId)
                .unit(household.orgUnitId())
                .purpose(purpose));
        return household;
    }

    HouseholdView get(long householdId) {
        requireScope(householdId);
        var row = jdbc.sql("select * from registry.household where id = ?")
                .param(householdId)
                .query((rs, i) -> new Object[] {
                    rs.getLong("org_unit_id"),
                    rs.getString("region_code"),
                    rs.getString("rt"),
                    rs.getString("rw"),
                    rs.getString("street"),
                    (Integer) rs.getObject("welfare_decile"),
                    rs.getObject("decile_checked_on", LocalDate.class),
                    rs.getInt("version")
                })
                .optional()
                .orElseThrow(() -> BusinessException.notFound("household.notFound", householdId));
        long unit = (Long) row[0];
        boolean full = access.covers(unit, RegistryRoles.FULL_IDENTIFIERS);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<HouseholdView.Member> members = jdbc.sql("""
                        select m.person_id, p.full_name, m.relationship, p.birth_date, p.birth_year, p.sex,
                            p.org_unit_id
                        from registry.household_member m join registry.person p on p.id = m.person_id
                        where m.household_id = ?
                        order by case m.relationship when 'HEAD' then 0 when 'SPOUSE' then 1 else 2 end,
                                 p.birth_year, p.full_name
                        """)
                .param(householdId)
                .query((rs, i) -> {
                    if (!access.covers(rs.getLong("org_unit_id"), RegistryRoles.READ)) {
                        // A member registered in a unit the user can't read: only that they exist, and how they are
                        // related to the head.
                        return HouseholdView.Member.outsideScope(
                                HouseholdView.Relationship.valueOf(rs.getString("relationship")));
                    }
                    LocalDate birth = rs.getObject("birth_date", LocalDate.class);
                    int age = birth != null
                            ? Period.between(birth, today).getYears()
                            : today.getYear() - rs.getInt("birth_year");
                    return new HouseholdView.Member(
                            rs.getLong("person_id"),
                            rs.getString("full_name"),
                            HouseholdView.Relationship.valueOf(rs.getString("relationship")),
                            age,
                            Sex.valueOf(rs.getString("sex")));
                })
                .list();
        List<HouseholdView.FamilyCard> cards = jdbc.sql(
                        "select id, kk_cipher, kk_masked, valid_from, valid_to from registry.kk_history "
                                + "where household_id = ? order by valid_from desc")
                .param(householdId)
                .query((rs, i) -> new HouseholdView.FamilyCard(
                        rs.getLong("id"),
                        full ? encryption.decrypt(KK_FIELD, rs.getBytes("kk_cipher")) : rs.getString("kk_masked"),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
        String region = (String) row[1];
        return new HouseholdView(
                householdId,
                unit,
                region,
                region == null ? null : regions.displayName(region),
                (String) row[2],
                (String) row[3],
                (String) row[4],
                (Integer) row[5],
                (LocalDate) row[6],
                (Integer) row[7],
                members,
                cards);
    }

    /** Starts a household with {@code headPersonId} as its head, living at the head's address. */
    @Transactional
    HouseholdView create(long headPersonId) {
        PersonView head = people.view(headPersonId);
        requireWrite(head.orgUnitId());
        if (householdOf(headPersonId).isPresent()) {
            throw BusinessException.conflict("personId", "household.personAlreadyMember", head.fullName());
        }
        long id = jdbc.sql("""
                        insert into registry.household (org_unit_id, region_code, rt, rw, street)
                        values (?, ?, ?, ?, ?) returning id
                        """)
                .params(head.orgUnitId(), head.regionCode(), head.rt(), head.rw(), head.street())
                .query(Long.class)
                .single();
        jdbc.sql("insert into registry.household_member (household_id, person_id, relationship) values (?, ?, 'HEAD')")
                .params(id, headPersonId)
                .update();
        audit.record(AuditRecord.of(AuditAction.CREATE, "Household", id)
                .unit(head.orgUnitId())
                .change("head", null, headPersonId));
        return get(id);
    }

    @Transactional
    HouseholdView addMember(long householdId, long personId, HouseholdView.Relationship relationship) {
        HouseholdView household = get(householdId);
        requireWrite(household.orgUnitId());
        PersonView person = people.view(personId);
        if (relationship == null) {
            throw BusinessException.invalid("relationship", "validation.required");
        }
        if (person.mergedInto() != null) {
            throw BusinessException.invalid("personId", "person.notFound", personId);
        }
        if (householdOf(personId).isPresent()) {
            throw BusinessException.conflict("personId", "household.personAlreadyMember", person.fullName());
        }
        if (relationship == HouseholdView.Relationship.HEAD
                && household.members().stream().anyMatch(m -> m.relationship() == HouseholdView.Relationship.HEAD)) {
            throw BusinessException.conflict("relationship", "household.twoHeads");
        }
        jdbc.sql("insert into registry.household_member (household_id, person_id, relationship) values (?, ?, ?)")
                .params(householdId, personId, relationship.name())
                .update();
        bump(householdId);
        audit.record(AuditRecord.of(AuditAction.UPDATE, "Household", householdId)
                .unit(household.orgUnitId())
                .change("member", null, personId + " " + relationship));
        return get(householdId);
    }

    @Transactional
    HouseholdView removeMember(long householdId, long personId) {
        HouseholdView household = get(householdId);
        requireWrite(household.orgUnitId());
        int removed = jdbc.sql("delete from registry.household_member where household_id = ? and person_id = ?")
                .params(householdId, personId)
                .update();
        if (removed == 0) {
            throw BusinessException.notFound("household.notMember", personId);
        }
        bump(householdId);
        audit.record(AuditRecord.of(AuditAction.UPDATE, "Household", householdId)
                .unit(household.orgUnitId())
                .change("member", personId, null));
        return get(householdId);
    }

    /**
     * Records a new family card from {@code validFrom}; the current card ends the day before. A card that would
     * overlap an earlier period is refused.
     */
    @Transactional
    HouseholdView addFamilyCard(long householdId, String number, LocalDate validFrom) {
        HouseholdView household = get(householdId);
        requireWrite(household.orgUnitId());
        String kk = checkCard(number, validFrom, regions::exists);
        for (HouseholdView.FamilyCard card : household.familyCards()) {
            boolean overlapsClosed = card.validTo() != null && !validFrom.isAfter(card.validTo());
            boolean beforeCurrentStart = card.validTo() == null && !validFrom.isAfter(card.validFrom());
            if (overlapsClosed || beforeCurrentStart) {
                throw BusinessException.invalid("validFrom", "kk.overlap", card.validFrom(), card.validTo());
            }
        }
        byte[] hash = encryption.hash(KK_FIELD, kk);
        boolean same = jdbc.sql("select count(*) from registry.kk_history where household_id = ? and kk_hash = ? and "
                                + "valid_to is null")
                        .params(householdId, hash)
                        .query(Long.class)
                        .single()
                > 0;
        if (same) {
            throw BusinessException.conflict("kk", "kk.alreadyCurrent");
        }
        jdbc.sql("update registry.kk_history set valid_to = ? where household_id = ? and valid_to is null")
                .params(validFrom.minusDays(1), householdId)
                .update();
        jdbc.sql("""
                        insert into registry.kk_history (household_id, kk_cipher, kk_hash, kk_masked, valid_from)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(householdId, encryption.encrypt(KK_FIELD, kk), hash, Nik.masked(kk), validFrom)
                .update();
        bump(householdId);
        audit.record(AuditRecord.of(AuditAction.UPDATE, "Household", householdId)
                .unit(household.orgUnitId())
                .sensitiveChange("kk", true)
                .change("kkValidFrom", null, validFrom));
        return get(householdId);
    }

    /**
     * The rules of one family card on its own: a number of the right form and province, and a start date that is not
     * in the future. Answers the number as digits; refuses with every problem found.
     */
    String checkCard(String number, LocalDate validFrom, id.peduli.registry.identity.Nik.RegionLookup regionLookup) {
        List<FieldProblem> problems = new ArrayList<>();
        Kk.Check check = Kk.check(number, regionLookup);
        String kk = check.kk();
        if (kk == null) {
            problems.add(new FieldProblem("kk", "validation.required"));
        }
        check.errors().forEach(p -> problems.add(new FieldProblem("kk", p.key(), p.args())));
        if (validFrom == null) {
            problems.add(new FieldProblem("validFrom", "validation.required"));
        } else if (validFrom.isAfter(LocalDate.now(clock.withZone(zone)))) {
            problems.add(new FieldProblem("validFrom", "kk.fromInFuture"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems, false);
        }
        return kk;
    }

    @Transactional
    HouseholdView setDecile(long householdId, int expectedVersion, Integer decile, LocalDate checkedOn) {
        HouseholdView household = get(householdId);
        requireWrite(household.orgUnitId());
        List<FieldProblem> problems = new ArrayList<>();
        if (decile != null && (decile < 1 || decile > 10)) {
            problems.add(new FieldProblem("welfareDecile", "household.decileRange"));
        }
        if (decile != null && checkedOn == null) {
            problems.add(new FieldProblem("decileCheckedOn", "household.decileDateRequired"));
        }
        if (checkedOn != null && checkedOn.isAfter(LocalDate.now(clock.withZone(zone)))) {
            problems.add(new FieldProblem("decileCheckedOn", "household.decileDateFuture"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems, false);
        }
        int updated = jdbc.sql("""
                        update registry.household set welfare_decile = ?, decile_checked_on = ?,
                            version = version + 1, updated_at = now()
                        where id = ? and version = ?
                        """)
                .params(decile, decile == null ? null : checkedOn, householdId, expectedVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("household " + householdId + " changed");
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, "Household", householdId)
                .unit(household.orgUnitId())
                .change("welfareDecile", household.welfareDecile(), decile)
                .change("decileCheckedOn", household.decileCheckedOn(), checkedOn));
        return get(householdId);
    }

    private void bump(long householdId) {
        jdbc.sql("update registry.household set version = version + 1, updated_at = now() where id = ?")
                .param(householdId)
                .update();
    }

    private void requireWrite(long unitId) {
        if (!access.covers(unitId, RegistryRoles.WRITE)) {
            throw new BusinessException(403, null, "person.unitNotAllowed");
        }
    }
}
