package id.peduli.registry.person;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.organization.Organizations;
import id.peduli.platform.FieldEncryption;
import id.peduli.region.Regions;
import id.peduli.registry.DisabilityType;
import id.peduli.registry.PersonView;
import id.peduli.registry.RegistryRoles;
import id.peduli.registry.Sex;
import id.peduli.registry.identity.Birth;
import id.peduli.registry.identity.NameKey;
import id.peduli.registry.identity.Nik;
import id.peduli.shared.BusinessException;
import id.peduli.shared.InvalidInput;
import id.peduli.shared.InvalidInput.FieldProblem;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering and editing people: the rules (NIK, birth, guardian, region), encryption of the NIK, duplicate
 * detection, optimistic locking and the processing log. Reading a profile is logged with its purpose.
 */
@Service
public class People {

    public static final String NIK_FIELD = "person.nik";
    static final String COLUMNS = "p.id, p.org_unit_id, p.full_name, p.other_names, p.sex, p.birth_place, p.birth_date,"
            + " p.birth_year, p.birth_date_approximate, p.nik_cipher, p.nik_masked, p.region_code, p.rt, p.rw,"
            + " p.street, p.phone, p.disability_types, p.disability_severity, p.support_needs, p.guardian_id,"
            + " g.full_name as guardian_name, g.org_unit_id as guardian_unit, p.guardian_relationship, p.external_id, p.merged_into, p.version,"
            + " exists (select 1 from registry.person_photo f where f.person_id = p.id) as has_photo";
    static final String FROM = " from registry.person p left join registry.person g on g.id = p.guardian_id";

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;
    private final Regions regions;
    private final Organizations organizations;
    private final Access access;
    private final AuditLog audit;
    private final NikChecks nikChecks;
    private final Clock clock;
    private final ZoneId zone;

