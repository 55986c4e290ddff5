package id.peduli.innovation;

import id.peduli.access.Role;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.OrgUnitCommand;
import id.peduli.organization.OrgUnitType;
import id.peduli.organization.Organizations;
import id.peduli.platform.DemoSeed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
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
 * the secretariat has proposals to screen and the demo evaluator has proposals to score. The generated proposals are
 * written with batched inserts.
 */
@Component
class InnovationDemoSeed implements DemoSeed {

    static final int ENTERED = 2824;
    static final int SUBMITTED = 1689;
    static final int PASSED = 1463;
    static final int TOP_FIRST = 99;
    static final int TOP_FINAL = 40;
    static final String WORKSHOP = "Sheltered Workshop Peduli";
    static final String PESONA_SURGA = "Pesona Surga";

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

    static final String[] KINDS = {
        "Layanan", "Gerakan", "Sistem", "Program", "Gerai", "Rumah", "Aplikasi", "Klinik", "Pojok", "Jemput Bola"
    };
    static final String[] SUBJECTS = {
        "Antar Jemput Akta Kelahiran",
        "Pengaduan Warga Terpadu",
        "Posyandu Remaja",
        "Perizinan Satu Hari",
        "Bank Sampah Sekolah",
        "Kesehatan Ibu Hamil Risiko Tinggi",
        "Beasiswa Anak Nelayan",
        "Pasar Tani Digital",
        "Rehabilitasi Sosial Berbasis Keluarga",
        "Pendampingan Lansia Terlantar",
        "Air Bersih Desa",
        "Ambulans Desa",
        "Literasi Keuangan Perempuan",
        "Pelayanan Paspor Keliling",
        "Sekolah Inklusi",
        "Pencegahan Stunting",
        "Pemberdayaan Penyandang Disabilitas",
        "Pelayanan Adminduk di Desa",
        "Irigasi Tetes Hemat Air",
        "Penanganan Gizi Buruk",
        "Tanggap Darurat Bencana",
        "Pelatihan Kerja Pemuda",
        "Rujukan Pasien Daring",
        "Keamanan Pangan Jajanan Sekolah",
        "Perlindungan Anak Berbasis Masyarakat"
    };
    static final String[] SUFFIXES = {
        "Terpadu", "Berbasis Warga", "Satu Pintu", "Tanpa Antre", "Ramah Anak", "Mandiri", "Sehat", "Cerdas"
    };

    @Override
    public void load() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Long> agencyIds = new ArrayList<>();
        List<ParticipantType> agencyTypes = new ArrayList<>();
        List<Boolean> agencyThreeT = new ArrayList<>();
        for (Agency a : AGENCIES) {
            OrgUnit unit = root(a.name())
                    .orElseGet(() -> organizations.create(new OrgUnitCommand(
                            null, a.name(), a.shortName(), a.type(), a.region(), null, true, a.threeT())));
            agencyIds.add(unit.id());
            agencyTypes.add(a.participant());
            agencyThreeT.add(a.threeT());
        }
        EXISTING.forEach((name, type) -> root(name).ifPresent(u -> {
            agencyIds.add(u.id());
            agencyTypes.add(type);
            agencyThreeT.add(u.threeT());
        }));
        long kartini = unitNamed("BBRSBG Kartini Temanggung");
        long alyatama = unitNamed("PSAA Alyatama Jambi");
        long operatorUnit = unitNamed("Dinas Sosial Kabupaten Temanggung");
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
        seed2018(p2018, agencyIds, agencyTypes, agencyThreeT, kartini, alyatama);

        Period current = periods.create(currentPeriod(today));
        seedCurrent(current, today, operator, verifier, evaluator, operatorUnit, agencyIds, agencyTypes);
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

    // ------------------------------------------------------------------------------------------------------ 2018

