package id.peduli.innovation.demo;

import id.peduli.access.Role;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.innovation.period.ParticipantType;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.PeriodForm;
import id.peduli.innovation.period.Periods;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.OrgUnitCommand;
import id.peduli.organization.OrgUnitType;
import id.peduli.organization.Organizations;
import id.peduli.platform.DemoSeed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The competition's demo data: the 2018 period whose stored outcomes reproduce the article's funnel exactly (2,824
 * entered, 1,689 submitted, 1,463 passed the administrative selection, Top 99, Top 40), with the Sheltered Workshop
 * of BBRSBG Kartini Temanggung among the Top 40 and Pesona Surga of PSAA Alyatama Jambi in the Top 99; and an open
 * period of the current year in which the demo operator drafts, the demo verifier has a proposal to return or submit,
 * the secretariat has proposals to screen and the demo evaluator has proposals to score. The 2018 funnel is {@link
 * InnovationDemo2018}, the current period {@link InnovationDemoCurrent}, and the generated titles and texts {@link
 * InnovationDemoTexts}: every generated proposal has its own text, and the only near-duplicate the screening finds
 * is the deliberate one (a regency's copy of the 2018 workshop).
 *
 * <p>The seed was released as {@code innovation-v1} with texts shared by all generated proposals; the varied texts
 * came later under the same name. An installation that loaded the seed before keeps its old demo texts (a seed runs
 * once per name); only fresh installations get the new ones.
 */
@Component
public class InnovationDemoSeed implements DemoSeed {

    static final int ENTERED = 2824;
    static final int SUBMITTED = 1689;
    static final int PASSED = 1463;
    static final int TOP_FIRST = 99;
    static final int TOP_FINAL = 40;
    public static final String WORKSHOP = "Sheltered Workshop Peduli";
    public static final String PESONA_SURGA = "Pesona Surga";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Organizations organizations;
    private final Users users;
    private final Periods periods;
    private final Clock clock;
    private final ZoneId zone;

    InnovationDemoSeed(
            JdbcClient jdbc,
            JdbcTemplate template,
            Organizations organizations,
            Users users,
            Periods periods,
            Clock clock,
            @Value("${peduli.time-zone:Asia/Jakarta}") String zone) {
        this.jdbc = jdbc;
        this.template = template;
        this.organizations = organizations;
        this.users = users;
        this.periods = periods;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public String name() {
        return "innovation-v1";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("demo-v1");
    }

    @Override
    public int order() {
        return 600;
    }

    record Agency(
            String name,
            String shortName,
            OrgUnitType type,
            String region,
            ParticipantType participant,
            boolean threeT) {}

    static final List<Agency> AGENCIES = List.of(
            new Agency(
                    "Kementerian Kesehatan",
                    "Kemenkes",
                    OrgUnitType.MINISTRY,
                    "31.71",
                    ParticipantType.MINISTRY,
                    false),
            new Agency(
                    "Kementerian Pertanian",
                    "Kementan",
                    OrgUnitType.MINISTRY,
                    "31.71",
                    ParticipantType.MINISTRY,
                    false),
            new Agency(
                    "Kementerian Perhubungan",
                    "Kemenhub",
                    OrgUnitType.MINISTRY,
                    "31.71",
                    ParticipantType.MINISTRY,
                    false),
            new Agency(
                    "Kementerian Hukum dan HAM",
                    "Kemenkumham",
                    OrgUnitType.MINISTRY,
                    "31.71",
                    ParticipantType.MINISTRY,
                    false),
            new Agency(
                    "Pemerintah Provinsi Jawa Timur",
                    "Pemprov Jatim",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "35",
                    ParticipantType.PROVINCE,
                    false),
            new Agency(
                    "Pemerintah Provinsi Sulawesi Selatan",
                    "Pemprov Sulsel",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "73",
                    ParticipantType.PROVINCE,
                    false),
            new Agency(
                    "Pemerintah Provinsi Nusa Tenggara Timur",
                    "Pemprov NTT",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "53",
                    ParticipantType.PROVINCE,
                    true),
            new Agency(
                    "Pemerintah Provinsi DI Yogyakarta",
                    "Pemda DIY",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "34",
                    ParticipantType.PROVINCE,
                    false),
            new Agency(
                    "Pemerintah Kabupaten Banyuwangi",
                    "Pemkab Banyuwangi",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "35.10",
                    ParticipantType.REGENCY,
                    false),
            new Agency(
                    "Pemerintah Kabupaten Bantaeng",
                    "Pemkab Bantaeng",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "73.03",
                    ParticipantType.REGENCY,
                    false),
            new Agency(
                    "Pemerintah Kabupaten Kulon Progo",
                    "Pemkab Kulon Progo",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "34.01",
                    ParticipantType.REGENCY,
                    false),
            new Agency(
                    "Pemerintah Kabupaten Sumba Barat Daya",
                    "Pemkab SBD",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "53.18",
                    ParticipantType.REGENCY,
                    true),
            new Agency(
                    "Pemerintah Kabupaten Sragen",
                    "Pemkab Sragen",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "33.14",
                    ParticipantType.REGENCY,
                    false),
            new Agency(
                    "Pemerintah Kabupaten Merauke",
                    "Pemkab Merauke",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "93.01",
                    ParticipantType.REGENCY,
                    true),
            new Agency(
                    "Pemerintah Kota Makassar",
                    "Pemkot Makassar",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "73.71",
                    ParticipantType.CITY,
                    false),
            new Agency(
                    "Pemerintah Kota Bandung",
                    "Pemkot Bandung",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "32.73",
                    ParticipantType.CITY,
                    false),
            new Agency(
                    "Pemerintah Kota Semarang",
                    "Pemkot Semarang",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "33.74",
                    ParticipantType.CITY,
                    false),
            new Agency(
                    "Pemerintah Kota Pekalongan",
                    "Pemkot Pekalongan",
                    OrgUnitType.LOCAL_GOVERNMENT,
                    "33.75",
                    ParticipantType.CITY,
                    false),
            new Agency(
                    "PT Perusahaan Listrik Negara (Persero)",
                    "PLN",
                    OrgUnitType.STATE_ENTERPRISE,
                    "31.71",
                    ParticipantType.STATE_ENTERPRISE,
                    false));

    /** Existing demo agencies the generated innovations also come from. */
    static final Map<String, ParticipantType> EXISTING = Map.of(
            "Pemerintah Provinsi Jawa Tengah", ParticipantType.PROVINCE,
            "Pemerintah Kabupaten Temanggung", ParticipantType.REGENCY,
            "Pemerintah Kota Surabaya", ParticipantType.CITY,
            "Pemerintah Provinsi Jambi", ParticipantType.PROVINCE,
            "Pemerintah Kabupaten Kepulauan Mentawai", ParticipantType.REGENCY,
            "PT Pos Indonesia (Persero)", ParticipantType.STATE_ENTERPRISE);

    /** An agency the generated innovations come from. */
    record DemoAgency(long id, String shortName, ParticipantType type, boolean threeT) {}

    @Override
    public void load() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<DemoAgency> agencies = new ArrayList<>();
        for (Agency a : AGENCIES) {
            OrgUnit unit = root(a.name())
                    .orElseGet(() -> organizations.create(new OrgUnitCommand(
                            null, a.name(), a.shortName(), a.type(), a.region(), null, true, a.threeT())));
            agencies.add(new DemoAgency(unit.id(), a.shortName(), a.participant(), a.threeT()));
        }
        EXISTING.forEach((name, type) -> root(name)
                .ifPresent(u -> agencies.add(new DemoAgency(
                        u.id(),
                        u.shortName() == null || u.shortName().isBlank() ? u.name() : u.shortName(),
                        type,
                        u.threeT()))));
        long kartini = unitNamed("BBRSBG Kartini Temanggung");
        long alyatama = unitNamed("PSAA Alyatama Jambi");
        OrgUnit operatorUnit = organizations.tree().stream()
                .filter(u -> u.name().equals("Dinas Sosial Kabupaten Temanggung"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo unit missing: Dinas Sosial Kabupaten Temanggung"));
        UserView operator = users.findByUsername("operator.temanggung").orElseThrow();
        UserView verifier = users.findByUsername("verifikator.jateng").orElseThrow();
        UserView evaluator = users.findByUsername("evaluator").orElseThrow();
        long temanggungRegency = unitNamed("Pemerintah Kabupaten Temanggung");
        // The demo's provincial verifier also verifies for the Temanggung regency, so that the demo operator's
        // proposals reach a demo verifier (a regency normally has its own agency verifier).
        boolean covered = verifier.grants().stream()
                .anyMatch(g -> g.role() == Role.AGENCY_VERIFIER && Objects.equals(g.unitId(), temanggungRegency));
        if (!covered) {
            users.addGrant(verifier.id(), Role.AGENCY_VERIFIER, temanggungRegency);
        }

        Period p2018 = periods.create(PeriodForm.defaults(2018));
        jdbc.sql("update innovation.period set objection_opens_at = ?, assessment_closed = true where id = ?")
                .params(Timestamp.from(Instant.parse("2018-05-02T01:00:00Z")), p2018.id())
                .update();
        new InnovationDemo2018(jdbc, template).seed(p2018, List.copyOf(agencies), kartini, alyatama);

        Period current = periods.create(currentPeriod(today));
        new InnovationDemoCurrent(jdbc, template)
                .seed(
                        current,
                        today,
                        clock.instant(),
                        operator,
                        verifier,
                        evaluator,
                        new DemoAgency(operatorUnit.id(), "Dinas Sosial Temanggung", ParticipantType.REGENCY, false),
                        List.copyOf(agencies));
    }

    private PeriodForm currentPeriod(LocalDate today) {
        PeriodForm d = PeriodForm.defaults(today.getYear());
        return new PeriodForm(
                d.year(),
                d.title(),
                today.minusDays(60),
                today.plusDays(30),
                today.plusDays(45),
                today.plusDays(75),
                today.plusDays(120),
                d.objectionDays(),
                d.passMark(),
                d.topFirst(),
                d.topFinal(),
                d.weightAssessment(),
                d.weightPresentation(),
                d.weightField(),
                d.categories(),
                d.aspects(),
                d.quotaFloors(),
                null);
    }

    private java.util.Optional<OrgUnit> root(String name) {
        return organizations.tree().stream()
                .filter(u -> u.parentId() == null && u.name().equalsIgnoreCase(name))
                .findFirst();
    }

    private long unitNamed(String name) {
        return organizations.tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo unit missing: " + name))
                .id();
    }
}
