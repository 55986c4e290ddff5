package id.peduli.workshop;

import id.peduli.casework.EnrolCommand;
import id.peduli.casework.EnrolmentView;
import id.peduli.casework.Enrolments;
import id.peduli.casework.Stage;
import id.peduli.platform.DemoSeed;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.registry.PersonView;
import id.peduli.registry.Registry;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo participants and their year at the twelve SW Peduli sites: the people the registry's demo registered at each
 * site with the workshop consent ({@link Registry#coveredIn}) are enrolled through the case core and moved through
 * intake, assessment and plan to intervention, each step with its reason; one per larger site left a few months ago.
 * Then twelve months of sessions (three to five a week, each participant coming on most days but not all) with what
 * each made, the payout runs of the eleven past months computed and approved (frozen, receipts recorded; the current
 * month stays open), and placements at four sites with their done and due follow-ups. The skill assessments and plans
 * come with the case core's seed {@code casework-cases-v1}, which runs after this one.
 *
 * <p>The enrolments, payouts and placements go through the modules' own operations, signed in as the demo programme
 * manager {@code manajer.kartini}. The sessions do not: one {@link SessionRecorder} call per entry would take minutes
 * for the year's 40,000 rows, so they are written in bulk by the seed-only {@link DemoSessionWriter}, and this seed
 * hands it only entries the recorder would accept (past days, months not yet frozen, participants active that day,
 * positive quantities). It logs the time of each part. Its time with the registry's 191 demo participants (about 67,000
 * session rows) is in docs/benchmarks.md, "Workshop demo seeds" ({@code bench/workshop-demo-seed.sh}).
 */
@Component
class WorkshopParticipantsSeed implements DemoSeed {

    static final String NAME = "workshop-participants-v1";
    static final String OPERATOR = "manajer.kartini";
    static final String CONSENT_PURPOSE = "WORKSHOP_SERVICES";

    private static final Logger log = LoggerFactory.getLogger(WorkshopParticipantsSeed.class);
    private static final List<String> EMPLOYERS = List.of(
            "Konveksi Sinar Jaya", "Toko Kerajinan Mekar Sari", "Warung Makan Bu Darmi", "Laundry Bersih Wangi");
    private static final List<String> SECTORS = List.of("Garmen", "Kerajinan", "Kuliner", "Jasa");

    private final Sites sites;
    private final Products products;
    private final Payouts payouts;
    private final Placements placements;
    private final Enrolments enrolments;
    private final Registry registry;
    private final DemoSessionWriter writer;
    private final UserDetailsService userDetails;
    private final JdbcClient jdbc;
    private final Clock clock;

    WorkshopParticipantsSeed(
            Sites sites,
            Products products,
            Payouts payouts,
            Placements placements,
            Enrolments enrolments,
            Registry registry,
            DemoSessionWriter writer,
            UserDetailsService userDetails,
            JdbcClient jdbc,
            Clock clock) {
        this.sites = sites;
        this.products = products;
        this.payouts = payouts;
        this.placements = placements;
        this.enrolments = enrolments;
        this.registry = registry;
        this.writer = writer;
        this.userDetails = userDetails;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("demo-v1", "registry-people-v1", "casework-v1", "workshop-v1");
    }

    @Override
    public int order() {
        return 700;
    }

    /** One enrolled participant as the seed plans their year. */
    private static final class Person {
        long enrolmentId;
        long personId;
        LocalDate from;
        LocalDate until;
        double turnout;
        double skill;
        boolean guardian;
    }

    @Override
    public void load() {
        long started = System.nanoTime();
        SecurityContext previous = SecurityContextHolder.getContext();
        UserDetails operator = userDetails.loadUserByUsername(OPERATOR);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(operator, null, operator.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            seed();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        log.info("Demo workshop year loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void seed() {
        Random random = new Random(20261130L);
        LocalDate today = LocalDate.now(clock);
        LocalDate first = YearMonth.from(today).minusMonths(11).atDay(1);
        List<SiteView> demoSites = sites.visible(WorkshopRoles.MANAGE).stream()
                .filter(s -> s.name().startsWith("SW Peduli "))
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .toList();
        Long operatorId = SecurityContextHolder.getContext().getAuthentication().getPrincipal()
                        instanceof PeduliPrincipal principal
                ? principal.userId()
                : null;
        Map<Long, List<Person>> people = new HashMap<>();
        int index = 0;
        long enrolling = 0;
        long writing = 0;
        int rows = 0;
        for (SiteView site : demoSites) {
            long t0 = System.nanoTime();
            List<Person> enrolled = enrol(site, index, random, first, today);
            people.put(site.id(), enrolled);
            place(site, index, enrolled, today);
            long t1 = System.nanoTime();
            rows += writer.write(site.id(), operatorId, year(site, index, enrolled, random, first, today));
            writing += System.nanoTime() - t1;
            enrolling += t1 - t0;
            index++;
        }
        long t2 = System.nanoTime();
        payoutRuns(demoSites, people, first, today);
        log.info(
                "Demo workshop year: {} participants enrolled in {} ms, {} session rows in {} ms, payouts in {} ms",
                people.values().stream().mapToInt(List::size).sum(),
                enrolling / 1_000_000,
                rows,
                writing / 1_000_000,
                (System.nanoTime() - t2) / 1_000_000);
    }

    /** Enrols the site's consenting people who are not yet in the programme and moves them to intervention. */
    private List<Person> enrol(SiteView site, int index, Random random, LocalDate first, LocalDate today) {
        List<Person> enrolled = new ArrayList<>();
        List<Long> ids = registry.coveredIn(site.id(), CONSENT_PURPOSE);
        for (int i = 0; i < ids.size(); i++) {
            long personId = ids.get(i);
            boolean already = enrolments.ofPerson(personId).stream()
                    .anyMatch(e -> e.programmeCode().equals(Participants.PROGRAMME)
                            && !e.stage().equals(Stage.CLOSED));
            if (already) {
                continue;
            }
            // most joined before the year shown; about one in five during it
            LocalDate intake = random.nextInt(5) == 0
                    ? first.plusDays(30 + random.nextInt(210))
                    : first.minusDays(20 + random.nextInt(200));
            EnrolmentView e = enrolments.enrol(new EnrolCommand(
                    personId,
                    Participants.PROGRAMME,
                    site.id(),
                    null,
                    intake,
                    "Rujukan pemerintah desa; keluarga setuju ikut " + site.name()));
            e = enrolments.transition(
                    e.id(), Stage.ASSESSMENT, "Asesmen keterampilan awal", intake.plusDays(7), e.version());
            e = enrolments.transition(
                    e.id(), Stage.PLAN, "Hasil asesmen dibahas dengan keluarga", intake.plusDays(14), e.version());
            e = enrolments.transition(
                    e.id(), Stage.INTERVENTION, "Mulai bekerja di rumah produksi", intake.plusDays(21), e.version());
            Person p = new Person();
            p.enrolmentId = e.id();
            p.personId = personId;
            p.from = intake.plusDays(21);
            p.turnout = 0.72 + random.nextDouble() * 0.23;
            p.skill = 0.6 + random.nextDouble() * 0.7;
            p.guardian = registry.person(personId).map(PersonView::guardianId).isPresent();
            // one participant of each larger site moved away a few months ago
            LocalDate left = today.minusDays(60 + random.nextInt(90));
            if (i == 3 && ids.size() >= 6 && left.isAfter(p.from.plusDays(30))) {
                enrolments.transition(
                        e.id(), Stage.TERMINATED, "Pindah ikut keluarga ke luar daerah", left, e.version());
                p.until = left;
            }
            enrolled.add(p);
        }
        return enrolled;
    }

    /** At every third site, the first participant was placed in work, longer ago at the earlier sites. */
    private void place(SiteView site, int index, List<Person> enrolled, LocalDate today) {
        if (index % 3 != 0 || enrolled.isEmpty()) {
            return;
        }
        Person p = enrolled.get(0);
        int n = index / 3;
        LocalDate start = today.minusDays(new int[] {200, 120, 50, 20}[n % 4]);
        if (start.isBefore(p.from.plusDays(30))) {
            return;
        }
        PlacementView.Kind kind = n % 2 == 0 ? PlacementView.Kind.COMPETITIVE : PlacementView.Kind.SHELTERED;
        PlacementView placement = placements.place(
                site.id(),
                new PlacementCommand(
                        p.enrolmentId,
                        EMPLOYERS.get(n % EMPLOYERS.size()),
                        SECTORS.get(n % SECTORS.size()),
                        null,
                        kind,
                        start,
                        kind == PlacementView.Kind.COMPETITIVE ? 1_500_000L : 600_000L,
                        kind == PlacementView.Kind.COMPETITIVE ? 35 : 20,
                        "Pendamping datang seminggu sekali pada bulan pertama"));
        enrolments
                .find(p.enrolmentId)
                .ifPresent(e -> enrolments.transition(
                        e.id(),
                        Stage.MONITORING,
                        "Ditempatkan bekerja di " + EMPLOYERS.get(n % EMPLOYERS.size()),
                        start,
                        e.version()));
        for (PlacementView.FollowUp f : placement.followUps()) {
            if (!f.dueOn().isAfter(today.minusDays(3))) {
                placements.followUp(
                        placement.id(),
                        f.id(),
                        f.dueOn().plusDays(2),
                        true,
                        kind == PlacementView.Kind.COMPETITIVE ? 1_500_000L : 650_000L,
                        "Masih bekerja; pemberi kerja puas dengan ketelitiannya");
            }
        }
        if (kind == PlacementView.Kind.COMPETITIVE) {
            // placed in open employment: no longer comes to the workshop's sessions
            p.until = p.until == null || p.until.isAfter(start) ? start.minusDays(1) : p.until;
        }
    }

    /** Sessions of the site from {@code first} until yesterday: three to five weekdays a week. */
    private List<DemoSessionWriter.Entry> year(
            SiteView site, int index, List<Person> enrolled, Random random, LocalDate first, LocalDate today) {
        List<ProductView> made = products.ofCentre(site.centreId()).stream()
                .filter(ProductView::active)
                .filter(p -> p.code().equals("KST-01")
                        || (index % 3 == 2 && p.code().equals("BTK-01"))
                        || (index % 3 == 0 && p.code().equals("TAS-01")))
                .toList();
        boolean hourly = payouts.ruleFor(site.id(), YearMonth.from(today))
                .map(r -> r.kind() == EarningsRule.Kind.HOURLY)
                .orElse(false);
        List<DemoSessionWriter.Entry> entries = new ArrayList<>();
        LocalDate monday = first.with(DayOfWeek.MONDAY);
        for (LocalDate week = monday; week.isBefore(today); week = week.plusWeeks(1)) {
            List<Integer> days = new ArrayList<>(List.of(0, 1, 2, 3, 4));
            Collections.shuffle(days, random);
            for (int d : days.subList(0, 3 + random.nextInt(3))) {
                LocalDate day = week.plusDays(d);
                if (day.isBefore(first) || !day.isBefore(today)) {
                    continue;
                }
                for (Person p : enrolled) {
                    if (day.isBefore(p.from) || (p.until != null && day.isAfter(p.until))) {
                        continue;
                    }
                    boolean present = random.nextDouble() < p.turnout;
                    List<DemoSessionWriter.Made> lines = new ArrayList<>();
                    if (present) {
                        double growth = 1 + 0.3 * ChronoUnit.DAYS.between(first, day) / 365.0;
                        ProductView product = made.get(random.nextInt(made.size()));
                        int base = switch (product.code()) {
                            case "BTK-01" -> 1 + random.nextInt(2);
                            case "TAS-01" -> 1 + random.nextInt(4);
                            default -> 3 + random.nextInt(8);
                        };
                        int quantity = Math.max(1, (int) Math.round(base * p.skill * growth));
                        int rejects = random.nextInt(6) == 0 ? Math.min(quantity, 1 + random.nextInt(2)) : 0;
                        lines.add(new DemoSessionWriter.Made(
                                product.id(), null, quantity, rejects, 90 + 10 * random.nextInt(16)));
                        if (hourly && random.nextInt(4) == 0) {
                            lines.add(new DemoSessionWriter.Made(
                                    null, "Memilah dan memotong kain perca", 1, 0, 30 + 10 * random.nextInt(6)));
                        }
                    }
                    entries.add(new DemoSessionWriter.Entry(
                            day,
                            p.enrolmentId,
                            p.personId,
                            present,
                            lines,
                            new UUID(random.nextLong(), random.nextLong())));
                }
            }
        }
        return entries;
    }

    /**
     * The eleven past months: every site's run computed and approved (frozen), and the receipts of all but the last
     * month recorded, with a thumbprint of the guardian where there is one; half of last month's are still to be paid.
     */
    private void payoutRuns(
            List<SiteView> demoSites, Map<Long, List<Person>> people, LocalDate first, LocalDate today) {
        Map<Long, Boolean> guarded = new HashMap<>();
        people.values().forEach(list -> list.forEach(p -> guarded.put(p.enrolmentId, p.guardian)));
        Map<Long, Map<Long, Long>> prices = new HashMap<>();
        for (SiteView site : demoSites) {
            prices.put(
                    site.id(),
                    products.ofCentre(site.centreId()).stream()
                            .collect(Collectors.toMap(
                                    ProductView::id, p -> p.salePrice().value())));
        }
        YearMonth current = YearMonth.from(today);
        for (YearMonth month = YearMonth.from(first); month.isBefore(current); month = month.plusMonths(1)) {
            Map<Long, EarningsRule> rules = new HashMap<>();
            for (SiteView site : demoSites) {
                if (!payouts.frozen(site.id(), month.atDay(1))) {
                    payouts.ruleFor(site.id(), month).ifPresent(r -> rules.put(site.id(), r));
                }
            }
            if (rules.isEmpty()) {
                continue;
            }
            payouts.computeAll(month, rules, prices);
            List<long[]> drafts = jdbc.sql("""
                            select id, version from workshop.payout_run
                            where period = :period and status = 'DRAFT' and site_id in (:sites)
                            """)
                    .param("period", month.atDay(1))
                    .param("sites", rules.keySet())
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .list();
            for (long[] run : drafts) {
                payouts.approve(run[0], (int) run[1]);
            }
            boolean last = month.plusMonths(1).equals(current);
            LocalDate paidOn = month.plusMonths(1).atDay(5);
            if (paidOn.isAfter(today)) {
                paidOn = today;
            }
            List<Long> runIds = drafts.stream().map(r -> r[0]).toList();
            List<long[]> lines = jdbc.sql("select id, enrolment_id from workshop.payout_line where run_id in (:runs)")
                    .param("runs", runIds.isEmpty() ? List.of(-1L) : runIds)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .list();
            List<Long> byGuardian = new ArrayList<>();
            List<Long> byParticipant = new ArrayList<>();
            for (long[] line : lines) {
                if (!last || line[0] % 2 != 0) {
                    (guarded.getOrDefault(line[1], false) ? byGuardian : byParticipant).add(line[0]);
                }
            }
            receipts(byGuardian, paidOn, "THUMBPRINT", "GUARDIAN");
            receipts(byParticipant, paidOn, "SIGNATURE", "PARTICIPANT");
        }
    }

    private void receipts(List<Long> lineIds, LocalDate on, String method, String by) {
        if (!lineIds.isEmpty()) {
            jdbc.sql("""
                            update workshop.payout_line set received_on = :on, receipt_method = :method,
                                received_by = :by
                            where id in (:lines)
                            """)
                    .param("on", on)
                    .param("method", method)
                    .param("by", by)
                    .param("lines", lineIds)
                    .update();
        }
    }
}