    People(
            JdbcClient jdbc,
            FieldEncryption encryption,
            Regions regions,
            Organizations organizations,
            Access access,
            AuditLog audit,
            NikChecks nikChecks,
            Clock clock,
            @Value("${peduli.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.nikChecks = nikChecks;
        this.encryption = encryption;
        this.regions = regions;
        this.organizations = organizations;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** A possible duplicate shown while registering. {@code inScope} false: registered by a unit the user can't see. */
    record Candidate(
            long id, String fullName, LocalDate birthDate, int birthYear, String regionCode, boolean inScope) {}

    /** Thrown when the entry is valid but has warnings to confirm; carries the possible duplicates too. */
    static final class NeedsConfirmation extends InvalidInput {
        private final List<DuplicateCandidate> candidates;

        NeedsConfirmation(List<FieldProblem> warnings, List<DuplicateCandidate> candidates) {
            super(warnings, true);
            this.candidates = List.copyOf(candidates);
        }

        List<DuplicateCandidate> candidates() {
            return candidates;
        }
    }

    @Transactional
    public PersonView register(PersonCommand command) {
        requireWrite(command.orgUnitId());
        if (blankToNull(command.nik()) != null) {
            nikChecks.count();
        }
        return view(insert(command, true));
    }

    /** Applies the rules, writes the person and the processing log entry; answers the new id. */
    private long insert(PersonCommand command, boolean lookForDuplicates) {
        Checked checked = check(command, null, lookForDuplicates);
        long id;
        try {
            id = jdbc.sql(INSERT + " returning id")
                    .paramSource(checked.params(command))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw duplicateKey(e);
        }
        logCreated(id, command, checked);
        return id;
    }

    /** The statement that writes a new person, with the parameters of {@link Checked#params}. */
    static final String INSERT = """
            insert into registry.person (org_unit_id, full_name, other_names, name_key, sex,
                birth_place, birth_date, birth_year, birth_date_approximate, nik_cipher, nik_hash,
                nik_masked, region_code, regency_code, rt, rw, street, phone, disability_types,
                disability_severity, support_needs, guardian_id, guardian_relationship, external_id)
            values (:unit, :fullName, :otherNames, :nameKey, :sex, :birthPlace, :birthDate,
                :birthYear, :approximate, :nikCipher, :nikHash, :nikMasked, :region, :regency, :rt,
                :rw, :street, :phone, cast(:disabilities as varchar[]), :severity, :supportNeeds,
                :guardian, :guardianRelationship, :externalId)
            """;

    /** The processing log entry of a new person. */
    void logCreated(long id, PersonCommand command, Checked checked) {
        audit.record(AuditRecord.of(AuditAction.CREATE, "Person", id)
                .unit(command.orgUnitId())
                .change("fullName", null, command.fullName().trim())
                .change("sex", null, command.sex())
                .change("birthYear", null, checked.birthYear())
                .change("region", null, blankToNull(command.regionCode()))
                .sensitiveChange("nik", checked.nik() != null));
    }

    /**
     * Edits a person. An empty NIK keeps the recorded one (users who see it masked cannot retype it); the kept NIK is
     * still checked against the edited sex and birth date.
     */
    @Transactional
    PersonView update(long id, int expectedVersion, PersonCommand edit) {
        PersonView current = view(id);
        requireWrite(current.orgUnitId());
        if (blankToNull(edit.nik()) != null) {
            // A typed NIK is checked against the whole registry: that answer is counted (a kept one is not).
            nikChecks.count();
        }
        PersonCommand command = edit;
        if (blankToNull(edit.nik()) == null) {
            List<byte[]> rows = jdbc.sql("select nik_cipher from registry.person where id = ?")
                    .param(id)
                    .query((rs, i) -> rs.getBytes(1))
                    .list();
            byte[] existing = rows.isEmpty() ? null : rows.get(0);
            if (existing != null) {
                command = edit.withNik(encryption.decrypt(NIK_FIELD, existing));
            }
        }
        if (current.mergedInto() != null) {
            throw BusinessException.conflict(null, "person.mergedNoEdit", String.valueOf(current.mergedInto()));
        }
        if (command.orgUnitId() != current.orgUnitId()) {
            requireWrite(command.orgUnitId());
        }
        // Possible duplicates were confirmed when the record was saved; they are asked about again only when the
        // edit changes what they are found by (name, birth, regency), not for a new phone number.
        boolean identityChanged = !NameKey.of(command.fullName() + " " + Objects.toString(command.otherNames(), ""))
                        .equals(NameKey.of(current.fullName() + " " + Objects.toString(current.otherNames(), "")))
                || !Objects.equals(command.birthDate(), current.birthDate())
                || (command.birthDate() == null && !Objects.equals(command.birthYear(), current.birthYear()))
                || !Objects.equals(regencyOf(command.regionCode()), regencyOf(current.regionCode()));
        Checked checked = check(command, id, identityChanged);
        Long storedGuardian = jdbc.sql("select guardian_id from registry.person where id = ?")
                .param(id)
                .query((rs, i) -> Optional.ofNullable(rs.getObject(1, Long.class)))
                .single()
                .orElse(null);
        if (current.guardianOutsideScope() && command.guardianId() == null) {
            // The user can't see this guardian (another unit), so an empty field keeps the link rather than dropping
            // it.
            command = command.withGuardian(storedGuardian, current.guardianRelationship());
        }
        List<String> hashes = jdbc.sql("select encode(nik_hash, 'hex') from registry.person where id = ?")
                .param(id)
                .query((rs, i) -> rs.getString(1))
                .list();
        String oldNikHash = hashes.isEmpty() ? null : hashes.get(0);
        int updated;
        try {
            updated = jdbc.sql("""
                            update registry.person set org_unit_id = :unit, full_name = :fullName,
                                other_names = :otherNames, name_key = :nameKey, sex = :sex, birth_place = :birthPlace,
                                birth_date = :birthDate, birth_year = :birthYear,
                                birth_date_approximate = :approximate, nik_cipher = :nikCipher, nik_hash = :nikHash,
                                nik_masked = :nikMasked, region_code = :region, regency_code = :regency, rt = :rt,
                                rw = :rw, street = :street, phone = :phone,
                                disability_types = cast(:disabilities as varchar[]), disability_severity = :severity,
                                support_needs = :supportNeeds, guardian_id = :guardian,
                                guardian_relationship = :guardianRelationship, external_id = :externalId,
                                version = version + 1, updated_at = now()
                            where id = :id and version = :version and merged_into is null
                            """)
                    .paramSource(checked.params(command).addValue("id", id).addValue("version", expectedVersion))
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicateKey(e);
        }
        if (updated == 0) {
            throw new OptimisticLockingFailureException("person " + id + " changed since version " + expectedVersion);
        }
        String newNikHash =
                checked.nikHash() == null ? null : java.util.HexFormat.of().formatHex(checked.nikHash());
        audit.record(AuditRecord.of(AuditAction.UPDATE, "Person", id)
                .unit(command.orgUnitId())
                .change("orgUnit", current.orgUnitId(), command.orgUnitId())
                .change("fullName", current.fullName(), command.fullName().trim())
                .change("otherNames", current.otherNames(), blankToNull(command.otherNames()))
                .change("sex", current.sex(), command.sex())
                .change("birthPlace", current.birthPlace(), blankToNull(command.birthPlace()))
                .change("birthDate", current.birthDate(), command.birthDate())
                .change("birthYear", current.birthYear(), checked.birthYear())
                .change("region", current.regionCode(), blankToNull(command.regionCode()))
                .change(
                        "rtRw",
                        current.rt() + "/" + current.rw(),
                        blankToNull(command.rt()) + "/" + blankToNull(command.rw()))
                .change("street", current.street(), blankToNull(command.street()))
                .sensitiveChange("phone", !Objects.equals(current.phone(), blankToNull(command.phone())))
                .sensitiveChange(
                        "disability",
                        !Objects.equals(current.disabilityTypes(), command.disabilityTypes())
                                || !Objects.equals(
                                        current.disabilitySeverity(), blankToNull(command.disabilitySeverity()))
                                || !Objects.equals(current.supportNeeds(), blankToNull(command.supportNeeds())))
                .change("guardian", storedGuardian, command.guardianId())
                .sensitiveChange("nik", !Objects.equals(oldNikHash, newNikHash)));
        return view(id);
    }

    /**
     * Scope first: the unit of person {@code id} when the current user holds one of {@code roles} for it. A person
     * outside that scope is "not found", with exactly the answer a missing id gets, so that nothing tells whether the
     * record exists. Only the unit is read before the check.
     */
    public long requireScope(long id, String... roles) {
        Optional<Long> unit = jdbc.sql("select org_unit_id from registry.person where id = ?")
                .param(id)
                .query(Long.class)
                .optional();
        if (unit.isEmpty() || !access.covers(unit.get(), roles)) {
            throw BusinessException.notFound("person.notFound", id);
        }
        return unit.get();
    }

    /** True when the current user holds one of {@code roles} for {@code unitId}. */
    boolean readable(long unitId, String... roles) {
        return access.covers(unitId, roles);
    }

    /** The person, after checking that the current user may read them (404 otherwise, as for a missing id). */
    PersonView view(long id) {
        requireScope(id, RegistryRoles.READ);
        return find(id).orElseThrow(() -> BusinessException.notFound("person.notFound", id));
    }

    /** Opens a profile: checks scope and writes the view, with its purpose, to the processing log. */
    @Transactional
    PersonView open(long id, String purpose) {
        PersonView person = view(id);
        audit.record(AuditRecord.of(AuditAction.VIEW, "Person", id)
                .unit(person.orgUnitId())
                .purpose(purpose));
        return person;
    }

    /** Writes a view of the person (a form or page other than the profile) to the processing log. */
    void logView(PersonView person, String purpose) {
        audit.record(AuditRecord.of(AuditAction.VIEW, "Person", person.id())
                .unit(person.orgUnitId())
                .purpose(purpose));
    }

    /** Writes a view of the person's photo to the processing log. */
    void logPhotoView(long personId, long unitId) {
        audit.record(AuditRecord.of(AuditAction.VIEW, "PersonPhoto", personId).unit(unitId));
    }

    public Optional<PersonView> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where p.id = ?")
                .param(id)
                .query((rs, i) -> map(rs, true))
                .optional();
    }

    Optional<Long> idByNik(String nik) {
        String normal = Nik.normalise(nik);
        if (normal == null || normal.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select id from registry.person where nik_hash = ? and merged_into is null")
                .param(encryption.hash(NIK_FIELD, normal))
                .query(Long.class)
                .optional();
    }

    /** Why a record is shown as a possible duplicate; each has a label {@code person.candidateReason.<code>}. */
    enum CandidateReason {
        SIMILAR_NAME,
        SAME_BIRTH_DATE,
        NEAR_BIRTH_YEAR,
        SAME_REGENCY,
        SAME_GUARDIAN,
        GUARDIANS_HOUSEHOLD
    }

    /**
     * Possible duplicates, each with the reasons it is shown. With an address: a similar name, the same regency and the
     * same birth date (or birth year ± 1 when either is approximate), in every unit (those outside the user's scope
     * are told only to exist). Without an address: the same name and birth rules within the user's scope. With a
     * guardian: also similar names among the guardian's other wards and the guardian's household, whatever their
     * birth date.
     */
    List<DuplicateCandidate> candidates(PersonCommand command, Integer birthYear, Long exceptId) {
        if (birthYear == null
                || command.fullName() == null
                || command.fullName().isBlank()) {
            return List.of();
        }
        String regency = regencyOf(command.regionCode());
        String nameKey = NameKey.of(command.fullName());
        Access.Scope scope = access.scope(RegistryRoles.READ);
        if (regency == null && scope.none()) {
            return List.of();
        }
        List<Long> units = scope.all()
                ? List.of()
                : organizations.subtrees(scope.roots()).stream()
                        .map(id.peduli.organization.OrgUnit::id)
                        .toList();
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("regency", regency)
                .addValue("year", birthYear)
                .addValue("birthDate", command.birthDate())
                .addValue("nameKey", nameKey)
                .addValue("except", exceptId)
                .addValue("units", units.isEmpty() ? List.of(-1L) : units)
                .addValue("guardian", command.guardianId());
        String where = regency != null ? "regency_code = :regency" : scope.all() ? "true" : "org_unit_id in (:units)";
        Map<Long, DuplicateCandidate> found = new LinkedHashMap<>();
        List<DuplicateCandidate> outside = new ArrayList<>();
        jdbc.sql("""
                        select id, full_name, birth_date, birth_year, region_code, org_unit_id from registry.person
                        where merged_into is null and %s
                          and birth_year between :year - 1 and :year + 1
                          and (birth_date = cast(:birthDate as date) or birth_date_approximate
                               or cast(:birthDate as date) is null)
                          and name_key operator(public.%%) :nameKey
                          and id <> coalesce(cast(:except as bigint), -1)
                        order by public.similarity(name_key, :nameKey) desc
                        limit 10
                        """.formatted(where))
                .paramSource(params)
                .query((rs, i) -> {
                    if (!access.covers(rs.getLong("org_unit_id"), RegistryRoles.READ)) {
                        // Outside the user's scope only the existence of a similar record is told.
                        outside.add(new DuplicateCandidate(0, null, null, 0, null, false));
                        return null;
                    }
                    LocalDate born = rs.getObject("birth_date", LocalDate.class);
                    List<String> reasons = new ArrayList<>();
                    reasons.add(CandidateReason.SIMILAR_NAME.name());
                    reasons.add(
                            born != null && born.equals(command.birthDate())
                                    ? CandidateReason.SAME_BIRTH_DATE.name()
                                    : CandidateReason.NEAR_BIRTH_YEAR.name());
                    if (regency != null) {
                        reasons.add(CandidateReason.SAME_REGENCY.name());
                    }
                    found.put(rs.getLong("id"), candidate(rs, reasons));
                    return null;
                })
                .list();
        if (command.guardianId() != null) {
            jdbc.sql("""
                            select p.id, p.full_name, p.birth_date, p.birth_year, p.region_code, p.org_unit_id,
                                p.guardian_id = :guardian as same_guardian
                            from registry.person p
                            where p.merged_into is null
                              and p.id <> coalesce(cast(:except as bigint), -1)
                              and p.name_key operator(public.%) :nameKey
                              and (p.guardian_id = :guardian or p.id in (
                                  select m.person_id from registry.household_member m
                                  where m.household_id = (select household_id from registry.household_member
                                                          where person_id = :guardian)))
                            order by public.similarity(p.name_key, :nameKey) desc
                            limit 10
                            """)
                    .paramSource(params)
                    .query((rs, i) -> {
                        if (!access.covers(rs.getLong("org_unit_id"), RegistryRoles.READ)) {
                            return null;
                        }
                        String reason = rs.getBoolean("same_guardian")
                                ? CandidateReason.SAME_GUARDIAN.name()
                                : CandidateReason.GUARDIANS_HOUSEHOLD.name();
                        long id = rs.getLong("id");
                        DuplicateCandidate known = found.get(id);
                        if (known != null) {
                            List<String> reasons = new ArrayList<>(known.reasons());
                            reasons.add(reason);
                            found.put(id, known.withReasons(reasons));
                        } else {
                            found.put(id, candidate(rs, List.of(CandidateReason.SIMILAR_NAME.name(), reason)));
                        }
                        return null;
                    })
                    .list();
        }
        List<DuplicateCandidate> all = new ArrayList<>(found.values());
        all.addAll(outside);
        return all;
    }

    private DuplicateCandidate candidate(ResultSet rs, List<String> reasons) throws SQLException {
        String region = rs.getString("region_code");
        return new DuplicateCandidate(
                rs.getLong("id"),
                rs.getString("full_name"),
                rs.getObject("birth_date", LocalDate.class),
                rs.getInt("birth_year"),
                region,
                region == null ? null : regions.displayName(region),
                organizations.name(rs.getLong("org_unit_id")),
                true,
                reasons);
    }

    record Checked(Integer birthYear, String nik, byte[] nikCipher, byte[] nikHash, String nikMasked) {

        org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(PersonCommand c) {
            return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                    .addValue("unit", c.orgUnitId())
                    .addValue("fullName", c.fullName().trim())
                    .addValue("otherNames", blankToNull(c.otherNames()))
                    .addValue("nameKey", NameKey.of(c.fullName() + " " + Objects.toString(c.otherNames(), "")))
                    .addValue("sex", c.sex().name())
                    .addValue("birthPlace", blankToNull(c.birthPlace()))
                    .addValue("birthDate", c.birthDate())
                    .addValue("birthYear", birthYear)
                    .addValue("approximate", c.birthDate() == null)
                    .addValue("nikCipher", nikCipher)
                    .addValue("nikHash", nikHash)
                    .addValue("nikMasked", nikMasked)
                    .addValue("region", blankToNull(c.regionCode()))
                    .addValue("regency", regencyOf(c.regionCode()))
                    .addValue("rt", blankToNull(c.rt()))
                    .addValue("rw", blankToNull(c.rw()))
                    .addValue("street", blankToNull(c.street()))
                    .addValue("phone", blankToNull(c.phone()))
                    .addValue(
                            "disabilities",
                            c.disabilityTypes().stream()
                                    .distinct()
                                    .map(Enum::name)
                                    .toArray(String[]::new))
                    .addValue("severity", blankToNull(c.disabilitySeverity()))
                    .addValue("supportNeeds", blankToNull(c.supportNeeds()))
                    .addValue("guardian", c.guardianId())
                    .addValue(
                            "guardianRelationship",
                            c.guardianId() == null ? null : blankToNull(c.guardianRelationship()))
                    .addValue("externalId", blankToNull(c.externalId()));
        }
    }

    /**
     * Applies every rule; errors refuse, warnings (and, with {@code lookForDuplicates}, possible duplicates) need
     * {@code acceptWarnings}.
     */
    Checked check(PersonCommand command, Long selfId, boolean lookForDuplicates) {
        return check(command, selfId, lookForDuplicates, database);
    }

    private final RuleLookups database = new RuleLookups() {
        @Override
        public boolean unitExists(long unitId) {
            return organizations.exists(unitId);
        }

        @Override
        public boolean regionExists(String code) {
            return regions.exists(code);
        }

        @Override
        public Optional<Long> guardianUnit(long guardianId) {
            return jdbc.sql("select org_unit_id from registry.person where id = ? and merged_into is null")
                    .param(guardianId)
                    .query(Long.class)
                    .optional();
        }

        @Override
        public Optional<long[]> nikHolder(byte[] nikHash) {
            return jdbc.sql("select id, org_unit_id from registry.person where nik_hash = ? and merged_into is null")
                    .param(nikHash)
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .optional();
        }
    };

    /** {@link #check(PersonCommand, Long, boolean)} with the lookups given ({@link StartUpData} reads them ahead). */
    Checked check(PersonCommand command, Long selfId, boolean lookForDuplicates, RuleLookups lookups) {
        List<FieldProblem> errors = new ArrayList<>();
        List<FieldProblem> warnings = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Integer birthYear = Birth.year(command.birthDate(), command.birthYear());
        for (Birth.Problem problem : Birth.check(command.birthDate(), command.birthYear(), today)) {
            errors.add(
                    new FieldProblem(problem.field() == Birth.Field.DATE ? "birthDate" : "birthYear", problem.key()));
        }
        if (command.orgUnitId() == null || !lookups.unitExists(command.orgUnitId())) {
            errors.add(new FieldProblem("orgUnitId", "org.notFound", command.orgUnitId()));
        }
        String region = blankToNull(command.regionCode());
        if (region != null && !lookups.regionExists(region)) {
            errors.add(new FieldProblem("regionCode", "region.unknown", region));
        }
        if (command.guardianId() != null) {
            if (selfId != null && command.guardianId().equals(selfId)) {
                errors.add(new FieldProblem("guardianId", "person.guardianSelf"));
            } else {
                // Scope first: a guardian outside the user's units is "not found", like a missing number.
                Optional<Long> guardianUnit = lookups.guardianUnit(command.guardianId());
                if (guardianUnit.isEmpty() || !access.covers(guardianUnit.get(), RegistryRoles.READ)) {
                    errors.add(new FieldProblem("guardianId", "person.guardianNotFound", command.guardianId()));
                } else if (blankToNull(command.guardianRelationship()) == null) {
                    errors.add(new FieldProblem("guardianRelationship", "validation.required"));
                }
            }
        }
        if (command.disabilityTypes().isEmpty() && (blankToNull(command.disabilitySeverity()) != null)) {
            errors.add(new FieldProblem("disabilitySeverity", "person.severityWithoutType"));
        }
        Nik.Check nik = Nik.check(
                command.nik(),
                command.sex() == null ? null : command.sex().name().charAt(0),
                command.birthDate(),
                birthYear,
                lookups::regionExists);
        nik.errors().forEach(p -> errors.add(new FieldProblem("nik", p.key(), p.args())));
        nik.warnings().forEach(p -> warnings.add(new FieldProblem("nik", p.key(), p.args())));
        byte[] nikHash = null;
        if (nik.nik() != null && nik.valid()) {
            nikHash = encryption.hash(NIK_FIELD, nik.nik());
            Optional<long[]> holder = lookups.nikHolder(nikHash);
            if (holder.isPresent() && !Long.valueOf(holder.get()[0]).equals(selfId)) {
                // Inside the user's scope the record may be named; elsewhere only that it exists.
                errors.add(
                        access.covers(holder.get()[1], RegistryRoles.READ)
                                ? new FieldProblem("nik", "person.nikTaken", holder.get()[0])
                                : new FieldProblem("nik", "person.nikRegisteredElsewhere"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors, false);
        }
        List<DuplicateCandidate> candidates =
                lookForDuplicates ? candidates(command, birthYear, selfId) : List.<DuplicateCandidate>of();
        if (!candidates.isEmpty()) {
            warnings.add(new FieldProblem("fullName", "person.possibleDuplicates", candidates.size()));
        }
        if (!warnings.isEmpty() && !Boolean.TRUE.equals(command.acceptWarnings())) {
            throw new NeedsConfirmation(warnings, candidates);
        }
        String plain = nik.nik();
        return new Checked(
                birthYear,
                plain,
                plain == null ? null : encryption.encrypt(NIK_FIELD, plain),
                nikHash,
                plain == null ? null : Nik.masked(plain));
    }

    void requireWrite(Long unitId) {
        if (unitId == null || !access.covers(unitId, RegistryRoles.WRITE)) {
            throw new BusinessException(403, "orgUnitId", "person.unitNotAllowed");
        }
    }

    private BusinessException duplicateKey(DuplicateKeyException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        if (message.contains("person_external_idx")) {
            return BusinessException.conflict("externalId", "person.externalIdTaken");
        }
        return BusinessException.conflict("nik", "person.nikTaken", "?");
    }

    /** Maps a row; with {@code allowFull}, roles that need it for this person's unit see the full NIK. */
    PersonView map(ResultSet rs, boolean allowFull) throws SQLException {
        LocalDate birthDate = rs.getObject("birth_date", LocalDate.class);
        int birthYear = rs.getInt("birth_year");
        long guardian = rs.getLong("guardian_id");
        Long guardianId = rs.wasNull() ? null : guardian;
        String guardianName = rs.getString("guardian_name");
        // A guardian registered in a unit the user can't read is shown only as existing: no name, no number.
        boolean guardianHidden = guardianId != null && !access.covers(rs.getLong("guardian_unit"), RegistryRoles.READ);
        if (guardianHidden) {
            guardianId = null;
            guardianName = null;
        }
        long merged = rs.getLong("merged_into");
        Long mergedInto = rs.wasNull() ? null : merged;
        byte[] cipher = rs.getBytes("nik_cipher");
        String masked = rs.getString("nik_masked");
        long unit = rs.getLong("org_unit_id");
        boolean full = allowFull && cipher != null && access.covers(unit, RegistryRoles.FULL_IDENTIFIERS);
        String nik = full ? encryption.decrypt(NIK_FIELD, cipher) : masked;
        Array array = rs.getArray("disability_types");
        List<DisabilityType> types = array == null
                ? List.of()
                : Arrays.stream((String[]) array.getArray())
                        .map(DisabilityType::valueOf)
                        .toList();
        String region = rs.getString("region_code");
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Integer age = birthDate != null
                ? Integer.valueOf(Period.between(birthDate, today).getYears())
                : Integer.valueOf(today.getYear() - birthYear);
        return new PersonView(
                rs.getLong("id"),
                unit,
                organizations.name(unit),
                rs.getString("full_name"),
                rs.getString("other_names"),
                Sex.valueOf(rs.getString("sex")),
                rs.getString("birth_place"),
                birthDate,
                birthYear,
                rs.getBoolean("birth_date_approximate"),
                age,
                nik,
                !full,
                region,
                region == null ? null : regions.displayName(region),
                rs.getString("rt"),
                rs.getString("rw"),
                rs.getString("street"),
                rs.getString("phone"),
                types,
                rs.getString("disability_severity"),
                rs.getString("support_needs"),
                guardianId,
                guardianName,
                guardianHidden,
                rs.getString("guardian_relationship"),
                rs.getString("external_id"),
                rs.getBoolean("has_photo"),
                mergedInto,
                rs.getInt("version"));
    }

    static String regencyOf(String regionCode) {
        String code = blankToNull(regionCode);
        return code == null || code.length() < 5 ? null : code.substring(0, 5);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
