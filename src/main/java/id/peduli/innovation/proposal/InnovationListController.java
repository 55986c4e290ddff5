package id.peduli.innovation.proposal;

import id.peduli.innovation.InnovationRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page listing the innovations of the caller's units with their proposals per year. */
@Controller
class InnovationListController {

    private final InnovationList innovations;

    InnovationListController(InnovationList innovations) {
        this.innovations = innovations;
    }

    @GetMapping("/innovation/innovations")
    @PreAuthorize(InnovationRoles.UNIT_EXPRESSION)
    String list(Model model) {
        model.addAttribute("items", innovations.visible());
        return "innovation/innovations";
    }
}
