package id.peduli.registry.person;

import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.DemoSeed;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.region.Region;
import id.peduli.region.Regions;
import id.peduli.registry.ConsentCommand;
import id.peduli.registry.ConsentCommand.ConsentGiver;
import id.peduli.registry.ConsentCommand.ConsentMethod;
import id.peduli.registry.ConsentCommand.LawfulBasis;
import id.peduli.registry.DisabilityType;
import id.peduli.registry.Sex;
import id.peduli.registry.person.HouseholdView.Relationship;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo's people: households of the story's places (the Temanggung workshop and the other sheltered workshops of
 * BBRSBG Kartini, the Jambi service points of PSAA Alyatama) with their family card history, guardians, consent
 * records, people with and without NIK, and a few records that look like the same person registered twice, to merge.
 *
 * <p>Every sheltered workshop site ("SW Peduli ...") gets about fifteen workshop participants or more: adults with a
 * disability whose household is registered, with a guardian when the disability is intellectual, and consent for
 * {@code WORKSHOP_SERVICES}, so that the workshop's seed can enrol the people of each site that purpose covers.
 *
 * <p>Everything goes through the registry's own operations, so the rules, the encryption and the processing log apply
 * as for a social worker; it runs as a national programme manager of the demo (the roles that may register people).
 * The seed first plans every record, then writes them through {@link StartUpData}: the same rules, checked for all
 * records before any is written, and batched writes, without the search for possible duplicates (the seed would
 * accept those warnings anyway, and three of its pairs are meant to look alike). That keeps it to a few seconds. The data are made up but follow the rules: every NIK
 * agrees with the village, sex and birth date of its holder.
 */
@Component
class RegistryDemoPeople implements DemoSeed {

    static final String NAME = "registry-people-v1";
    /** External id prefix of the demo records; a load that finds one already does nothing. */
    static final String EXTERNAL_PREFIX = "DEMO-";

    private static final Logger log = LoggerFactory.getLogger(RegistryDemoPeople.class);

    private final StartUpData startUp;
    private final Organizations organizations;
    private final Regions regions;
    private final JdbcClient jdbc;

    /** Workshop participants registered at each site other than Temanggung (which has its own, larger story). */
    static final int PARTICIPANTS_PER_SITE = 15;

    private Random random;
    private int serial;
    private int external;
    private Timings timings;
    private List<Person> planned;
    private List<PlannedHousehold> households;
    private List<PlannedConsent> consentPlans;

    RegistryDemoPeople(StartUpData startUp, Organizations organizations, Regions regions, JdbcClient jdbc) {
        this.startUp = startUp;
        this.organizations = organizations;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("demo-v1");
    }

