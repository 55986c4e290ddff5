package id.peduli.innovation.evaluation;

import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.Periods;
import id.peduli.platform.Flash;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's assignment page of a period: the evaluators with their loads and caps, the proposals waiting for
 * an evaluator, the automatic run, the second evaluators near the pass mark, and withdrawing an assignment.
 */
@Controller
class AssignmentPageController {

    private final Periods periods;
    private final AutoAssignments assignments;
    private final Evaluations evaluations;

    AssignmentPageController(Periods periods, AutoAssignments assignments, Evaluations evaluations) {
        this.periods = periods;
        this.assignments = assignments;
        this.evaluations = evaluations;
    }

    @GetMapping("/innovation/periods/{id}/assignments")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String page(@PathVariable long id, Model model) {
        return page(periods.get(id), assignments.overview(id), model);
    }

    private String page(Period period, AssignmentOverview overview, Model model) {
        model.addAttribute("period", period);
        model.addAttribute("overview", overview);
        return "innovation/assignments";
    }

    /** Runs the assignment and answers with a redirect, so that reloading the page does not run it again. */
    @PostMapping("/innovation/periods/{id}/assignments/auto")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String autoAssign(
            @PathVariable long id,
            @RequestParam(value = "avoidSameProvince", defaultValue = "false") boolean avoidSameProvince,
            Ui ui,
            RedirectAttributes redirect) {
        periods.get(id);
        AssignmentOverview result = assignments.run(id, avoidSameProvince);
        Flash.success(
                redirect,
                ui.t(
                        "innovation.assignment.ran",
                        result.assigned(),
                        result.unassigned().size()));
        return "redirect:/innovation/periods/" + id + "/assignments";
    }

    @PostMapping("/innovation/periods/{id}/assignments/second")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String secondEvaluators(
            @PathVariable long id,
            @RequestParam(value = "avoidSameProvince", defaultValue = "false") boolean avoidSameProvince,
            Ui ui,
            RedirectAttributes redirect) {
        periods.get(id);
        AssignmentOverview result = assignments.secondEvaluators(id, avoidSameProvince);
        Flash.success(
                redirect,
                ui.t(
                        "innovation.assignment.secondRan",
                        result.assigned(),
                        result.unassigned().size()));
        return "redirect:/innovation/periods/" + id + "/assignments";
    }

    @PostMapping("/innovation/assignments/{id}/withdraw")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String withdraw(@PathVariable long id, Ui ui, RedirectAttributes redirect) {
        AssignmentView assignment = evaluations.get(id);
        try {
            evaluations.unassign(id);
            Flash.success(redirect, ui.t("innovation.assignment.withdrawn"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/innovation/proposals/" + assignment.proposalId();
    }
}
