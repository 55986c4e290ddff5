package id.peduli.innovation.award;

import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;
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
 * S9 follow-up page of one replication: where it stands, its reported results and history, the proposals that name
 * its source; the replicating unit's operators and verifiers and the secretariat change its status and report
 * results.
 */
@Controller
class ReplicationPageController {

    static final String ROLES = "hasAnyRole('UNIT_OPERATOR', 'AGENCY_VERIFIER', 'SECRETARIAT')";

    private final ReplicationFollowUps followUps;

    ReplicationPageController(ReplicationFollowUps followUps) {
        this.followUps = followUps;
    }

    @GetMapping("/innovation/replications/{id}")
    @PreAuthorize(ROLES)
    String show(@PathVariable long id, Model model) {
        return page(id, model, FormErrors.none(), null, null);
    }

    @PostMapping("/innovation/replications/{id}/status")
    @PreAuthorize(ROLES)
    String changeStatus(
            @PathVariable long id,
            @RequestParam(value = "status", required = false) Replications.Status status,
            @RequestParam(value = "note", required = false) String note,
            @RequestParam(value = "version", required = false) Integer version,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var change = new ReplicationFollowUps.StatusChange(status, note, version);
        return act(id, ui, model, response, redirect, change, null, () -> followUps.changeStatus(id, change));
    }

    @PostMapping("/innovation/replications/{id}/results")
    @PreAuthorize(ROLES)
    String addResult(
            @PathVariable long id,
            @RequestParam(value = "reportedOn", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate reportedOn,
            @RequestParam(value = "text", required = false) String text,
            @RequestParam(value = "figure", required = false) BigDecimal figure,
            @RequestParam(value = "figureLabel", required = false) String figureLabel,
            @RequestParam(value = "version", required = false) Integer version,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var result = new ReplicationFollowUps.Result(reportedOn, text, figure, figureLabel, version);
        return act(id, ui, model, response, redirect, null, result, () -> followUps.addResult(id, result));
    }

    private String act(
            long id,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            ReplicationFollowUps.StatusChange change,
            ReplicationFollowUps.Result result,
            Supplier<ReplicationFollowUps.Detail> action) {
        try {
            action.get();
            Flash.success(redirect, ui.t("innovation.replication.updated"));
            return "redirect:/innovation/replications/" + id;
        } catch (BusinessException e) {
            if (e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            return page(id, model, ui.errors(e), change, result);
        }
    }

    private String page(
            long id,
            Model model,
            FormErrors errors,
            ReplicationFollowUps.StatusChange change,
            ReplicationFollowUps.Result result) {
        ReplicationFollowUps.Detail detail = followUps.detail(id);
        model.addAttribute("detail", detail);
        model.addAttribute("errors", errors);
        // what was typed stays; the version is the one just read, so the form applies to what the page shows
        int version = detail.replication().version();
        model.addAttribute(
                "change",
                change == null
                        ? new ReplicationFollowUps.StatusChange(null, "", version)
                        : new ReplicationFollowUps.StatusChange(change.status(), change.note(), version));
        model.addAttribute(
                "result",
                result == null
                        ? new ReplicationFollowUps.Result(null, "", null, "", version)
                        : new ReplicationFollowUps.Result(
                                result.reportedOn(), result.text(), result.figure(), result.figureLabel(), version));
        return "innovation/replication";
    }
}
