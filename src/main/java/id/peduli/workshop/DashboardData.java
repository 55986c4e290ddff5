package id.peduli.workshop;

import id.peduli.indicator.IndicatorDefinition;
import id.peduli.indicator.IndicatorSource;
import id.peduli.indicator.IndicatorValue;
import id.peduli.indicator.Indicators;
import id.peduli.platform.Ui;
import id.peduli.region.Region;
import id.peduli.region.Regions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The figures behind the programme dashboard, its downloads and its monthly report. The indicators shown are every
 * indicator of the indicator extension point whose code starts with {@code WS_} and that the caller may read: this
 * module's own ({@link WorkshopIndicators}) first, then any other workshop source's (such as sales) by code. Own
 * indicators are computed per group over the group's records (exact rates and medians); another source's are read per
 * site from its {@link IndicatorSource} and added up for a province or the programme when they count people or rupiah,
 * and left empty there otherwise.
 *
 * <p>Another source is asked directly rather than through {@link Indicators#values}, which checks the caller's grant for
 * each unit one by one (a thousand queries for a thousand sites): the same rule is applied here at once, with the sites
 * that the indicator's roles cover ({@link Sites#coveredIds}). As before, a source whose roles do not cover every chosen
 * site stays empty rather than failing the page.
 */
@Component
class DashboardData {

    static final String PREFIX = "WS_";
    private static final Set<String> ADDITIVE = Set.of("indicator.measure.people", "indicator.measure.rupiah");

    private final Sites sites;
    private final WorkshopIndicators own;
    private final Indicators indicators;
    private final Regions regions;
    private final Clock clock;
    private final Map<String, IndicatorSource> sources = new HashMap<>();

    DashboardData(
            Sites sites,
            WorkshopIndicators own,
            Indicators indicators,
            List<IndicatorSource> sources,
            Regions regions,
            Clock clock) {
        this.sites = sites;
        sources.forEach(source -> source.definitions().forEach(d -> this.sources.putIfAbsent(d.code(), source)));
        this.regions = regions;
        this.own = own;
        this.indicators = indicators;
        this.clock = clock;
    }

    /** The filters asked for, limited to the sites the caller may read and to at most three years. */
    DashboardFilter filter(String level, String province, Long site, YearMonth from, YearMonth to) {
        YearMonth end = to == null ? YearMonth.now(clock) : to;
        YearMonth start = from == null ? end.minusMonths(11) : from;
        if (start.isAfter(end)) {
            start = end;
        }
        if (start.isBefore(end.minusMonths(35))) {
            start = end.minusMonths(35);
        }
        List<SiteView> all = sites.visible(WorkshopRoles.CASE_READ);
        Set<String> provinces = all.stream()
                .map(DashboardData::provinceOf)
                .filter(p -> !p.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        String p = province == null || province.isBlank() ? null : province;
        List<SiteView> chosen = all.stream()
                .filter(s -> p == null || provinceOf(s).equals(p))
                .filter(s -> site == null || s.id() == site)
                .toList();
        String lvl = "site".equals(level) || ("province".equals(level) ? false : site != null) ? "site" : "province";
        return new DashboardFilter(p, site, start, end, lvl, all, chosen, provinces);
    }

    static String provinceOf(SiteView site) {
        return site.regionCode() == null || site.regionCode().length() < 2
                ? ""
                : site.regionCode().substring(0, 2);
    }

    /** The workshop's indicators the caller may read, own first. */
    List<IndicatorDefinition> definitions() {
        List<IndicatorDefinition> out = new ArrayList<>();
        Set<String> readable =
                indicators.definitions().stream().map(IndicatorDefinition::code).collect(Collectors.toSet());
        own.definitions().stream().filter(d -> readable.contains(d.code())).forEach(out::add);
        indicators.definitions().stream()
                .filter(d -> d.code().startsWith(PREFIX) && !own.owns(d.code()))
                .forEach(out::add);
        return out;
    }

    /** The table of the filter: per province or per site, and month. */
    List<DashboardRow> rows(DashboardFilter filter, List<IndicatorDefinition> definitions, Ui ui) {
        if (filter.chosen().isEmpty()) {
            return List.of();
        }
        Map<Long, Long> groupOfSite = new LinkedHashMap<>();
        Map<Long, String[]> group = new HashMap<>();
        if (filter.byProvince()) {
            List<String> provinces = new ArrayList<>(new TreeSet<>(
                    filter.chosen().stream().map(DashboardData::provinceOf).toList()));
            for (int i = 0; i < provinces.size(); i++) {
                String code = provinces.get(i);
                group.put((long) i, new String[] {code.isEmpty() ? "-" : code, provinceName(code, ui)});
            }
            for (SiteView s : filter.chosen()) {
                groupOfSite.put(s.id(), (long) provinces.indexOf(provinceOf(s)));
            }
        } else {
            for (SiteView s : filter.chosen()) {
                groupOfSite.put(s.id(), s.id());
                group.put(s.id(), new String[] {String.valueOf(s.id()), s.name()});
            }
        }
        return table(groupOfSite, group, filter.from(), filter.to(), definitions);
    }

    /** One row per month for the whole of the chosen sites. */
    List<DashboardRow> total(DashboardFilter filter, List<IndicatorDefinition> definitions, String label) {
        Map<Long, Long> groupOfSite = new LinkedHashMap<>();
        filter.chosen().forEach(s -> groupOfSite.put(s.id(), 0L));
        Map<Long, String[]> group = Map.of(0L, new String[] {"all", label});
        return table(groupOfSite, group, filter.from(), filter.to(), definitions);
    }

    /** One row per site for one month. */
    List<DashboardRow> sitesOfMonth(DashboardFilter filter, List<IndicatorDefinition> definitions, YearMonth month) {
        Map<Long, Long> groupOfSite = new LinkedHashMap<>();
        Map<Long, String[]> group = new HashMap<>();
        for (SiteView s : filter.chosen()) {
            groupOfSite.put(s.id(), s.id());
            group.put(s.id(), new String[] {String.valueOf(s.id()), s.name()});
        }
        List<DashboardRow> rows = new ArrayList<>(table(groupOfSite, group, month, month, definitions));
        // every site gets its line, with dashes where it has no figure
        Set<String> present = rows.stream().map(DashboardRow::key).collect(Collectors.toSet());
        for (SiteView s : filter.chosen()) {
            if (!present.contains(String.valueOf(s.id()))) {
                rows.add(new DashboardRow(
                        String.valueOf(s.id()), s.name(), month, Arrays.asList(new String[definitions.size()])));
            }
        }
        rows.sort(Comparator.comparing(DashboardRow::label));
        return rows;
    }

    private List<DashboardRow> table(
            Map<Long, Long> groupOfSite,
            Map<Long, String[]> group,
            YearMonth from,
            YearMonth to,
            List<IndicatorDefinition> definitions) {
        if (groupOfSite.isEmpty()) {
            return List.of();
        }
        Map<String, String[]> cells = new LinkedHashMap<>();
        for (int i = 0; i < definitions.size(); i++) {
            IndicatorDefinition definition = definitions.get(i);
            for (IndicatorValue value : values(definition, groupOfSite, from, to)) {
                String key = value.unitId() + "|" + value.period();
                cells.computeIfAbsent(key, k -> new String[definitions.size()])[i] =
                        value.value().stripTrailingZeros().toPlainString();
            }
        }
        List<DashboardRow> rows = new ArrayList<>();
        cells.forEach((key, values) -> {
            String[] parts = key.split("\\|");
            String[] g = group.get(Long.parseLong(parts[0]));
            rows.add(new DashboardRow(g[0], g[1], YearMonth.parse(parts[1]), Arrays.asList(values)));
        });
        rows.sort(Comparator.comparing(DashboardRow::month).thenComparing(DashboardRow::label));
        return rows;
    }

    private List<IndicatorValue> values(
            IndicatorDefinition definition, Map<Long, Long> groupOfSite, YearMonth from, YearMonth to) {
        if (own.owns(definition.code())) {
            return own.grouped(definition.code(), groupOfSite, from, to);
        }
        IndicatorSource source = sources.get(definition.code());
        Set<Long> covered = sites.coveredIds(definition.roles().toArray(String[]::new));
        if (source == null || !covered.containsAll(groupOfSite.keySet())) {
            // a source whose roles do not cover every chosen site stays empty rather than failing the page
            return List.of();
        }
        List<IndicatorValue> perSite = source.values(definition.code(), Set.copyOf(groupOfSite.keySet()), from, to);
        boolean perSiteOnly =
                groupOfSite.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()));
        if (perSiteOnly) {
            return perSite;
        }
        if (!ADDITIVE.contains(definition.measureKey())) {
            return List.of();
        }
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (IndicatorValue v : perSite) {
            Long g = groupOfSite.get(v.unitId());
            if (g != null) {
                sums.merge(g + "|" + v.period(), v.value(), BigDecimal::add);
            }
        }
        List<IndicatorValue> out = new ArrayList<>();
        sums.forEach((key, sum) -> {
            String[] parts = key.split("\\|");
            out.add(new IndicatorValue(
                    definition.code(), Long.parseLong(parts[0]), YearMonth.parse(parts[1]), sum, clock.instant()));
        });
        return out;
    }

    /** The province's official name, from the region list. */
    String provinceName(String code, Ui ui) {
        String key = "workshop.province." + code;
        return regions.find(code).map(Region::name).orElseGet(() -> ui.has(key) ? ui.t(key) : code);
    }
}
