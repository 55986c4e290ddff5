package id.peduli.registry.search;

import id.peduli.platform.Ui;
import id.peduli.registry.PersonView;
import id.peduli.registry.RegistryRoles;
import id.peduli.registry.person.People;
import id.peduli.shared.BusinessException;
import id.peduli.shared.PageResult;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The fragments of the person picker ({@link PersonPicker}): the people matching what was typed, within the user's
 * units, and the card of the person chosen. A NIK arrives only in the POST body; lookups by NIK are counted and logged
 * as on the search page.
 */
@Controller
class PersonPickerController {

    static final int MAX_RESULTS = 8;

    private final SearchInput input;
    private final PersonLookups lookups;
    private final People people;

    PersonPickerController(SearchInput input, PersonLookups lookups, People people) {
        this.input = input;
        this.lookups = lookups;
        this.people = people;
    }

    @PostMapping("/people/picker/search")
    @PreAuthorize(RegistryRoles.READ_EXPRESSION)
    String search(
            @RequestParam(value = "personPickerQuery", required = false) String q,
            @RequestParam(value = "picker", required = false) String picker,
            Ui ui,
            Model model) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("picker", picker == null ? "" : picker.replaceAll("[^A-Za-z0-9_-]", ""));
        model.addAttribute("query", query);
        model.addAttribute("error", null);
        model.addAttribute("people", List.of());
        model.addAttribute("total", 0L);
        if (query.isEmpty()) {
            return "registry/person-picker-results";
        }
        try {
            SearchCriteria criteria = input.criteria(new PersonSearchForm(query, null, null, null, null, null), true);
            PageResult<PersonSummary> found = lookups.run(criteria, 0, MAX_RESULTS);
            model.addAttribute("people", found.items());
            model.addAttribute("total", found.total());
        } catch (BusinessException e) {
            var errors = ui.errors(e);
            model.addAttribute(
                    "error",
                    errors.fields().isEmpty()
                            ? String.join(" ", errors.global())
                            : errors.fields().values().iterator().next());
        }
        return "registry/person-picker-results";
    }

    /** The card of a chosen person; outside the user's units "not found", exactly as a missing id. */
    @GetMapping("/people/picker/chosen/{id}")
    @PreAuthorize(RegistryRoles.READ_EXPRESSION)
    String chosen(@PathVariable long id, Model model) {
        people.requireScope(id, RegistryRoles.READ);
        PersonView person = people.find(id).orElseThrow();
        model.addAttribute("person", person);
        return "registry/person-picker-chosen";
    }
}
