package id.peduli.workshop;

import id.peduli.access.Users;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.OrgUnitType;
import id.peduli.organization.Organizations;
import id.peduli.platform.DemoSeed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Demo data of the Sheltered Workshop: the twelve SW Peduli sites below BBRSBG Kartini with their MoU, phases,
 * community group, five mentors each (the first of Temanggung is the demo account {@code pendamping.temanggung}), a
 * mentor training, the centre's products and each site's earnings rule. After the case core's seed, which creates the
 * programme.
 */
@Component
class WorkshopDemoSeed implements DemoSeed {

    private static final List<String> MENTOR_NAMES = List.of(
            "Siti Aminah",
            "Suparno",
            "Wahyuni",
            "Joko Santoso",
            "Endang Lestari",
            "Sri Rahayu",
            "Mulyadi",
            "Tri Wulandari",
            "Bambang Riyanto",
            "Umi Kulsum",
            "Parmin",
            "Kusniati");

    private final Organizations organizations;
    private final Sites sites;
    private final Products products;
    private final Payouts payouts;
    private final Users users;
    private final Clock clock;

    WorkshopDemoSeed(
            Organizations organizations, Sites sites, Products products, Payouts payouts, Users users, Clock clock) {
        this.organizations = organizations;
        this.sites = sites;
        this.products = products;
        this.payouts = payouts;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "workshop-v1";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("demo-v1", "casework-v1");
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public void load() {
        OrgUnit kartini = organizations.tree().stream()
                .filter(u -> u.name().equals("BBRSBG Kartini Temanggung"))
                .findFirst()
                .orElse(null);
        if (kartini == null) {
            return;
        }
        ProductView keset = product(kartini.id(), "KST-01", "Keset kain perca", "lembar", 15_000);
        ProductView batik = product(kartini.id(), "BTK-01", "Batik ciprat", "lembar", 125_000);
        ProductView tas = product(kartini.id(), "TAS-01", "Tas anyaman plastik", "buah", 45_000);
        LocalDate today = LocalDate.now(clock);
        List<OrgUnit> swSites = organizations.children(kartini.id()).stream()
                .filter(u -> u.type() == OrgUnitType.SITE && u.name().startsWith("SW Peduli"))
                .toList();
        int index = 0;
        for (OrgUnit unit : swSites) {
            if (sites.isSite(unit.id())) {
                index++;
                continue;
            }
            // launches spread over the last four years: the earliest sites are past their 24 months of mentoring
            LocalDate launch = today.minusMonths(46 - index * 3L).withDayOfMonth(10);
            String group = organizations.children(unit.id()).stream()
                    .filter(u -> u.type() == OrgUnitType.COMMUNITY_GROUP)
                    .map(OrgUnit::name)
                    .findFirst()
                    .orElse(null);
            sites.register(
                    unit.id(),
                    new SiteCommand(
                            String.format(
                                    "%03d/MoU/BBRSBG-K/%d",
                                    41 + index, launch.minusMonths(3).getYear()),
                            launch.minusMonths(3),
                            "Pemerintah kabupaten menanggung stimulan usaha dan tempat kerja; balai menanggung "
                                    + "bimbingan teknis dan pendampingan.",
                            launch.minusMonths(2),
                            launch.minusMonths(1),
                            launch,
                            null,
                            null,
                            null,
                            group));
            for (int m = 0; m < 5; m++) {
                String username = m == 0 && unit.name().equals("SW Peduli Temanggung") ? "pendamping.temanggung" : null;
                String name = username != null
                        ? users.findByUsername(username).map(u -> u.fullName()).orElse("Slamet Riyadi")
                        : MENTOR_NAMES.get((index * 5 + m) % MENTOR_NAMES.size());
                sites.addMentor(unit.id(), new MentorCommand(name, null, username, null, launch.minusMonths(2)));
            }
            List<Long> mentorIds =
                    sites.mentors(unit.id()).stream().map(MentorView::id).toList();
            sites.addTraining(
                    unit.id(),
                    new TrainingCommand(
                            launch.minusMonths(1),
                            "Bimbingan teknis pendampingan penyandang disabilitas intelektual dan produksi keset",
                            "Instruktur BBRSBG Kartini",
                            24,
                            mentorIds.subList(0, Math.max(1, mentorIds.size() - (index % 2)))));
            YearMonth from = YearMonth.from(launch);
            EarningsRuleCommand rule = switch (index % 4) {
                case 1 -> new EarningsRuleCommand(from, EarningsRule.Kind.HOURLY, 10, 25L, null, Map.of());
                case 3 -> new EarningsRuleCommand(from, EarningsRule.Kind.EQUAL_SHARE, 15, null, 8, Map.of());
                default ->
                    new EarningsRuleCommand(
                            from,
                            EarningsRule.Kind.PIECE_RATE,
                            10,
                            null,
                            null,
                            Map.of(keset.id(), 5_000L, batik.id(), 40_000L, tas.id(), 15_000L));
            };
            payouts.storeRule(unit.id(), rule);
            index++;
        }
    }

    private ProductView product(long centre, String code, String name, String unit, long price) {
        return products.ofCentre(centre).stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseGet(() -> products.create(centre, new ProductCommand(code, name, unit, price, true)));
    }
}
