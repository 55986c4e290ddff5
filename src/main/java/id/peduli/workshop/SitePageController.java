package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/** Workshop site pages: the list, one site with its profile, mentors, trainings, participants, rules and payouts. */
@Controller
class SitePageController {

    private final Sites sites;
    private final Products products;
    private final Participants participants;
    private final Payouts payouts;
    private final Access access;
    private final Validator validator;
    private final Clock clock;
    private final Placements placements;

    SitePageController(
            Sites sites,
            Products products,
            Participants participants,
            Payouts payouts,
            Access access,
            Validator validator,
            Clock clock,
            Placements placements) {
        this.placements = placements;
        this.sites = sites;
        this.products = products;
        this.participants = participants;
        this.payouts = payouts;
        this.access = access;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/workshop/sites")
    @PreAuthorize(WorkshopRoles.READ_EXPRESSION)
    String list(Model model) {
        model.addAttribute("sites", sites.visible(WorkshopRoles.READ));
        model.addAttribute(
                "canRegister", !sites.candidates(WorkshopRoles.MANAGE).isEmpty());
        return "workshop/sites";
    }

    @GetMapping("/workshop/sites/new")
    @PreAuthorize(WorkshopRoles.MANAGE_EXPRESSION)
    String registerForm(Model model) {
        model.addAttribute("candidates", sites.candidates(WorkshopRoles.MANAGE));
        model.addAttribute("errors", FormErrors.none());
        return "workshop/site-new";
    }

    @PostMapping("/workshop/sites")
    @PreAuthorize(WorkshopRoles.MANAGE_EXPRESSION + " and (#siteId == null or @workshopScope.unit(#siteId, "
            + "'PROGRAM_MANAGER'))")
    String register(
            @RequestParam(value = "siteId", required = false) Long siteId,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            if (siteId == null) {
                throw BusinessException.invalid("siteId", "validation.required");
            }
            SiteView site = sites.register(siteId, SiteCommand.empty());
            Flash.success(redirect, ui.t("workshop.siteRegistered", site.name()));
            return "redirect:/workshop/sites/" + site.id() + "/edit";
        } catch (BusinessException e) {
            response.setStatus(e.status() == 404 ? 404 : 422);
            model.addAttribute("candidates", sites.candidates(WorkshopRoles.MANAGE));
            model.addAttribute("errors", ui.errors(e));
            return "workshop/site-new";
        }
    }

    @GetMapping("/workshop/sites/{id}")
    @PreAuthorize(WorkshopRoles.SITE_READ_EXPRESSION)
    String site(@PathVariable long id, Model model) {
        SiteView site = sites.get(id);
        LocalDate today = LocalDate.now(clock);
        boolean caseRead = access.covers(id, WorkshopRoles.CASE_READ);
        boolean manage = access.covers(id, WorkshopRoles.MANAGE);
        model.addAttribute("site", site);
        model.addAttribute("mentors", sites.mentors(id));
        model.addAttribute("trainings", sites.trainings(id));
        model.addAttribute("participants", caseRead ? participants.activeAt(id, today) : List.of());
        model.addAttribute("products", products.ofCentre(site.centreId()));
        model.addAttribute("rules", caseRead ? payouts.rules(id) : List.of());
        model.addAttribute("runs", caseRead ? payouts.runs(id) : List.of());
        model.addAttribute("caseRead", caseRead);
        model.addAttribute("placements", caseRead ? placements.ofSite(id) : List.of());
        model.addAttribute("today", today);
        model.addAttribute("manage", manage);
        model.addAttribute("record", access.covers(id, WorkshopRoles.RECORD));
        model.addAttribute("lastMonth", YearMonth.now(clock).minusMonths(1));
        model.addAttribute("nextMonth", YearMonth.now(clock).plusMonths(1));
        model.addAttribute("errors", FormErrors.none());
        return "workshop/site";
    }

    @GetMapping("/workshop/sites/{id}/edit")
    @PreAuthorize(WorkshopRoles.SITE_MANAGE_EXPRESSION)
    String edit(@PathVariable long id, Model model) {
        SiteView site = sites.get(id);
        model.addAttribute("site", site);
        model.addAttribute("form", SiteCommand.of(site));
        model.addAttribute("errors", FormErrors.none());
        return "workshop/site-edit";
    }

