package id.peduli.workshop;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.indicator.IndicatorDefinition;
import id.peduli.indicator.IndicatorValue;
import id.peduli.platform.Ui;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The programme dashboard: the workshop's indicators per site and month for the sites the caller may read, filtered by
 * province, site and period; a chart (ECharts) with the same figures as a table, and the table as CSV.
 */
@Controller
class DashboardController {

    private final Sites sites;
    private final WorkshopIndicators indicators;
    private final AuditLog audit;
    private final Clock clock;

    DashboardController(Sites sites, WorkshopIndicators indicators, AuditLog audit, Clock clock) {
        this.sites = sites;
        this.indicators = indicators;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/workshop/dashboard")
    @PreAuthorize(WorkshopRoles.CASE_READ_EXPRESSION)
    String dashboard(
            @RequestParam(value = "province", required = false) String province,
            @RequestParam(value = "site", required = false) Long site,
            @RequestParam(value = "from", required = false) YearMonth from,
            @RequestParam(value = "to", required = false) YearMonth to,
            Model model) {
        DashboardFilter filter = filter(province, site, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("provinces", filter.provinces());
        model.addAttribute("sites", filter.allSites());
        model.addAttribute("definitions", indicators.definitions());
        model.addAttribute("rows", rows(filter));
        return "workshop/dashboard";
    }

    @GetMapping("/workshop/dashboard.csv")
    @PreAuthorize(WorkshopRoles.CASE_READ_EXPRESSION)
    ResponseEntity<byte[]> csv(
            @RequestParam(value = "province", required = false) String province,
            @RequestParam(value = "site", required = false) Long site,
            @RequestParam(value = "from", required = false) YearMonth from,
            @RequestParam(value = "to", required = false) YearMonth to,
            Ui ui) {
        DashboardFilter filter = filter(province, site, from, to);
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(csvCell(ui.t("workshop.site"))).append(',').append(csvCell(ui.t("workshop.period")));
        for (IndicatorDefinition d : indicators.definitions()) {
            out.append(',').append(csvCell(ui.t(d.labelKey())));
        }
        out.append("\r\n");
        for (DashboardRow row : rows(filter)) {
            out.append(csvCell(row.siteName())).append(',').append(row.month());
            for (String value : row.values()) {
                out.append(',').append(value == null ? "" : value);
            }
            out.append("\r\n");
        }
        audit.record(
                AuditRecord.of(AuditAction.EXPORT, "WorkshopDashboard", null).purpose("indicators"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("sw-peduli-" + filter.from() + "-" + filter.to() + ".csv")
                                .build()
                                .toString())
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private DashboardFilter filter(String province, Long site, YearMonth from, YearMonth to) {
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
                .map(s -> s.regionCode() == null ? "" : s.regionCode().substring(0, 2))
                .filter(p -> !p.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        String p = province == null || province.isBlank() ? null : province;
        List<SiteView> chosen = all.stream()
                .filter(s ->
                        p == null || (s.regionCode() != null && s.regionCode().startsWith(p)))
                .filter(s -> site == null || s.id() == site)
                .toList();
        return new DashboardFilter(p, site, start, end, all, chosen, provinces);
    }

    private List<DashboardRow> rows(DashboardFilter filter) {
        if (filter.chosen().isEmpty()) {
            return List.of();
        }
        Set<Long> ids = filter.chosen().stream().map(SiteView::id).collect(Collectors.toSet());
        List<IndicatorDefinition> definitions = indicators.definitions();
        Map<String, String[]> cells = new LinkedHashMap<>();
        Map<Long, String> names = filter.chosen().stream().collect(Collectors.toMap(SiteView::id, SiteView::name));
        for (int i = 0; i < definitions.size(); i++) {
            for (IndicatorValue value : indicators.values(definitions.get(i).code(), ids, filter.from(), filter.to())) {
                String key = value.unitId() + "|" + value.period();
                cells.computeIfAbsent(key, k -> new String[definitions.size()])[i] =
                        value.value().stripTrailingZeros().toPlainString();
            }
        }
        List<DashboardRow> rows = new ArrayList<>();
        cells.forEach((key, values) -> {
            String[] parts = key.split("\\|");
            long siteId = Long.parseLong(parts[0]);
            rows.add(new DashboardRow(
                    siteId,
                    names.getOrDefault(siteId, "#" + siteId),
                    YearMonth.parse(parts[1]),
                    java.util.Arrays.asList(values)));
        });
        rows.sort(java.util.Comparator.comparing(DashboardRow::month).thenComparing(DashboardRow::siteName));
        return rows;
    }

    private static String csvCell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
