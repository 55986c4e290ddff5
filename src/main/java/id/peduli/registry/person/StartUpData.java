package id.peduli.registry.person;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.organization.Organizations;
import id.peduli.platform.FieldEncryption;
import id.peduli.region.Regions;
import id.peduli.registry.ConsentCommand;
import id.peduli.registry.DisabilityType;
import id.peduli.registry.RegistryRoles;
import id.peduli.registry.identity.Nik;
import id.peduli.shared.BusinessException;
import id.peduli.shared.InvalidInput;
import id.peduli.shared.InvalidInput.FieldProblem;
import java.sql.Array;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers many people, households and consents at once, for start-up data (the demo seed). The rules are those of
 * registering one at a time ({@link People#check}, {@link Households#checkCard}, {@link Consents#problems}), checked
 * for every record before anything is written, with what they look up read beforehand in a few queries; the records
 * are then written with batched statements, each with its processing log entry. Two differences, both for data the
 * application itself supplies: possible duplicates are not searched for (the seed accepts their warnings, and some of
 * its records are meant to look alike), and nothing counts against a user's NIK lookups (see {@link NikChecks}).
 */
@Component
class StartUpData {

    /** A household to register: the head, the other members, and the family cards oldest first. */
    record HouseholdPlan(long headId, List<Member> members, List<Card> cards) {}

    record Member(long personId, HouseholdView.Relationship relationship) {}

    record Card(String number, LocalDate validFrom) {}

    record ConsentPlan(long personId, ConsentCommand command) {}

    private static final HexFormat HEX = HexFormat.of();

    private final People people;
    private final Households households;
    private final Consents consents;
    private final Organizations organizations;
    private final Regions regions;
    private final FieldEncryption encryption;
    private final Access access;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;
    private final ZoneId zone;

    StartUpData(
            People people,
            Households households,
            Consents consents,
            Organizations organizations,
            Regions regions,
            FieldEncryption encryption,
            Access access,
            AuditLog audit,
            JdbcClient jdbc,
            NamedParameterJdbcTemplate named,
            Clock clock,
            @Value("${peduli.time-zone}") String zone) {
        this.people = people;
        this.households = households;
        this.consents = consents;
        this.organizations = organizations;
        this.regions = regions;
        this.encryption = encryption;
        this.access = access;
        this.audit = audit;
        this.jdbc = jdbc;
        this.named = named;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** Registers the people in order; answers their ids in the same order. Guardians must be registered already. */
    @Transactional
    List<Long> registerPeople(List<PersonCommand> commands) {
        if (commands.isEmpty()) {
            return List.of();
        }
        commands.stream().map(PersonCommand::orgUnitId).distinct().forEach(people::requireWrite);
        RuleLookups lookups = readAhead(commands);
        List<People.Checked> checked = new ArrayList<>();
        for (PersonCommand command : commands) {
            checked.add(people.check(command, null, false, lookups));
        }
        SqlParameterSource[] rows = new SqlParameterSource[commands.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = checked.get(i).params(commands.get(i));
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        named.batchUpdate(People.INSERT, rows, keys, new String[] {"id"});
        List<Long> ids = keys.getKeyList().stream()
                .map(key -> ((Number) key.get("id")).longValue())
                .toList();
        for (int i = 0; i < ids.size(); i++) {
            people.logCreated(ids.get(i), commands.get(i), checked.get(i));
        }
        return ids;
    }

    /** What the rules of these people look up, read in a few queries instead of a few per person. */
    private RuleLookups readAhead(List<PersonCommand> commands) {
        Map<Long, Boolean> units = new HashMap<>();
        Map<String, Boolean> regionCodes = new HashMap<>();
        Map<Long, Long> guardians = new HashMap<>();
        List<Long> guardianIds = commands.stream()
                .map(PersonCommand::guardianId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (!guardianIds.isEmpty()) {
            jdbc.sql("select id, org_unit_id from registry.person where id in (:ids) and merged_into is null")
                    .param("ids", guardianIds)
                    .query(rs -> {
                        guardians.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        Map<String, long[]> holders = new HashMap<>();
        Set<String> asked = new HashSet<>();
        List<byte[]> hashes = new ArrayList<>();
        for (PersonCommand command : commands) {
            String nik = Nik.normalise(command.nik());
            if (nik != null && !nik.isEmpty()) {
                byte[] hash = encryption.hash(People.NIK_FIELD, nik);
                asked.add(HEX.formatHex(hash));
                hashes.add(hash);
            }
        }
        if (!hashes.isEmpty()) {
            jdbc.sql("select nik_hash, id, org_unit_id from registry.person where nik_hash in (:hashes)"
                            + " and merged_into is null")
                    .param("hashes", hashes)
                    .query(rs -> {
                        holders.put(HEX.formatHex(rs.getBytes(1)), new long[] {rs.getLong(2), rs.getLong(3)});
                    });
        }
        return new RuleLookups() {
            @Override
            public boolean unitExists(long unitId) {
                return units.computeIfAbsent(unitId, organizations::exists);
            }

            @Override
            public boolean regionExists(String code) {
                return regionCodes.computeIfAbsent(code, regions::exists);
            }

            @Override
            public Optional<Long> guardianUnit(long guardianId) {
                return Optional.ofNullable(guardians.get(guardianId));
            }

            @Override
            public Optional<long[]> nikHolder(byte[] nikHash) {
                String key = HEX.formatHex(nikHash);
                if (asked.contains(key)) {
                    return Optional.ofNullable(holders.get(key));
                }
                return jdbc.sql("select id, org_unit_id from registry.person where nik_hash = ?"
                                + " and merged_into is null")
                        .param(nikHash)
                        .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                        .optional();
            }
        };
    }

    /** A person as the household and consent rules need them. */
    private record Facts(
            long unitId,
            String region,
            String rt,
            String rw,
            String street,
            boolean merged,
            int age,
            List<DisabilityType> disabilities) {}

    private Map<Long, Facts> facts(Set<Long> ids) {
        Map<Long, Facts> facts = new HashMap<>();
        if (ids.isEmpty()) {
            return facts;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        jdbc.sql("""
                        select id, org_unit_id, region_code, rt, rw, street, merged_into is not null, birth_date,
                            birth_year, disability_types
                        from registry.person where id in (:ids)
                        """).param("ids", ids).query(rs -> {
            LocalDate born = rs.getObject(8, LocalDate.class);
            Array array = rs.getArray(10);
            List<DisabilityType> types = array == null
                    ? List.of()
                    : Arrays.stream((String[]) array.getArray())
                            .map(DisabilityType::valueOf)
                            .toList();
            facts.put(
                    rs.getLong(1),
                    new Facts(
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getBoolean(7),
                            born != null ? Period.between(born, today).getYears() : today.getYear() - rs.getInt(9),
                            types));
        });
        return facts;
    }

    /**
     * Registers the households, with the rules of starting a household, adding its members and recording its family
     * cards: every person exists in the user's units and belongs to no other household, one head, and family cards
     * valid on their own, each starting after the one it replaces. One processing log entry per household.
     */
    @Transactional
    List<Long> registerHouseholds(List<HouseholdPlan> plans) {
        if (plans.isEmpty()) {
            return List.of();
        }
        Set<Long> ids = new HashSet<>();
        plans.forEach(plan -> {
            ids.add(plan.headId());
            plan.members().forEach(m -> ids.add(m.personId()));
        });
        Map<Long, Facts> facts = facts(ids);
        Set<Long> placed =
                new HashSet<>(jdbc.sql("select person_id from registry.household_member where person_id in (:ids)")
                        .param("ids", ids)
                        .query(Long.class)
                        .list());
        Map<String, Boolean> regionCodes = new HashMap<>();
        List<List<String>> numbers = new ArrayList<>();
        for (HouseholdPlan plan : plans) {
            Facts head = readable(facts, plan.headId());
            people.requireWrite(head.unitId());
            List<Long> everyone = new ArrayList<>();
            everyone.add(plan.headId());
            for (Member member : plan.members()) {
                readable(facts, member.personId());
                if (member.relationship() == null) {
                    throw BusinessException.invalid("relationship", "validation.required");
                }
                if (member.relationship() == HouseholdView.Relationship.HEAD) {
                    throw BusinessException.conflict("relationship", "household.twoHeads");
                }
                everyone.add(member.personId());
            }
            for (long person : everyone) {
                if (!placed.add(person)) {
                    throw BusinessException.conflict("personId", "household.personAlreadyMember", person);
                }
            }
            List<String> cards = new ArrayList<>();
            LocalDate previous = null;
            for (Card card : plan.cards()) {
                String kk = households.checkCard(
                        card.number(), card.validFrom(), code -> regionCodes.computeIfAbsent(code, regions::exists));
                if (previous != null && !card.validFrom().isAfter(previous)) {
                    throw BusinessException.invalid("validFrom", "kk.overlap", previous, null);
                }
                if (!cards.isEmpty() && cards.get(cards.size() - 1).equals(kk)) {
                    throw BusinessException.conflict("kk", "kk.alreadyCurrent");
                }
                cards.add(kk);
                previous = card.validFrom();
            }
            numbers.add(cards);
        }
        SqlParameterSource[] rows = plans.stream()
                .map(plan -> {
                    Facts head = facts.get(plan.headId());
                    return new MapSqlParameterSource()
                            .addValue("unit", head.unitId())
                            .addValue("region", head.region())
                            .addValue("rt", head.rt())
                            .addValue("rw", head.rw())
                            .addValue("street", head.street());
                })
                .toArray(SqlParameterSource[]::new);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        named.batchUpdate("""
                insert into registry.household (org_unit_id, region_code, rt, rw, street)
                values (:unit, :region, :rt, :rw, :street)
                """, rows, keys, new String[] {"id"});
        List<Long> householdIds = keys.getKeyList().stream()
                .map(key -> ((Number) key.get("id")).longValue())
                .toList();
        List<SqlParameterSource> members = new ArrayList<>();
        List<SqlParameterSource> cards = new ArrayList<>();
        for (int h = 0; h < plans.size(); h++) {
            HouseholdPlan plan = plans.get(h);
            long household = householdIds.get(h);
            members.add(member(household, plan.headId(), HouseholdView.Relationship.HEAD));
            plan.members().forEach(m -> members.add(member(household, m.personId(), m.relationship())));
            for (int c = 0; c < plan.cards().size(); c++) {
                String kk = numbers.get(h).get(c);
                LocalDate validTo = c + 1 < plan.cards().size()
                        ? plan.cards().get(c + 1).validFrom().minusDays(1)
                        : null;
                cards.add(new MapSqlParameterSource()
                        .addValue("household", household)
                        .addValue("cipher", encryption.encrypt(Households.KK_FIELD, kk))
                        .addValue("hash", encryption.hash(Households.KK_FIELD, kk))
                        .addValue("masked", Nik.masked(kk))
                        .addValue("from", plan.cards().get(c).validFrom())
                        .addValue("to", validTo));
            }
        }
        named.batchUpdate("""
                insert into registry.household_member (household_id, person_id, relationship)
                values (:household, :person, :relationship)
                """, members.toArray(SqlParameterSource[]::new));
        named.batchUpdate("""
                insert into registry.kk_history (household_id, kk_cipher, kk_hash, kk_masked, valid_from, valid_to)
                values (:household, :cipher, :hash, :masked, :from, :to)
                """, cards.toArray(SqlParameterSource[]::new));
        for (int h = 0; h < plans.size(); h++) {
            HouseholdPlan plan = plans.get(h);
            AuditRecord entry = AuditRecord.of(AuditAction.CREATE, "Household", householdIds.get(h))
                    .unit(facts.get(plan.headId()).unitId())
                    .change("head", null, plan.headId());
            plan.members().forEach(m -> entry.change("member", null, m.personId() + " " + m.relationship()));
            plan.cards().forEach(c -> entry.sensitiveChange("kk", true).change("kkValidFrom", null, c.validFrom()));
            audit.record(entry);
        }
        return householdIds;
    }

    private static MapSqlParameterSource member(long household, long person, HouseholdView.Relationship relationship) {
        return new MapSqlParameterSource()
                .addValue("household", household)
                .addValue("person", person)
                .addValue("relationship", relationship.name());
    }

    /** The person when they exist, were not merged away and the user may read them; otherwise "not found". */
    private Facts readable(Map<Long, Facts> facts, long personId) {
        Facts person = facts.get(personId);
        if (person == null || person.merged() || !access.covers(person.unitId(), RegistryRoles.READ)) {
            throw BusinessException.notFound("person.notFound", personId);
        }
        return person;
    }

    /** Records the consents, each with the rules of recording one and its processing log entry. */
    @Transactional
    void recordConsents(List<ConsentPlan> plans) {
        Set<Long> ids = new HashSet<>();
        plans.forEach(plan -> ids.add(plan.personId()));
        Map<Long, Facts> facts = facts(ids);
        for (ConsentPlan plan : plans) {
            Facts person = readable(facts, plan.personId());
            people.requireWrite(person.unitId());
            List<FieldProblem> problems = consents.problems(plan.command(), person.age(), person.disabilities());
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems, false);
            }
        }
        SqlParameterSource[] rows = plans.stream()
                .map(plan -> Consents.row(plan.personId(), plan.command()))
                .toArray(SqlParameterSource[]::new);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        named.batchUpdate(Consents.INSERT, rows, keys, new String[] {"id"});
        for (int i = 0; i < plans.size(); i++) {
            ConsentPlan plan = plans.get(i);
            long id = ((Number) keys.getKeyList().get(i).get("id")).longValue();
            consents.log(id, facts.get(plan.personId()).unitId(), plan.personId(), plan.command());
        }
    }
}
