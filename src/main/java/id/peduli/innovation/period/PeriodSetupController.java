package id.peduli.innovation.period;

import id.peduli.innovation.InnovationRoles;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rows of the period set-up page: an empty category, rubric aspect or quota floor row for the secretariat to
 * fill, added to the form through htmx. Each new row gets an index larger than any shown, so rows keep the order in
 * which they were added.
 */
@Controller
class PeriodSetupController {

    private final AtomicLong next = new AtomicLong(System.currentTimeMillis() * 1000);

    @GetMapping("/innovation/periods/row")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    String row(@RequestParam(value = "kind", defaultValue = "cat") String kind, Model model) {
        model.addAttribute(
                "kind",
                switch (kind) {
                    case "asp", "quota" -> kind;
                    default -> "cat";
                });
        model.addAttribute("index", next.incrementAndGet());
        return "innovation/period-row";
    }
}
