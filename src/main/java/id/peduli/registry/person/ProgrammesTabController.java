package id.peduli.registry.person;

import id.peduli.registry.ProgramEnrolments;
import id.peduli.registry.RegistryRoles;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The programmes tab of a profile, loaded by the profile with htmx: the enrolments every {@link ProgramEnrolments}
 * bean reports. A module with richer content contributes its own {@link ProfileTab} instead.
 */
@Controller
class ProgrammesTabController {

    private final List<ProgramEnrolments> programmes;

    ProgrammesTabController(List<ProgramEnrolments> programmes) {
        this.programmes = programmes;
    }

    @GetMapping("/people/{id}/programmes")
    @PreAuthorize(RegistryRoles.READ_EXPRESSION + " and @registryScope.person(#id)")
    String programmes(@PathVariable long id, Model model) {
        model.addAttribute(
                "enrolments",
                programmes.stream().flatMap(p -> p.enrolmentsOf(id).stream()).toList());
        return "registry/programmes-tab";
    }
}
