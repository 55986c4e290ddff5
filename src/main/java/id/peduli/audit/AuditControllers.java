package id.peduli.audit;

import id.peduli.platform.NavContributor;
import id.peduli.platform.NavItem;
import id.peduli.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The processing log viewer: AUDITOR and DPO only, each seeing the entries of the units their grant covers (national
 * grants see everything). Reading the log is itself logged, with the filters used.
 */
@Controller
@PreAuthorize(AuditRoles.READ_EXPRESSION)
class AuditPageController {

    private final AuditTrail trail;
    private final AuditLog log;
    private final List<AuditLabels> labels;

    AuditPageController(AuditTrail trail, AuditLog log, List<AuditLabels> labels) {
        this.trail = trail;
        this.log = log;
        this.labels = labels;
    }

    @GetMapping("/audit")
    String log(
            @RequestParam(value = "username", required = false) String username,
            @RequestParam(value = "action", required = false) String action,
            @RequestParam(value = "subjectType", required = false) String subjectType,
            @RequestParam(value = "subjectId", required = false) String subjectId,
            @RequestParam(value = "orgUnitId", required = false) Long orgUnitId,
            @RequestParam(value = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(value = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(value = "page", defaultValue = "0") int page,
            id.peduli.platform.Ui ui,
            Model model) {
        AuditFilter filter = new AuditFilter(username, action, subjectType, subjectId, orgUnitId, from, to);
        PageResult<AuditEntry> result = trail.search(filter, page, 50);
        log.record(AuditTrail.readRecord(filter, page));
        model.addAttribute("filter", filter);
        model.addAttribute("query", filter.query());
        model.addAttribute("result", result);
        model.addAttribute("actions", trail.actions());
        model.addAttribute("words", new AuditWords(ui, labels));
        return "audit/log";
    }
}

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize(AuditRoles.READ_EXPRESSION)
@Tag(name = "Audit log", description = "The append-only processing log (AUDITOR, DPO)")
class AuditApiController {

    private final AuditTrail trail;
    private final AuditLog log;

    AuditApiController(AuditTrail trail, AuditLog log) {
        this.trail = trail;
        this.log = log;
    }

    @GetMapping
    @Operation(
            summary = "Search the processing log, newest first",
            description = "Only entries of the units your AUDITOR or DPO grant covers (all for a national grant). "
                    + "The total is counted up to 10,000; totalExact is false beyond. Reading is itself logged.")
    PageResult<AuditEntry> search(
            @RequestParam(value = "username", required = false) String username,
            @RequestParam(value = "action", required = false) String action,
            @RequestParam(value = "subjectType", required = false) String subjectType,
            @RequestParam(value = "subjectId", required = false) String subjectId,
            @RequestParam(value = "orgUnitId", required = false) Long orgUnitId,
            @RequestParam(value = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(value = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(value = "page", defaultValue = "0") int page,
            @RequestParam(value = "size", defaultValue = "50") int size) {
        AuditFilter filter = new AuditFilter(username, action, subjectType, subjectId, orgUnitId, from, to);
        PageResult<AuditEntry> result = trail.search(filter, page, size);
        log.record(AuditTrail.readRecord(filter, page));
        return result;
    }
}

/**
 * The audit module's own subject: reading the log is itself logged. The log holds data about users (who did what,
 * from which address), so a refused attempt to read it is written like one on any other personal data.
 */
@Component
class AuditOwnLabels implements AuditLabels, PersonalDataEndpoints {

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("/audit/**", "AuditLog"), new Endpoint("/api/v1/audit/**", "AuditLog"));
    }

    @Override
    public List<String> subjectTypes() {
        return List.of("AuditLog");
    }

    /** The filters of a reading of the log: an action by its label, a subject type by its name. */
    @Override
    public java.util.Map<String, List<String>> valueKeyPrefixes() {
        return java.util.Map.of("action", List.of("audit.action."), "subjectType", List.of("audit.subject."));
    }
}

@Component
class AuditNavigation implements NavContributor {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("main", "nav.audit", "/audit", 700, Set.of("AUDITOR", "DPO")));
    }
}