    /** The final state of the i-th of the 2,824 proposals of 2018, the first two being the story's. */
    static ProposalState outcome2018(int i) {
        if (i == 0) {
            return ProposalState.WINNER;
        }
        if (i == 1) {
            return ProposalState.NOT_WINNER;
        }
        int k = i - 2; // 2,822 generated
        if (k < 5) {
            return ProposalState.OUTSTANDING;
        }
        if (k < 6) {
            return ProposalState.TOP_REPLICATION;
        }
        if (k < TOP_FINAL - 1) {
            return ProposalState.WINNER; // 33 here plus the workshop: 34 winners, 5 outstanding, 1 replication = 40
        }
        if (k < TOP_FIRST - 2) {
            return ProposalState.NOT_WINNER; // 58 here plus Pesona Surga = 59
        }
        if (k < PASSED - 2) {
            return ProposalState.NOT_SELECTED;
        }
        if (k < SUBMITTED - 2) {
            return ProposalState.ADMIN_FAILED;
        }
        int rest = k - (SUBMITTED - 2);
        if (rest < 612) {
            return ProposalState.DRAFT;
        }
        if (rest < 612 + 412) {
            return ProposalState.WITH_AGENCY;
        }
        return ProposalState.RETURNED;
    }

    /** The states a proposal passed through to reach {@code target}, starting with the draft. */
    static List<ProposalState> path(ProposalState target) {
        List<ProposalState> full = List.of(
                ProposalState.DRAFT,
                ProposalState.WITH_AGENCY,
                ProposalState.SUBMITTED,
                ProposalState.ADMIN_PASSED,
                ProposalState.ASSIGNED,
                ProposalState.SCORED,
                ProposalState.SHORTLISTED,
                ProposalState.TOP99,
                ProposalState.PRESENTED,
                ProposalState.FIELD_VERIFIED,
                ProposalState.WINNER);
        List<ProposalState> out = new ArrayList<>();
        switch (target) {
            case RETURNED ->
                out.addAll(List.of(ProposalState.DRAFT, ProposalState.WITH_AGENCY, ProposalState.RETURNED));
            case ADMIN_FAILED ->
                out.addAll(List.of(
                        ProposalState.DRAFT,
                        ProposalState.WITH_AGENCY,
                        ProposalState.SUBMITTED,
                        ProposalState.ADMIN_FAILED));
            case NOT_SELECTED -> {
                out.addAll(full.subList(0, 6));
                out.add(ProposalState.NOT_SELECTED);
            }
            case NOT_WINNER -> {
                out.addAll(full.subList(0, 10));
                out.add(ProposalState.NOT_WINNER);
            }
            case OUTSTANDING, TOP_REPLICATION -> {
                out.addAll(full);
                out.add(target);
            }
            default -> out.addAll(full.subList(0, full.indexOf(target) + 1));
        }
        return out;
    }