    @Override
    public void load() {
        if (alreadyLoaded()) {
            return;
        }
        long started = System.nanoTime();
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new SeedPrincipal(), null, AuthorityUtils.createAuthorityList("ROLE_PROGRAM_MANAGER")));
        SecurityContextHolder.setContext(context);
        try {
            random = new Random(20261130L);
            serial = 7000;
            external = 0;
            timings = new Timings();
            planned = new ArrayList<>();
            households = new ArrayList<>();
            consentPlans = new ArrayList<>();
            seed();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        log.info(
                "Demo people: {} people registered in {} ms ({})",
                external,
                (System.nanoTime() - started) / 1_000_000,
                timings);
    }

    /** Where the seed's time goes, per kind of operation, for its log line. */
    private static final class Timings {
        private long people;
        private long households;
        private long consents;

        @Override
        public String toString() {
            return String.format(
                    "people %d ms, households with members and family cards %d ms, consents %d ms",
                    people / 1_000_000, households / 1_000_000, consents / 1_000_000);
        }
    }

    boolean alreadyLoaded() {
        return jdbc.sql("select exists (select 1 from registry.person where external_id like ?)")
                .param(EXTERNAL_PREFIX + "%")
                .query(Boolean.class)
                .single();
    }

    /** The seed acts as the registry's own demo operator, with a national programme manager grant. */
    private record SeedPrincipal() implements PeduliPrincipal {
        @Override
        public long userId() {
            return 0;
        }

        @Override
        public String username() {
            return "system";
        }

        @Override
        public String fullName() {
            return "Peduli";
        }

        @Override
        public List<RoleGrant> grants() {
            return List.of(new RoleGrant("PROGRAM_MANAGER", null, null));
        }

        @Override
        public String toString() {
            return "system";
        }
    }

    private void seed() {
        List<OrgUnit> units = organizations.tree();
        // The Temanggung workshop is the story's centre: most people live around it.
        OrgUnit temanggung = find(units, "SW Peduli Temanggung");
        List<String> temanggungVillages = villages("33.23", 4, 6);
        for (int i = 0; i < 26; i++) {
            workshopHousehold(temanggung, temanggungVillages.get(i % temanggungVillages.size()));
        }
        for (OrgUnit site : units) {
            if (site.name().startsWith("SW Peduli ") && site.id() != temanggung.id()) {
                workshopHousehold(site, site.regionCode());
                workshopHousehold(site, site.regionCode());
                for (int i = 2; i < PARTICIPANTS_PER_SITE; i++) {
                    participantWithParent(site, site.regionCode());
                }
            }
        }
        for (OrgUnit site : units) {
            if (site.name().startsWith("Layanan Pesona Surga ")) {
                List<String> villages = villages(site.regionCode(), 2, 3);
                for (int i = 0; i < 3; i++) {
                    childWelfareHousehold(site, villages.get(i % villages.size()));
                }
            }
        }
        possibleDuplicates(temanggung, find(units, "Layanan Pesona Surga Kota Jambi"));
        write();
    }

    /**
     * Writes what {@link #seed} planned, in batches: the people without a guardian, then those whose guardian is now
     * registered, then the households with their members and family cards, then the consents.
     */
    private void write() {
        long started = System.nanoTime();
        List<Person> first = planned.stream().filter(p -> p.guardian == null).toList();
        List<Person> wards = planned.stream().filter(p -> p.guardian != null).toList();
        List<Long> ids =
                startUp.registerPeople(first.stream().map(p -> p.command).toList());
        for (int i = 0; i < ids.size(); i++) {
            first.get(i).id = ids.get(i);
        }
        ids = startUp.registerPeople(wards.stream()
                .map(p -> p.command.withGuardian(p.guardian.id, p.command.guardianRelationship()))
                .toList());
        for (int i = 0; i < ids.size(); i++) {
            wards.get(i).id = ids.get(i);
        }
        timings.people += System.nanoTime() - started;
        started = System.nanoTime();
        startUp.registerHouseholds(households.stream()
                .map(h -> new StartUpData.HouseholdPlan(
                        h.head.id,
                        h.members.stream()
                                .map(m -> new StartUpData.Member(m.person().id, m.relationship()))
                                .toList(),
                        h.cards))
                .toList());
        timings.households += System.nanoTime() - started;
        started = System.nanoTime();
        startUp.recordConsents(consentPlans.stream()
                .map(c -> new StartUpData.ConsentPlan(c.person().id, c.command()))
                .toList());
        timings.consents += System.nanoTime() - started;
    }

    private static OrgUnit find(List<OrgUnit> units, String name) {
        return units.stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo unit missing: " + name));
    }

    /** Village codes of the first {@code districts} districts of the regency, {@code perDistrict} of each. */
    private List<String> villages(String regency, int districts, int perDistrict) {
        List<String> codes = new ArrayList<>();
        for (Region district :
                regions.children(regency).stream().limit(districts).toList()) {
            regions.children(district.code()).stream().limit(perDistrict).forEach(v -> codes.add(v.code()));
        }
        if (codes.isEmpty()) {
            codes.add(regency);
        }
        return codes;
    }

    /**
     * A family of a workshop participant: parents and one or two adult children, one of whom has a disability and
     * takes part in the workshop (with a guardian when the disability is intellectual).
     */
    private void workshopHousehold(OrgUnit site, String village) {
        String family = pick(List.of("", "", " Wibowo", " Santoso", " Prasetyo", " Susilo", ""));
        int fatherYear = 1955 + random.nextInt(20);
        boolean fatherKnowsDate = random.nextInt(8) > 0;
        Person father = register(
                site,
                village,
                pick(DemoNames.JAVA_MEN) + family,
                Sex.M,
                fatherYear,
                fatherKnowsDate,
                null,
                null,
                List.of());
        Person mother = register(
                site,
                village,
                pick(DemoNames.JAVA_WOMEN),
                Sex.F,
                fatherYear + 2 + random.nextInt(4),
                true,
                null,
                null,
                List.of());
        PlannedHousehold household = startHousehold(father);
        join(household, mother, Relationship.SPOUSE);
        int children = 1 + random.nextInt(2);
        for (int c = 0; c < children; c++) {
            boolean son = random.nextBoolean();
            int year = Math.min(2006, fatherYear + 24 + random.nextInt(12));
            boolean participant = c == 0;
            List<DisabilityType> disabilities =
                    participant ? List.of(pick(List.of(DisabilityType.values()))) : List.of();
            boolean guarded = disabilities.contains(DisabilityType.INTELLECTUAL);
            Person child = register(
                    site,
                    village,
                    pick(son ? DemoNames.JAVA_CHILDREN_M : DemoNames.JAVA_CHILDREN_F),
                    son ? Sex.M : Sex.F,
                    year,
                    true,
                    guarded ? mother : null,
                    guarded ? "Ibu" : null,
                    disabilities);
            join(household, child, Relationship.CHILD);
            if (participant) {
                workshopConsents(child, guarded);
            }
        }
        familyCards(household, village);
    }

    /**
     * A smaller family of a workshop participant: the participant, an adult with a disability, lives with one parent
     * (their guardian when the disability is intellectual) and sometimes a brother or sister.
     */
    private void participantWithParent(OrgUnit site, String village) {
        boolean motherHeads = random.nextInt(3) > 0;
        int parentYear = 1950 + random.nextInt(22);
        Sex parentSex = motherHeads ? Sex.F : Sex.M;
        Person parent = register(
                site,
                village,
                pick(motherHeads ? DemoNames.JAVA_WOMEN : DemoNames.JAVA_MEN),
                parentSex,
                parentYear,
                random.nextInt(6) > 0,
                null,
                null,
                List.of());
        PlannedHousehold household = startHousehold(parent);
        boolean son = random.nextBoolean();
        DisabilityType disability = pick(List.of(DisabilityType.values()));
        boolean guarded = disability == DisabilityType.INTELLECTUAL;
        Person participant = register(
                site,
                village,
                pick(son ? DemoNames.JAVA_CHILDREN_M : DemoNames.JAVA_CHILDREN_F),
                son ? Sex.M : Sex.F,
                Math.min(2006, parentYear + 22 + random.nextInt(14)),
                true,
                guarded ? parent : null,
                guarded ? (motherHeads ? "Ibu" : "Ayah") : null,
                List.of(disability));
        join(household, participant, Relationship.CHILD);
        workshopConsents(participant, guarded);
        if (random.nextInt(3) == 0) {
            boolean brother = random.nextBoolean();
            Person sibling = register(
                    site,
                    village,
                    pick(brother ? DemoNames.JAVA_CHILDREN_M : DemoNames.JAVA_CHILDREN_F),
                    brother ? Sex.M : Sex.F,
                    Math.min(2010, parentYear + 20 + random.nextInt(18)),
                    true,
                    null,
                    null,
                    List.of());
            join(household, sibling, Relationship.CHILD);
        }
        familyCards(household, village);
    }

    /** Consent for the workshop's services and, for one in three, the use of their photos. */
    private void workshopConsents(Person participant, boolean guarded) {
        consent(
                participant,
                new ConsentCommand(
                        "WORKSHOP_SERVICES",
                        LawfulBasis.CONSENT,
                        guarded ? ConsentGiver.PERSON_AND_GUARDIAN : ConsentGiver.PERSON,
                        guarded ? ConsentMethod.EASY_READ_FORM : ConsentMethod.SIGNATURE,
                        "2025-1",
                        LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28))));
        if (random.nextInt(3) == 0) {
            consent(
                    participant,
                    new ConsentCommand(
                            "PHOTO_USE",
                            LawfulBasis.CONSENT,
                            guarded ? ConsentGiver.PERSON_AND_GUARDIAN : ConsentGiver.PERSON,
                            ConsentMethod.SIGNATURE,
                            "2025-1",
                            LocalDate.of(2026, 1 + random.nextInt(10), 1 + random.nextInt(28))));
        }
    }

    /** A family in Jambi with children under 18, whose mother is their guardian, served by PSAA Alyatama. */
    private void childWelfareHousehold(OrgUnit site, String village) {
        int motherYear = 1978 + random.nextInt(14);
        boolean fatherPresent = random.nextInt(4) > 0;
        Person mother =
                register(site, village, pick(DemoNames.JAMBI_WOMEN), Sex.F, motherYear, true, null, null, List.of());
        PlannedHousehold household = startHousehold(mother);
        if (fatherPresent) {
            Person father = register(
                    site,
                    village,
                    pick(DemoNames.JAMBI_MEN),
                    Sex.M,
                    motherYear - 1 - random.nextInt(5),
                    random.nextBoolean(),
                    null,
                    null,
                    List.of());
            join(household, father, Relationship.SPOUSE);
        }
        int children = 1 + random.nextInt(3);
        for (int c = 0; c < children; c++) {
            boolean son = random.nextBoolean();
            int year = Math.min(2024, Math.max(2009, motherYear + 20 + random.nextInt(14)));
            Person child = register(
                    site,
                    village,
                    pick(son ? DemoNames.JAMBI_CHILDREN_M : DemoNames.JAMBI_CHILDREN_F),
                    son ? Sex.M : Sex.F,
                    year,
                    true,
                    mother,
                    "Ibu",
                    List.of());
            join(household, child, Relationship.CHILD);
            consent(
                    child,
                    new ConsentCommand(
                            "CHILD_WELFARE_SERVICES",
                            random.nextInt(4) == 0 ? LawfulBasis.PUBLIC_TASK : LawfulBasis.CONSENT,
                            ConsentGiver.PARENT,
                            ConsentMethod.SIGNATURE,
                            "2025-1",
                            LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28))));
        }
        familyCards(household, village);
    }

    /** Records that look like one person registered twice, kept for a programme manager to compare and merge. */
    private void possibleDuplicates(OrgUnit temanggung, OrgUnit kotaJambi) {
        LocalDate sriBorn = LocalDate.of(1988, 4, 12);
        String village = "15.71.01.1002";
        registerExactly(
                kotaJambi, "Sri Wahyuningsih", Sex.F, sriBorn, null, village, nik(village, sriBorn, Sex.F), List.of());
        // The same woman entered again at another desk: one letter short, no NIK, no address.
        registerExactly(kotaJambi, "Sri Wahyuningsi", Sex.F, sriBorn, null, null, null, List.of());
        LocalDate rizkiBorn = LocalDate.of(2001, 9, 3);
        String bulu = "33.23.01.2003";
        registerExactly(
                temanggung,
                "Muhammad Rizki",
                Sex.M,
                rizkiBorn,
                null,
                bulu,
                nik(bulu, rizkiBorn, Sex.M),
                List.of(DisabilityType.PHYSICAL));
        registerExactly(temanggung, "Muhamad Rizky", Sex.M, null, 2001, bulu, null, List.of(DisabilityType.PHYSICAL));
        LocalDate tuminiBorn = LocalDate.of(1949, 1, 1);
        String tembarak = "33.23.02.2001";
        registerExactly(temanggung, "Tumini", Sex.F, null, 1949, tembarak, null, List.of(DisabilityType.SENSORY));
        registerExactly(
                temanggung,
                "Mbah Tumini",
                Sex.F,
                tuminiBorn,
                null,
                tembarak,
                nik(tembarak, tuminiBorn, Sex.F),
                List.of(DisabilityType.SENSORY));
    }

    /**
     * Registers someone born in {@code year} (on a made-up day when {@code knowsDate}, otherwise the year only).
     * Most people with a known birth date carry a NIK issued in their district.
     */
    private Person register(
            OrgUnit site,
            String village,
            String name,
            Sex sex,
            int year,
            boolean knowsDate,
            Person guardian,
            String guardianRelationship,
            List<DisabilityType> disabilities) {
        LocalDate born = knowsDate ? LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)) : null;
        String nik = born != null && random.nextInt(10) < 7 ? nik(village, born, sex) : null;
        return registerWith(
                site,
                name,
                sex,
                born,
                knowsDate ? null : year,
                village,
                nik,
                disabilities,
                guardian,
                guardianRelationship);
    }

    private Person registerExactly(
            OrgUnit site,
            String name,
            Sex sex,
            LocalDate born,
            Integer year,
            String village,
            String nik,
            List<DisabilityType> disabilities) {
        return registerWith(site, name, sex, born, year, village, nik, disabilities, null, null);
    }

    private Person registerWith(
            OrgUnit site,
            String name,
            Sex sex,
            LocalDate born,
            Integer year,
            String village,
            String nik,
            List<DisabilityType> disabilities,
            Person guardian,
            String guardianRelationship) {
        boolean hasAddress = village != null && village.length() == 13;
        Person person = new Person(
                new PersonCommand(
                        site.id(),
                        name,
                        null,
                        sex,
                        null,
                        born,
                        year,
                        nik,
                        village,
                        hasAddress ? String.format("%03d", 1 + random.nextInt(9)) : null,
                        hasAddress ? String.format("%03d", 1 + random.nextInt(5)) : null,
                        null,
                        random.nextInt(3) == 0 ? String.format("0812%08d", random.nextInt(100_000_000)) : null,
                        disabilities,
                        disabilities.isEmpty() ? null : pick(List.of("MILD", "MODERATE", "SEVERE")),
                        null,
                        null,
                        guardianRelationship,
                        String.format("%s%04d", EXTERNAL_PREFIX, ++external),
                        true),
                guardian);
        planned.add(person);
        return person;
    }

    /** A person the seed plans to register; {@code id} is known once written. */
    private static final class Person {
        private final PersonCommand command;
        private final Person guardian;
        private long id;

        Person(PersonCommand command, Person guardian) {
            this.command = command;
            this.guardian = guardian;
        }
    }

    private record PlannedMember(Person person, Relationship relationship) {}

    private static final class PlannedHousehold {
        private final Person head;
        private final List<PlannedMember> members = new ArrayList<>();
        private final List<StartUpData.Card> cards = new ArrayList<>();

        PlannedHousehold(Person head) {
            this.head = head;
        }
    }

    private record PlannedConsent(Person person, ConsentCommand command) {}

    private PlannedHousehold startHousehold(Person head) {
        PlannedHousehold household = new PlannedHousehold(head);
        households.add(household);
        return household;
    }

    private void join(PlannedHousehold household, Person member, Relationship relationship) {
        household.members.add(new PlannedMember(member, relationship));
    }

    private void consent(Person person, ConsentCommand command) {
        consentPlans.add(new PlannedConsent(person, command));
    }

    /** The current family card, and for one household in three the card it replaced. */
    private void familyCards(PlannedHousehold household, String village) {
        if (random.nextInt(3) == 0) {
            LocalDate earlier = LocalDate.of(2012 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28));
            household.cards.add(new StartUpData.Card(kk(village, earlier), earlier));
        }
        LocalDate current = LocalDate.of(2018 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28));
        household.cards.add(new StartUpData.Card(kk(village, current), current));
    }

    /** A NIK of the village's district for the birth date and sex (women: day + 40), with a serial unique here. */
    private String nik(String village, LocalDate born, Sex sex) {
        int day = born.getDayOfMonth() + (sex == Sex.F ? 40 : 0);
        return String.format(
                "%s%02d%02d%02d%04d", district(village), day, born.getMonthValue(), born.getYear() % 100, ++serial);
    }

    /** A family card number: the district, the issue date and a serial. */
    private String kk(String village, LocalDate issued) {
        return String.format(
                "%s%02d%02d%02d%04d",
                district(village), issued.getDayOfMonth(), issued.getMonthValue(), issued.getYear() % 100, ++serial);
    }

    private static String district(String village) {
        return village.substring(0, 8).replace(".", "");
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** How many demo records the seed made, by unit name (for its test and the log). */
    Map<String, Long> countsByUnit() {
        return jdbc
                .sql("""
                        select org_unit_id, count(*) from registry.person where external_id like ?
                        group by org_unit_id
                        """)
                .param(EXTERNAL_PREFIX + "%")
                .query((rs, i) -> Map.entry(organizations.name(rs.getLong(1)), rs.getLong(2)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum));
    }
}
