package id.peduli.innovation;

import id.peduli.access.Access;
import id.peduli.innovation.award.Panel;
import id.peduli.innovation.evaluation.Evaluations;
import id.peduli.innovation.evaluation.PeriodScores;
import id.peduli.innovation.notification.Notifications;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.PeriodForm;
import id.peduli.innovation.period.PeriodRows;
import id.peduli.innovation.period.Periods;
import id.peduli.innovation.proposal.ProposalState;
import id.peduli.innovation.proposal.Proposals;
import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.HashMap;
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

/**
 * Period set-up (secretariat), the ranked list with the Top 99 proposal, objections and decrees (panel), the
 * evaluator's score sheets, the inbox, and the public objection page (no sign-in).
 */
@Controller
class CompetitionPageController {

    private final Periods periods;
    private final Panel panel;
    private final Evaluations evaluations;
    private final Notifications notifications;
    private final Proposals proposals;
    private final Access access;
    private final PeriodScores periodScores;

    CompetitionPageController(
            Periods periods,
            Panel panel,
            Evaluations evaluations,
            Notifications notifications,
            Proposals proposals,
            Access access,
            PeriodScores periodScores) {
        this.periodScores = periodScores;
        this.periods = periods;
        this.panel = panel;
        this.evaluations = evaluations;
        this.notifications = notifications;
        this.proposals = proposals;
        this.access = access;
    }

    // --------------------------------------------------------------------------------------------------- periods

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

    // ------------------------------------------------------------------------------------------ ranking, panel

    @GetMapping("/innovation/periods/{id}/ranking")
    @PreAuthorize(InnovationRoles.COMPETITION_EXPRESSION)
    String ranking(@PathVariable long id, Model model) {
        Period period = periods.get(id);
        model.addAttribute("period", period);
        model.addAttribute("ranking", panel.ranking(id, 2000));
        model.addAttribute("disagreements", periodScores.disagreements(id));
        model.addAttribute("announcements", panel.announcements(id));
        model.addAttribute("objections", panel.objections(id));
        model.addAttribute("windowOpen", panel.windowOpen(period, java.time.Instant.now()));
        model.addAttribute("submittedWaiting", panel.count(id, ProposalState.SUBMITTED));
        return "innovation/ranking";
    }

