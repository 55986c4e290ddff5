package id.peduli.innovation.award;

import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.proposal.Proposals;
import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * S9 pages: the public catalogue of winning innovations with search (no sign-in), one innovation of it with its
 * replications, and the replication register of operators and verifiers.
 */
@Controller
class InnovationCatalogueController {

    static final int PAGE = 200;

    private final Catalogue catalogue;
    private final Replications replications;
    private final Proposals proposals;

    InnovationCatalogueController(Catalogue catalogue, Replications replications, Proposals proposals) {
        this.catalogue = catalogue;
        this.replications = replications;
        this.proposals = proposals;
    }

    @GetMapping("/public/innovation/catalogue")
    String catalogue(
            @RequestParam(value = "q", required = false) String query,
            @RequestParam(value = "year", required = false) Integer year,
            Model model) {
        String q = query == null ? "" : query.strip();
        model.addAttribute("q", q.length() > 200 ? q.substring(0, 200) : q);
        model.addAttribute("year", year);
        model.addAttribute("years", catalogue.years());
        model.addAttribute("entries", catalogue.search(q, year, PAGE));
        return "innovation/catalogue";
    }

    @GetMapping("/public/innovation/catalogue/{innovationId}")
    String entry(@PathVariable long innovationId, Model model) {
        model.addAttribute("entry", catalogue.entry(innovationId));
        model.addAttribute("replications", catalogue.replications(innovationId));
        return "innovation/catalogue-entry";
    }

    @GetMapping("/innovation/replications")
    @PreAuthorize(ReplicationPageController.ROLES)
    String register(@RequestParam(value = "source", required = false) Long source, Model model) {
        return page(model, FormErrors.none(), new Replications.Form(source, null, null, "", null, ""));
    }

    @PostMapping("/innovation/replications")
    @PreAuthorize(InnovationRoles.OPERATOR_EXPRESSION)
    String registerReplication(
            @RequestParam(value = "sourceInnovationId", required = false) Long source,
            @RequestParam(value = "adopterUnitId", required = false) Long unit,
            @RequestParam(value = "startedOn", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate startedOn,
            @RequestParam(value = "adaptation", required = false) String adaptation,
            @RequestParam(value = "status", required = false) Replications.Status status,
            @RequestParam(value = "results", required = false) String results,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Replications.Form form = new Replications.Form(source, unit, startedOn, adaptation, status, results);
        try {
            replications.register(form);
            Flash.success(redirect, ui.t("innovation.replication.saved"));
            return "redirect:/innovation/replications";
        } catch (BusinessException e) {
            response.setStatus(e.status());
            return page(model, ui.errors(e), form);
        }
    }

    private String page(Model model, FormErrors errors, Replications.Form form) {
        model.addAttribute("replications", replications.visible());
        model.addAttribute("units", proposals.operatorUnits());
        model.addAttribute("sources", catalogue.search("", null, 1000));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "innovation/replications";
    }
}
