package id.peduli.innovation.period;

import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.award.Panel;
import id.peduli.innovation.proposal.Proposals;
import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * S0 pages of the secretariat: the competition periods, their set-up (also copied from the previous year) and the
 * announcement of the administrative selection.
 */
@Controller
class PeriodPageController {

    private final Periods periods;
    private final Panel panel;
    private final Proposals proposals;

    PeriodPageController(Periods periods, Panel panel, Proposals proposals) {
        this.periods = periods;
        this.panel = panel;
        this.proposals = proposals;
    }

    @GetMapping("/innovation/periods")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String periods(Model model) {
        model.addAttribute("periods", periods.list());
        return "innovation/periods";
    }

    @GetMapping("/innovation/periods/new")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String newPeriod(Model model) {
        return periodForm(model, PeriodForm.defaults(proposals.today().getYear() + 1), FormErrors.none(), null);
    }

    @PostMapping("/innovation/periods")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String createPeriod(
            @ModelAttribute("form") PeriodForm sent,
            HttpServletRequest request,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PeriodForm form = PeriodRows.fromRows(sent, request.getParameterMap());
        try {
            Period created = periods.create(form);
            Flash.success(redirect, ui.t("innovation.period.saved", created.year()));
            return "redirect:/innovation/periods";
        } catch (BusinessException e) {
            response.setStatus(e.status());
            return periodForm(model, form, ui.errors(e), null);
        }
    }

    @GetMapping("/innovation/periods/{id}")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String editPeriod(@PathVariable long id, Model model) {
        Period period = periods.get(id);
        return periodForm(model, PeriodForm.of(period), FormErrors.none(), period);
    }

    @PostMapping("/innovation/periods/{id}")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String updatePeriod(
            @PathVariable long id,
            @ModelAttribute("form") PeriodForm sent,
            HttpServletRequest request,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Period period = periods.get(id);
        PeriodForm form = PeriodRows.fromRows(sent, request.getParameterMap());
        try {
            periods.update(id, form);
            Flash.success(redirect, ui.t("innovation.period.saved", form.year()));
            return "redirect:/innovation/periods";
        } catch (BusinessException e) {
            response.setStatus(e.status());
            return periodForm(model, form, ui.errors(e), period);
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(409);
            return periodForm(model, form, ui.errors(BusinessException.conflict(null, "error.staleVersion")), period);
        }
    }

    @PostMapping("/innovation/periods/{id}/copy")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String copyPeriod(
            @PathVariable long id,
            @RequestParam(value = "year", required = false) Integer year,
            Ui ui,
            RedirectAttributes redirect) {
        Period source = periods.get(id);
        if (year == null) {
            throw BusinessException.invalid("year", "validation.required");
        }
        Period copy = periods.copy(id, year);
        Flash.success(redirect, ui.t("innovation.period.copied", source.year(), copy.year()));
        return "redirect:/innovation/periods/" + copy.id();
    }

    private String periodForm(Model model, PeriodForm form, FormErrors errors, Period period) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("period", period);
        return "innovation/period-form";
    }

    @PostMapping("/innovation/periods/{id}/announce")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String announce(
            @PathVariable long id,
            @RequestParam(value = "number", required = false) String number,
            @RequestParam(value = "issuedOn", required = false) LocalDate issuedOn,
            Ui ui,
            RedirectAttributes redirect) {
        periods.get(id);
        try {
            panel.announceScreening(id, number, issuedOn);
            Flash.success(redirect, ui.t("innovation.announced", number));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/innovation/periods/" + id + "/ranking";
    }
}