    @PostMapping("/innovation/periods/{id}/top99")
    @PreAuthorize(InnovationRoles.PANEL_EXPRESSION)
    String proposeTop(
            @PathVariable long id,
            @RequestParam(value = "justification", required = false) String justification,
            Ui ui,
            RedirectAttributes redirect) {
        periods.get(id);
        try {
            var unmet = panel.proposeTop(id, justification);
            Flash.success(
                    redirect,
                    ui.t(unmet.isEmpty() ? "innovation.top99.proposed" : "innovation.top99.proposedJustified"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/innovation/periods/" + id + "/ranking";
    }

    @PostMapping("/innovation/periods/{id}/decree")
    @PreAuthorize(InnovationRoles.PANEL_EXPRESSION)
    String decree(
            @PathVariable long id,
            @RequestParam(value = "kind", required = false) String kind,
            @RequestParam(value = "number", required = false) String number,
            @RequestParam(value = "issuedOn", required = false) LocalDate issuedOn,
            Ui ui,
            RedirectAttributes redirect) {
        periods.get(id);
        try {
            if ("WINNERS".equals(kind)) {
                panel.decreeWinners(id, number, issuedOn);
            } else {
                panel.decreeTop99(id, number, issuedOn);
            }
            Flash.success(redirect, ui.t("innovation.decreed", number));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/innovation/periods/" + id + "/ranking";
    }

    @PostMapping("/innovation/objections/{id}/answer")
    @PreAuthorize(InnovationRoles.PANEL_EXPRESSION)
    String answerObjection(
            @PathVariable long id,
            @RequestParam(value = "answer", required = false) String answer,
            Ui ui,
            RedirectAttributes redirect) {
        long proposalId = panel.proposalOfObjection(id)
                .orElseThrow(() -> BusinessException.notFound("innovation.objection.notFound", id));
        long periodId = proposals.view(proposalId).periodId();
        try {
            panel.answer(id, answer);
            Flash.success(redirect, ui.t("innovation.objection.answered"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/innovation/periods/" + periodId + "/ranking";
    }

    // ------------------------------------------------------------------------------------------------ evaluation

    @GetMapping("/innovation/evaluations")
    @PreAuthorize(InnovationRoles.EVALUATOR_EXPRESSION)
    String evaluations(Model model) {
        model.addAttribute("assignments", evaluations.assignedTo(me()));
        return "innovation/evaluations";
    }

    @GetMapping("/innovation/evaluations/{id}")
    @PreAuthorize(InnovationRoles.OWN_ASSIGNMENT_EXPRESSION)
    String sheet(@PathVariable long id, Model model) {
        model.addAttribute("sheet", evaluations.sheet(id));
        model.addAttribute("errors", FormErrors.none());
        return "innovation/evaluation";
    }

    @PostMapping("/innovation/evaluations/{id}")
    @PreAuthorize(InnovationRoles.OWN_ASSIGNMENT_EXPRESSION)
    String score(
            @PathVariable long id,
            @RequestParam Map<String, String> params,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, Integer> scores = new HashMap<>();
        Map<String, String> comments = new HashMap<>();
        try {
            params.forEach((key, value) -> {
                if (key.startsWith("score_") && value != null && !value.isBlank()) {
                    try {
                        scores.put(key.substring(6), Integer.parseInt(value.strip()));
                    } catch (NumberFormatException e) {
                        throw BusinessException.invalid(key, "innovation.score.outOfScale", 1, 10);
                    }
                } else if (key.startsWith("comment_")) {
                    comments.put(key.substring(8), value);
                }
            });
            evaluations.score(id, scores, comments);
            Flash.success(redirect, ui.t("innovation.scored"));
            return "redirect:/innovation/evaluations/" + id;
        } catch (BusinessException e) {
            response.setStatus(e.status());
            model.addAttribute("sheet", evaluations.sheet(id));
            model.addAttribute("errors", ui.errors(e));
            return "innovation/evaluation";
        }
    }

    @PostMapping("/innovation/evaluations/{id}/conflict")
    @PreAuthorize(InnovationRoles.OWN_ASSIGNMENT_EXPRESSION)
    String conflict(
            @PathVariable long id,
            @RequestParam(value = "reason", required = false) String reason,
            Ui ui,
            RedirectAttributes redirect) {
        try {
            evaluations.declareConflict(id, reason);
            Flash.success(redirect, ui.t("innovation.conflict.withdrawn"));
            return "redirect:/innovation/evaluations";
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/innovation/evaluations/" + id;
    }

    // ----------------------------------------------------------------------------------------------------- inbox

    @GetMapping("/innovation/inbox")
    @PreAuthorize(InnovationRoles.PARTICIPANT_EXPRESSION)
    String inbox(Model model) {
        model.addAttribute("messages", notifications.inbox(me(), 200));
        model.addAttribute("unread", notifications.unread(me()));
        return "innovation/inbox";
    }

    @PostMapping("/innovation/inbox/{id}/read")
    @PreAuthorize(InnovationRoles.PARTICIPANT_EXPRESSION)
    String read(@PathVariable long id) {
        if (!notifications.markRead(me(), id)) {
            throw BusinessException.notFound("innovation.notification.notFound", id);
        }
        return "redirect:/innovation/inbox";
    }

    @PostMapping("/innovation/inbox/read-all")
    @PreAuthorize(InnovationRoles.PARTICIPANT_EXPRESSION)
    String readAll() {
        notifications.markAllRead(me());
        return "redirect:/innovation/inbox";
    }

    private long me() {
        return access.currentUser().orElseThrow().userId();
    }

    // -------------------------------------------------------------------------------------------- public page

    @GetMapping("/public/innovation/objections")
    String publicObjections(Model model) {
        model.addAttribute("proposals", panel.openToObjection());
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("sent", false);
        return "innovation/objection-public";
    }

    @PostMapping("/public/innovation/objections")
    String fileObjection(
            @RequestParam(value = "proposalId", required = false) Long proposalId,
            @RequestParam(value = "name", required = false) String name,
            @RequestParam(value = "contact", required = false) String contact,
            @RequestParam(value = "text", required = false) String text,
            @RequestParam(value = "website", required = false) String website,
            HttpServletRequest request,
            HttpServletResponse response,
            Ui ui,
            Model model) {
        try {
            if (proposalId == null) {
                throw BusinessException.invalid("proposalId", "validation.required");
            }
            panel.fileObjection(proposalId, name, contact, text, website, request.getRemoteAddr());
            model.addAttribute("sent", true);
            model.addAttribute("errors", FormErrors.none());
        } catch (BusinessException e) {
            response.setStatus(e.status() == 404 ? 422 : e.status());
            model.addAttribute("sent", false);
            model.addAttribute(
                    "errors",
                    e.status() == 404
                            ? ui.errors(BusinessException.invalid("proposalId", "innovation.objection.closed"))
                            : ui.errors(e));
        }
        model.addAttribute("proposals", panel.openToObjection());
        return "innovation/objection-public";
    }
}
