package id.peduli.innovation.award;

import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.evaluation.PeriodScores;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.Periods;
import id.peduli.innovation.proposal.ProposalState;
import id.peduli.innovation.proposal.Proposals;
import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * S5 pages: the ranked list with the Top 99 proposal, the decree and the answers to objections (panel), and the
 * public objection page (no sign-in).
 */
@Controller
class PanelPageController {

    private final Periods periods;
    private final Panel panel;
    private final Proposals proposals;
    private final PeriodScores periodScores;
    private final Clock clock;

    PanelPageController(Periods periods, Panel panel, Proposals proposals, PeriodScores periodScores, Clock clock) {
        this.periods = periods;
        this.panel = panel;
        this.proposals = proposals;
        this.periodScores = periodScores;
        this.clock = clock;
    }

    @GetMapping("/innovation/periods/{id}/ranking")
    @PreAuthorize(InnovationRoles.COMPETITION_EXPRESSION)
    String ranking(@PathVariable long id, Model model) {
        Period period = periods.get(id);
        model.addAttribute("period", period);
        model.addAttribute("ranking", panel.ranking(id, 2000));
        model.addAttribute("disagreements", periodScores.disagreements(id));
        model.addAttribute("announcements", panel.announcements(id));
        model.addAttribute("objections", panel.objections(id));
        model.addAttribute("windowOpen", panel.windowOpen(period, clock.instant()));
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