    private void seed2018(
            Period period,
            List<Long> agencyIds,
            List<ParticipantType> agencyTypes,
            List<Boolean> agencyThreeT,
            long kartini,
            long alyatama) {
        Random random = new Random(2018);
        List<Long> innovationIds = ids("innovation.innovation_id_seq", ENTERED);
        List<Long> proposalIds = ids("innovation.proposal_id_seq", ENTERED);
        List<Object[]> innovations = new ArrayList<>();
        List<Object[]> proposals = new ArrayList<>();
        List<Object[]> transitions = new ArrayList<>();
        List<String> categories =
                period.categories().stream().map(Period.Category::code).toList();
        Timestamp base = Timestamp.from(Instant.parse("2018-02-01T02:00:00Z"));
        for (int i = 0; i < ENTERED; i++) {
            ProposalState state = outcome2018(i);
            long unit;
            String title;
            ParticipantType type;
            boolean threeT;
            String problem;
            String results;
            ProposalGroup group =
                    state == ProposalState.TOP_REPLICATION ? ProposalGroup.REPLICATION : ProposalGroup.GENERAL;
            if (i == 0) {
                unit = kartini;
                title = WORKSHOP;
                type = ParticipantType.MINISTRY;
                threeT = false;
                problem = "Penyandang disabilitas netra lulusan balai sulit mendapat pekerjaan dan kembali bergantung"
                        + " pada keluarga.";
                results = "Dua belas sheltered workshop di Jawa Tengah, DI Yogyakarta dan Jawa Timur mempekerjakan"
                        + " penyandang disabilitas di tengah masyarakat.";
            } else if (i == 1) {
                unit = alyatama;
                title = PESONA_SURGA;
                type = ParticipantType.MINISTRY;
                threeT = false;
                problem = "Anak terlantar tinggal lama di panti tanpa pengasuhan keluarga.";
                results = "Anak-anak kembali diasuh keluarga atau keluarga pengganti di sebelas kabupaten/kota di"
                        + " Jambi.";
            } else {
                int a = random.nextInt(agencyIds.size());
                unit = agencyIds.get(a);
                type = agencyTypes.get(a);
                threeT = agencyThreeT.get(a);
                title = KINDS[random.nextInt(KINDS.length)] + " " + SUBJECTS[random.nextInt(SUBJECTS.length)] + " "
                        + SUFFIXES[random.nextInt(SUFFIXES.length)] + " " + (i + 1);
                problem = "Warga harus datang berkali-kali ke kantor untuk layanan yang sama.";
                results = "Waktu layanan turun dan kepuasan warga naik menurut survei tahunan.";
            }
            LocalDate started = LocalDate.of(2013 + random.nextInt(4), 1 + random.nextInt(12), 1);
            if (state == ProposalState.ADMIN_FAILED && random.nextInt(3) == 0) {
                started = LocalDate.of(2017, 9, 1);
            }
            innovations.add(new Object[] {
                innovationIds.get(i),
                unit,
                title,
                Date.valueOf(started),
                problem,
                "",
                "",
                results,
                "SDG1,SDG10",
                "",
                type.name(),
                threeT
            });
            BigDecimal assessment = null;
            BigDecimal presentation = null;
            BigDecimal field = null;
            BigDecimal decision = null;
            int rankBand = i < 2 ? (i == 0 ? 30 : 70) : i - 2;
            if (Panel.RANKED.contains(state)) {
                double score = ProposalState.TOP99_OR_LATER.contains(state)
                        ? 97.5 - rankBand * 0.1
                        : 85.5 - (rankBand - TOP_FIRST) * 0.015;
                assessment = BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP);
            }
            if (ProposalState.TOP99_OR_LATER.contains(state)) {
                presentation = BigDecimal.valueOf(80 + random.nextInt(20));
                field = BigDecimal.valueOf(75 + random.nextInt(25));
                double d = ProposalState.WINNERS.contains(state) ? 95 - rankBand * 0.1 : 85 - rankBand * 0.05;
                decision = BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
            }
            String reasons = state == ProposalState.ADMIN_FAILED
                    ? (started.getYear() == 2017
                            ? "UNDER_ONE_YEAR"
                            : (random.nextBoolean() ? "INCOMPLETE" : "PERFUNCTORY"))
                    : "";
            proposals.add(new Object[] {
                proposalIds.get(i),
                period.id(),
                innovationIds.get(i),
                unit,
                group.name(),
                categories.get(random.nextInt(categories.size())),
                state.name(),
                reasons,
                assessment,
                assessment,
                presentation,
                field,
                decision
            });
            List<ProposalState> steps = path(state);
            for (int s = 0; s < steps.size(); s++) {
                ProposalState step = steps.get(s);
                transitions.add(new Object[] {
                    proposalIds.get(i),
                    s == 0 ? null : steps.get(s - 1).name(),
                    step.name(),
                    actorName(step),
                    actorRole(step),
                    step == ProposalState.ADMIN_FAILED ? reasons : null,
                    new Timestamp(base.getTime() + s * 86_400_000L * 10 + i * 1000L)
                });
            }
        }
        template.batchUpdate("""
                insert into innovation.innovation (id, unit_id, title, started_on, problem, baseline, approach,
                    results, sdg_tags, priority_tags, participant_type, three_t)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, innovations);
        template.batchUpdate("""
                insert into innovation.proposal (id, period_id, innovation_id, unit_id, grp, category_code, state,
                    fail_reasons, assessment_score, normalised_score, presentation_score, field_score, decision_score)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, proposals);
        template.batchUpdate("""
                insert into innovation.proposal_transition (proposal_id, from_state, to_state, actor_name,
                    actor_role, reason, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, transitions);
        template.batchUpdate(
                "insert into innovation.announcement (period_id, kind, number, issued_on, issued_by) values (?, ?, ?, "
                        + "?, ?)",
                List.of(
                        new Object[] {
                            period.id(), "SCREENING", "DEMO/ADM/2018", Date.valueOf("2018-04-10"), "sekretariat"
                        },
                        new Object[] {period.id(), "TOP99", "DEMO/KEP/99/2018", Date.valueOf("2018-05-15"), "panelis"},
                        new Object[] {period.id(), "WINNERS", "DEMO/KEP/40/2018", Date.valueOf("2018-06-08"), "panelis"
                        }));
    }

    private static String actorName(ProposalState step) {
        return switch (step) {
            case DRAFT, WITH_AGENCY, WITHDRAWN -> "operator";
            case RETURNED, SUBMITTED -> "verifikator";
            case ADMIN_PASSED, ADMIN_FAILED, ASSIGNED -> "sekretariat";
            case SCORED -> "evaluator";
            default -> "panelis";
        };
    }

    private static String actorRole(ProposalState step) {
        return switch (step) {
            case DRAFT, WITH_AGENCY, WITHDRAWN -> Role.UNIT_OPERATOR.name();
            case RETURNED, SUBMITTED -> Role.AGENCY_VERIFIER.name();
            case ADMIN_PASSED, ADMIN_FAILED, ASSIGNED -> Role.SECRETARIAT.name();
            case SCORED -> Role.EVALUATOR.name();
            default -> Role.PANELIST.name();
        };
    }

    // ----------------------------------------------------------------------------------------------- current year

    private void seedCurrent(
            Period period,
            LocalDate today,
            UserView operator,
            UserView verifier,
            UserView evaluator,
            long operatorUnit,
            List<Long> agencyIds,
            List<ParticipantType> agencyTypes) {
        Instant now = clock.instant();
        // the demo operator's draft, half answered
        long draft = proposal(
                period,
                operatorUnit,
                "Gerai Layanan Disabilitas Terpadu Temanggung",
                ParticipantType.REGENCY,
                today.minusYears(2),
                ProposalState.DRAFT,
                operator,
                verifier,
                now,
                5);
        // ready for the demo verifier: complete, with the agency
        proposal(
                period,
                operatorUnit,
                "Rumah Singgah Lansia Ngudi Waras",
                ParticipantType.REGENCY,
                today.minusYears(3),
                ProposalState.WITH_AGENCY,
                operator,
                verifier,
                now,
                99);
        // waiting for the secretariat's administrative selection; one has the title of a 2018 winner, one is young
        proposal(
                period,
                agencyIds.get(0),
                "Layanan Rujukan Pasien Daring Terpadu",
                agencyTypes.get(0),
                today.minusYears(2),
                ProposalState.SUBMITTED,
                null,
                null,
                now,
                99);
        long copy = proposal(
                period,
                agencyIds.get(8),
                WORKSHOP,
                agencyTypes.get(8),
                today.minusYears(2),
                ProposalState.SUBMITTED,
                null,
                null,
                now,
                99);
        // the copy tells the 2018 workshop's story in the 2018 words: the near-duplicate to find in the screening
        jdbc.sql("""
                        update innovation.innovation c set problem = w.problem, results = w.results
                        from innovation.proposal cp, innovation.innovation w
                        where cp.id = ? and c.id = cp.innovation_id and w.title = ? and w.id <> c.id
                        """).params(copy, WORKSHOP).update();
        jdbc.sql("""
                        update innovation.proposal_answer set answer = (select w.problem || ' ' || w.results
                            from innovation.innovation w join innovation.proposal wp on wp.innovation_id = w.id
                            where w.title = ? and wp.id <> ? order by wp.id limit 1)
                        where proposal_id = ?
                        """).params(WORKSHOP, copy, copy).update();
        proposal(
                period,
                agencyIds.get(14),
                "Aplikasi Antrean Puskesmas Tanpa Antre",
                agencyTypes.get(14),
                today.minusMonths(7),
                ProposalState.SUBMITTED,
                null,
                null,
                now,
                99);
        // assigned to the demo evaluator
        for (int i = 0; i < 5; i++) {
            int a = 1 + i * 3;
            long id = proposal(
                    period,
                    agencyIds.get(a),
                    KINDS[i] + " " + SUBJECTS[i * 4] + " " + SUFFIXES[i],
                    agencyTypes.get(a),
                    today.minusYears(2 + i % 3),
                    ProposalState.ASSIGNED,
                    null,
                    null,
                    now,
                    99);
            jdbc.sql("insert into innovation.evaluator_assignment (proposal_id, evaluator_id, evaluator_name, "
                            + "assigned_by) values (?, ?, ?, 'sekretariat')")
                    .params(id, evaluator.id(), evaluator.fullName())
                    .update();
        }
        jdbc.sql("insert into innovation.period_evaluator (period_id, user_id, username, full_name, home_unit_id, cap)"
                        + " values (?, ?, ?, ?, null, 225)")
                .params(period.id(), evaluator.id(), evaluator.username(), evaluator.fullName())
                .update();
        jdbc.sql("insert into innovation.notification (recipient_id, proposal_id, message_key, title, created_at) "
                        + "values (?, ?, 'innovation.notify.returned', ?, ?)")
                .params(operator.id(), draft, "Gerai Layanan Disabilitas Terpadu Temanggung", Timestamp.from(now))
                .update();
    }

    /** One proposal of the current period with {@code answered} answers (99: every one), at {@code state}. */
    private long proposal(
            Period period,
            long unit,
            String title,
            ParticipantType type,
            LocalDate started,
            ProposalState state,
            UserView operator,
            UserView verifier,
            Instant now,
            int answered) {
        long innovation = jdbc.sql("""
                        insert into innovation.innovation (unit_id, title, started_on, problem, baseline, approach,
                            results, sdg_tags, priority_tags, participant_type, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, 'SDG3,SDG10', 'Reformasi birokrasi', ?, ?)
                        returning id
                        """)
                .params(
                        unit,
                        title,
                        Date.valueOf(started),
                        "Warga rentan sulit menjangkau layanan yang mereka butuhkan.",
                        "Sebelum inovasi, rata-rata warga datang tiga kali untuk satu layanan.",
                        "Petugas menjemput layanan ke desa dan mencatatnya dalam satu berkas.",
                        "Kunjungan berulang turun dan layanan selesai dalam satu hari.",
                        type.name(),
                        operator == null ? null : operator.id())
                .query(Long.class)
                .single();
        long id = jdbc.sql("""
                        insert into innovation.proposal (period_id, innovation_id, unit_id, grp, category_code, state,
                            created_by)
                        values (?, ?, ?, 'GENERAL', 'SOCIAL_PROTECTION', ?, ?) returning id
                        """)
                .params(period.id(), innovation, unit, state.name(), operator == null ? null : operator.id())
                .query(Long.class)
                .single();
        List<Period.Aspect> aspects = period.aspectsFor(ProposalGroup.GENERAL);
        List<Object[]> answers = new ArrayList<>();
        for (int i = 0; i < Math.min(answered, aspects.size()); i++) {
            answers.add(new Object[] {
                id,
                aspects.get(i).code(),
                "Jawaban unit untuk aspek ini: inovasi dijalankan bersama warga, diukur tiap bulan dan dilaporkan"
                        + " kepada pimpinan daerah."
            });
        }
        template.batchUpdate(
                "insert into innovation.proposal_answer (proposal_id, aspect_code, answer) values (?, ?, ?)", answers);
        List<ProposalState> steps = path(state);
        for (int s = 0; s < steps.size(); s++) {
            ProposalState step = steps.get(s);
            boolean unitStep = actorRole(step).equals(Role.UNIT_OPERATOR.name());
            boolean verifierStep = actorRole(step).equals(Role.AGENCY_VERIFIER.name());
            UserView actor = unitStep ? operator : verifierStep ? verifier : null;
            jdbc.sql("""
                            insert into innovation.proposal_transition (proposal_id, from_state, to_state, actor_id,
                                actor_name, actor_role, occurred_at)
                            values (?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            id,
                            s == 0 ? null : steps.get(s - 1).name(),
                            step.name(),
                            actor == null ? null : actor.id(),
                            actor == null ? actorName(step) : actor.username(),
                            actorRole(step),
                            Timestamp.from(now.minusSeconds(3600L * (steps.size() - s))))
                    .update();
        }
        return id;
    }

    private List<Long> ids(String sequence, int count) {
        return jdbc.sql("select nextval('" + sequence + "') from generate_series(1, ?)")
                .param(count)
                .query(Long.class)
                .list();
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