    @PostMapping("/workshop/sites/{id}")
    @PreAuthorize(WorkshopRoles.SITE_MANAGE_EXPRESSION)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") SiteCommand form,
            @RequestParam(value = "version", required = false) Integer version,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        SiteView site = sites.get(id);
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (!errors.any()) {
            try {
                sites.update(id, version == null ? -1 : version, form);
                Flash.success(redirect, ui.t("workshop.siteSaved"));
                return "redirect:/workshop/sites/" + id;
            } catch (BusinessException e) {
                errors = ui.errors(e);
            } catch (OptimisticLockingFailureException e) {
                errors = ui.errors(BusinessException.conflict(null, "error.staleVersion"));
            }
        }
        response.setStatus(422);
        model.addAttribute("site", site);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "workshop/site-edit";
    }

    @PostMapping("/workshop/sites/{id}/mentors")
    @PreAuthorize(WorkshopRoles.SITE_MANAGE_EXPRESSION)
    String addMentor(@PathVariable long id, @ModelAttribute MentorCommand form, Ui ui, RedirectAttributes redirect) {
        sites.get(id);
        return act(ui, redirect, id, FormErrors.of(validator.validate(form)), () -> {
            MentorView mentor = sites.addMentor(id, form);
            return ui.t("workshop.mentorAdded", mentor.name());
        });
    }

    @PostMapping("/workshop/sites/{id}/trainings")
    @PreAuthorize(WorkshopRoles.SITE_MANAGE_EXPRESSION)
    String addTraining(
            @PathVariable long id, @ModelAttribute TrainingCommand form, Ui ui, RedirectAttributes redirect) {
        sites.get(id);
        return act(ui, redirect, id, FormErrors.of(validator.validate(form)), () -> {
            sites.addTraining(id, form);
            return ui.t("workshop.trainingRecorded");
        });
    }

    @PostMapping("/workshop/sites/{id}/rules")
    @PreAuthorize(WorkshopRoles.SITE_MANAGE_EXPRESSION)
    String setRule(
            @PathVariable long id,
            @RequestParam(value = "validFrom", required = false) YearMonth validFrom,
            @RequestParam(value = "kind", required = false) EarningsRule.Kind kind,
            @RequestParam(value = "fundPercent", required = false) Integer fundPercent,
            @RequestParam(value = "ratePerMinute", required = false) Long ratePerMinute,
            @RequestParam(value = "minDays", required = false) Integer minDays,
            @RequestParam Map<String, String> all,
            Ui ui,
            RedirectAttributes redirect) {
        SiteView site = sites.get(id);
        Map<Long, Long> rates = new HashMap<>();
        for (ProductView product : products.ofCentre(site.centreId())) {
            String value = all.get("rate_" + product.id());
            if (value != null && !value.isBlank()) {
                try {
                    rates.put(product.id(), Long.parseLong(value.trim()));
                } catch (NumberFormatException e) {
                    Flash.error(redirect, ui.t("workshop.rateRange"));
                    return "redirect:/workshop/sites/" + id;
                }
            }
        }
        EarningsRuleCommand command =
                new EarningsRuleCommand(validFrom, kind, fundPercent, ratePerMinute, minDays, rates);
        return act(ui, redirect, id, FormErrors.of(validator.validate(command)), () -> {
            payouts.setRule(id, command);
            return ui.t(
                    "workshop.ruleSaved",
                    ui.t("workshop.month." + validFrom.getMonthValue()) + " " + validFrom.getYear());
        });
    }

    @PostMapping("/workshop/sites/{id}/payouts")
    @PreAuthorize(WorkshopRoles.SITE_MANAGE_EXPRESSION)
    String compute(
            @PathVariable long id,
            @RequestParam(value = "period", required = false) YearMonth period,
            Ui ui,
            RedirectAttributes redirect) {
        sites.get(id);
        if (period == null) {
            Flash.error(redirect, ui.t("validation.required"));
            return "redirect:/workshop/sites/" + id;
        }
        try {
            PayoutRunView run = payouts.compute(id, period);
            Flash.success(redirect, ui.t("workshop.payout.computed"));
            return "redirect:/workshop/payouts/" + run.id();
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
            return "redirect:/workshop/sites/" + id;
        }
    }

    private String act(Ui ui, RedirectAttributes redirect, long id, FormErrors errors, Action action) {
        if (errors.any()) {
            List<String> texts = new java.util.ArrayList<>(errors.global());
            errors.fields().forEach((field, text) -> texts.add(ui.t("workshop.field." + field) + ": " + text));
            Flash.error(redirect, String.join(" ", texts));
            return "redirect:/workshop/sites/" + id;
        }
        try {
            Flash.success(redirect, action.run());
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/workshop/sites/" + id;
    }

    @FunctionalInterface
    private interface Action {
        String run();
    }
}
