package id.peduli.innovation.evaluation;

import id.peduli.access.Access;
import id.peduli.innovation.InnovationRoles;
import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * S4 pages of the evaluator: the assigned proposals, the score sheet and the declaration of a conflict of interest.
 */
@Controller
class ScoreSheetPageController {

    private final Evaluations evaluations;

    private final Access access;

    ScoreSheetPageController(Evaluations evaluations, Access access) {
        this.evaluations = evaluations;
        this.access = access;
    }

    private long me() {
        return access.currentUser().orElseThrow().userId();
    }

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
}
