package id.peduli.innovation.evaluation;

import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.period.Periods;
import id.peduli.platform.Flash;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretariat's page of a period's evaluators with their loads and caps, each cap editable. */
@Controller
class EvaluatorCapsPageController {

    private final Periods periods;
    private final EvaluatorCaps caps;

    EvaluatorCapsPageController(Periods periods, EvaluatorCaps caps) {
        this.periods = periods;
        this.caps = caps;
    }

    @GetMapping("/innovation/periods/{id}/evaluator-caps")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String page(@PathVariable long id, Model model) {
        return page(id, model, null, null, null);
    }

    @PostMapping("/innovation/periods/{id}/evaluator-caps/{userId}")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String set(
            @PathVariable long id,
            @PathVariable long userId,
            @RequestParam(value = "cap", required = false) String cap,
            @RequestParam(value = "version", required = false) Integer version,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            EvaluatorCap saved = caps.set(id, userId, parse(cap), version);
            Flash.success(redirect, ui.t("innovation.cap.saved", saved.fullName(), saved.cap()));
            return "redirect:/innovation/periods/" + id + "/evaluator-caps";
        } catch (BusinessException e) {
            if (e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            return page(id, model, userId, ui.t(e.messageKey(), e.args()), cap);
        }
    }

    private String page(long id, Model model, Long errorUser, String error, String typed) {
        model.addAttribute("period", periods.get(id));
        model.addAttribute("caps", caps.list(id));
        model.addAttribute("errorUser", errorUser);
        model.addAttribute("error", error);
        model.addAttribute("typed", typed);
        return "innovation/evaluator-caps";
    }

    private static Integer parse(String cap) {
        if (cap == null || cap.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(cap.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
