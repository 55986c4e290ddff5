package id.peduli.workshop;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.indicator.IndicatorDefinition;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
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
 * The programme dashboard: the workshop's indicators for the sites the caller may read, per province or per site and
 * month, filtered by province, site and period; a chart (ECharts) with the same figures as a table, the table as CSV
 * and XLSX, and a printable one-page monthly report (PDF) for the programme, a province or a site.
 */
@Controller
class DashboardController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DashboardData data;
    private final AuditLog audit;
    private final Clock clock;

    DashboardController(DashboardData data, AuditLog audit, Clock clock) {
        this.data = data;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/workshop/dashboard")
    @PreAuthorize(WorkshopRoles.CASE_READ_EXPRESSION)
    String dashboard(
            @RequestParam(value = "level", required = false) String level,
            @RequestParam(value = "province", required = false) String province,
            @RequestParam(value = "site", required = false) Long site,
            @RequestParam(value = "from", required = false) YearMonth from,
            @RequestParam(value = "to", required = false) YearMonth to,
            Ui ui,
            Model model) {
        DashboardFilter filter = data.filter(level, province, site, from, to);
        List<IndicatorDefinition> definitions = data.definitions();
        model.addAttribute("filter", filter);
        model.addAttribute(
                "provinces",
                filter.provinces().stream()
                        .map(p -> new String[] {p, data.provinceName(p, ui)})
                        .toList());
        model.addAttribute("sites", filter.allSites());
        model.addAttribute("definitions", definitions);
        model.addAttribute("rows", data.rows(filter, definitions, ui));
        return "workshop/dashboard";
    }

    @GetMapping("/workshop/dashboard.csv")
    @PreAuthorize(WorkshopRoles.CASE_READ_EXPRESSION)
    ResponseEntity<byte[]> csv(
            @RequestParam(value = "level", required = false) String level,
            @RequestParam(value = "province", required = false) String province,
            @RequestParam(value = "site", required = false) Long site,
            @RequestParam(value = "from", required = false) YearMonth from,
            @RequestParam(value = "to", required = false) YearMonth to,
            Ui ui) {
        DashboardFilter filter = data.filter(level, province, site, from, to);
        List<IndicatorDefinition> definitions = data.definitions();
        byte[] body = DashboardExports.csv(data.rows(filter, definitions, ui), definitions, groupLabel(filter, ui), ui);
        return download(body, new MediaType("text", "csv", StandardCharsets.UTF_8), filter, "csv");
    }

    @GetMapping("/workshop/dashboard.xlsx")
    @PreAuthorize(WorkshopRoles.CASE_READ_EXPRESSION)
    ResponseEntity<byte[]> xlsx(
            @RequestParam(value = "level", required = false) String level,
            @RequestParam(value = "province", required = false) String province,
            @RequestParam(value = "site", required = false) Long site,
            @RequestParam(value = "from", required = false) YearMonth from,
            @RequestParam(value = "to", required = false) YearMonth to,
            Ui ui) {
        DashboardFilter filter = data.filter(level, province, site, from, to);
        List<IndicatorDefinition> definitions = data.definitions();
        byte[] body =
                DashboardExports.xlsx(data.rows(filter, definitions, ui), definitions, groupLabel(filter, ui), ui);
        return download(body, XLSX, filter, "xlsx");
    }

    /** The one-page report of a month for the chosen sites (all of them, a province's or one site). */
    @GetMapping("/workshop/dashboard/report.pdf")
    @PreAuthorize(WorkshopRoles.CASE_READ_EXPRESSION)
    ResponseEntity<byte[]> report(
            @RequestParam(value = "month", required = false) YearMonth month,
            @RequestParam(value = "province", required = false) String province,
            @RequestParam(value = "site", required = false) Long site,
            Ui ui) {
        YearMonth chosen = month == null ? YearMonth.now(clock).minusMonths(1) : month;
        if (chosen.isAfter(YearMonth.now(clock))) {
            throw BusinessException.invalid("month", "workshop.payout.futurePeriod");
        }
        DashboardFilter filter = data.filter("site", province, site, chosen, chosen);
        if (site != null && filter.chosen().isEmpty()) {
            throw BusinessException.notFound("workshop.siteNotFound", site);
        }
        List<IndicatorDefinition> definitions = data.definitions();
        String scope = site != null
                ? filter.chosen().get(0).name()
                : filter.province() != null
                        ? data.provinceName(filter.province(), ui)
                        : ui.t("workshop.report.programme");
        List<DashboardRow> total = data.total(filter, definitions, scope);
        byte[] pdf = DashboardReport.pdf(
                scope,
                chosen,
                definitions,
                total.isEmpty() ? null : total.get(0),
                data.sitesOfMonth(filter, definitions, chosen),
                ui);
        audit.record(
                AuditRecord.of(AuditAction.EXPORT, "WorkshopDashboard", null).purpose("monthly-report"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("sw-peduli-report-" + chosen + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    private ResponseEntity<byte[]> download(byte[] body, MediaType type, DashboardFilter filter, String extension) {
        audit.record(
                AuditRecord.of(AuditAction.EXPORT, "WorkshopDashboard", null).purpose("indicators"));
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("sw-peduli-" + filter.from() + "-" + filter.to() + "." + extension)
                                .build()
                                .toString())
                .body(body);
    }

    private static String groupLabel(DashboardFilter filter, Ui ui) {
        return ui.t(filter.byProvince() ? "workshop.dashboard.province" : "workshop.site");
    }
}
