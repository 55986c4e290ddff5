package id.peduli.registry.person;

import id.peduli.access.Access;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.registry.ConsentCommand;
import id.peduli.registry.PersonPicker;
import id.peduli.registry.PersonView;
import id.peduli.registry.ProfileTab;
import id.peduli.registry.RegistryRoles;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registering, viewing and editing a person, with the tabs of the profile (the registry's and the modules', see
 * {@link ProfileTab}), consent, photo and merge actions (the household forms: {@link HouseholdPageController}). Reading needs a registry role for the person's
 * unit, changing needs a writing role for it, merging a programme manager's role for both records' units.
 */
@Controller
class PersonPageController {

    private final People people;
    private final Consents consents;
    private final Photos photos;
    private final Merges merges;
    private final Organizations organizations;
    private final Access access;
    private final ProfilePage profile;
    private final Validator validator;

    PersonPageController(
            People people,
            Consents consents,
            Photos photos,
            Merges merges,
            Organizations organizations,
            Access access,
            ProfilePage profile,
            Validator validator) {
        this.people = people;
        this.consents = consents;
        this.photos = photos;
        this.merges = merges;
        this.organizations = organizations;
        this.access = access;
        this.profile = profile;
        this.validator = validator;
    }

    @GetMapping("/people/new")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    String newForm(@RequestParam(value = "returnTo", required = false) String returnTo, Model model) {
        List<OrgUnit> units = writableUnits();
        PersonForm form = PersonForm.empty(units.isEmpty() ? null : units.get(0).id());
        model.addAttribute("returnTo", PersonPicker.safeReturn(returnTo) ? returnTo : null);
        return form(model, form, FormErrors.none(), List.of(), null);
    }

    @PostMapping("/people")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    String register(
            @ModelAttribute("form") PersonForm form,
            @RequestParam(value = "returnTo", required = false) String returnTo,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean returns = PersonPicker.safeReturn(returnTo);
        model.addAttribute("returnTo", returns ? returnTo : null);
        PersonCommand command = form.command();
        FormErrors errors = FormErrors.of(validator.validate(command));
        List<DuplicateCandidate> candidates = List.of();
        int status = 422;
        if (!errors.any()) {
            try {
                PersonView person = people.register(command);
                Flash.success(redirect, ui.t("person.registered", person.fullName()));
                // Registered from a person picker: back to the page that asked, with the new person chosen.
                return "redirect:"
                        + (returns ? PersonPicker.returning(returnTo, person.id()) : "/people/" + person.id());
            } catch (People.NeedsConfirmation e) {
                errors = ui.errors(e);
                candidates = e.candidates();
            } catch (BusinessException e) {
                errors = ui.errors(e);
                status = e.status() == 429 ? 429 : 422;
            }
        }
        response.setStatus(status);
        return form(model, form, errors, candidates, null);
    }

    @GetMapping("/people/{id}")
    @PreAuthorize(RegistryRoles.READ_EXPRESSION)
    String profile(
            @PathVariable long id,
            @RequestParam(value = "tab", defaultValue = "details") String tab,
            @RequestParam(value = "purpose", defaultValue = "SERVICE_DELIVERY") String purpose,
            @RequestParam(value = PersonPicker.PICKED, required = false) Long picked,
            Ui ui,
            Model model) {
        return profile.render(id, tab, purpose, picked, ui, model);
    }

    @GetMapping("/people/{id}/edit")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    String editForm(
            @PathVariable long id,
            @RequestParam(value = PersonPicker.PICKED, required = false) Long picked,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        PersonView person = people.view(id);
        requireWrite(person);
        if (person.mergedInto() != null) {
            Flash.error(redirect, ui.t("person.mergedNoEdit", String.valueOf(person.mergedInto())));
            return "redirect:/people/" + id;
        }
        // The form shows the whole record, with the full NIK for some roles: a view like opening the profile.
        people.logView(person, "EDIT_FORM");
        PersonForm form = PersonForm.of(person);
        // Coming back from registering the guardian on the spot: that person is the chosen guardian.
        return form(model, picked == null ? form : form.withGuardian(picked), FormErrors.none(), List.of(), person);
    }

    @PostMapping("/people/{id}")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") PersonForm form,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PersonView person = people.view(id);
        requireWrite(person);
        if (person.mergedInto() != null) {
            Flash.error(redirect, ui.t("person.mergedNoEdit", String.valueOf(person.mergedInto())));
            return "redirect:/people/" + id;
        }
        PersonCommand command = form.command();
        FormErrors errors = FormErrors.of(validator.validate(command));
        List<DuplicateCandidate> candidates = List.of();
        int status = 422;
        if (!errors.any()) {
            try {
                people.update(id, form.version() == null ? -1 : form.version(), command);
                Flash.success(redirect, ui.t("person.saved"));
                return "redirect:/people/" + id;
            } catch (People.NeedsConfirmation e) {
                errors = ui.errors(e);
                candidates = e.candidates();
            } catch (BusinessException e) {
                errors = ui.errors(e);
                status = e.status() == 429 ? 429 : 422;
            } catch (OptimisticLockingFailureException e) {
                errors = ui.errors(BusinessException.conflict(null, "error.staleVersion"));
            }
        }
        response.setStatus(status);
        return form(model, form, errors, candidates, person);
    }

    @PostMapping("/people/{id}/consents")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    String recordConsent(
            @PathVariable long id,
            @RequestParam(value = "purpose", required = false) String purpose,
            @RequestParam(value = "basis", required = false) ConsentCommand.LawfulBasis basis,
            @RequestParam(value = "givenBy", required = false) ConsentCommand.ConsentGiver givenBy,
            @RequestParam(value = "method", required = false) ConsentCommand.ConsentMethod method,
            @RequestParam(value = "noticeVersion", required = false) String noticeVersion,
            @RequestParam(value = "givenOn", required = false) LocalDate givenOn,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        scope(id);
        ConsentCommand command = new ConsentCommand(purpose, basis, givenBy, method, noticeVersion, givenOn);
        FormErrors errors = FormErrors.of(validator.validate(command));
        if (!errors.any()) {
            try {
                consents.record(id, command);
                Flash.success(redirect, ui.t("consent.recorded"));
                return "redirect:/people/" + id + "?tab=consent";
            } catch (BusinessException e) {
                errors = ui.errors(e);
            }
        }
        // Refused: the tab again with everything typed kept and what to fix listed above the form.
        response.setStatus(422);
        model.addAttribute("consentErrors", errors);
        model.addAttribute(
                "consentForm", new ConsentFormValues(purpose, basis, givenBy, method, noticeVersion, givenOn));
        return profile.render(id, "consent", "SERVICE_DELIVERY", null, ui, model);
    }

    @PostMapping("/people/{id}/consents/{consentId}/withdraw")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    String withdrawConsent(
            @PathVariable long id,
            @PathVariable long consentId,
            @RequestParam(value = "reason", required = false) String reason,
            Ui ui,
            RedirectAttributes redirect) {
        scope(id);
        try {
            consents.withdraw(id, consentId, null, reason);
            Flash.success(redirect, ui.t("consent.withdrawn"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/people/" + id + "?tab=consent";
    }

    @PostMapping("/people/{id}/photo")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    String uploadPhoto(
            @PathVariable long id,
            @RequestParam(value = "photo", required = false) MultipartFile file,
            Ui ui,
            RedirectAttributes redirect)
            throws IOException {
        scope(id);
        try {
            photos.store(id, file == null ? null : file.getInputStream());
            Flash.success(redirect, ui.t("photo.saved"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/people/" + id;
    }

    @GetMapping("/people/{id}/photo")
    @PreAuthorize(RegistryRoles.READ_EXPRESSION)
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        long unit = people.requireScope(id, RegistryRoles.READ);
        return photos.load(id)
                .map(p -> {
                    people.logPhotoView(id, unit);
                    return ResponseEntity.ok()
                            .contentType(MediaType.parseMediaType(p.contentType()))
                            .cacheControl(CacheControl.noStore())
                            .body(p.data());
                })
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/people/merge")
    @PreAuthorize(RegistryRoles.MERGE_EXPRESSION)
    String mergeForm(
            @RequestParam("survivor") long survivorId,
            @RequestParam(value = "other", required = false) Long otherId,
            Model model) {
        // Scope of both records first: one outside it is "not found", exactly as a missing number.
        merges.requireMergeable(survivorId, otherId);
        PersonView survivor = people.view(survivorId);
        PersonView other = otherId == null ? null : people.view(otherId);
        model.addAttribute("survivor", survivor);
        model.addAttribute("other", other);
        model.addAttribute("errors", FormErrors.none());
        return "registry/merge";
    }

    @PostMapping("/people/merge")
    @PreAuthorize(RegistryRoles.MERGE_EXPRESSION)
    String merge(
            @RequestParam("survivor") long survivorId,
            @RequestParam(value = "other", required = false) Long otherId,
            @RequestParam(value = "reason", required = false) String reason,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        // Scope of both records before the reason or anything else is looked at; a refusal here is the error page
        // a missing number gets, and shows nothing of either record.
        merges.requireMergeable(survivorId, otherId);
        try {
            if (otherId == null) {
                throw BusinessException.invalid("otherId", "merge.otherRequired");
            }
            merges.merge(survivorId, otherId, reason);
            Flash.success(redirect, ui.t("merge.done"));
            return "redirect:/people/" + survivorId + "?tab=history";
        } catch (BusinessException e) {
            if (e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("survivor", people.view(survivorId));
            model.addAttribute("other", otherId == null ? null : people.view(otherId));
            model.addAttribute("errors", ui.errors(e));
            return "registry/merge";
        }
    }

    private String form(
            Model model, PersonForm form, FormErrors errors, List<DuplicateCandidate> candidates, PersonView person) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("candidates", candidates);
        model.addAttribute("person", person);
        model.addAttribute("units", writableUnits());
        if (!model.containsAttribute("returnTo")) {
            model.addAttribute("returnTo", null);
        }
        return "registry/person-form";
    }

    private List<OrgUnit> writableUnits() {
        return organizations.visibleTo(RegistryRoles.WRITE);
    }

    /** Scope first: a person outside the user's units is "not found" (the error page), exactly as a missing one. */
    private void scope(long personId) {
        people.requireScope(personId, RegistryRoles.READ);
    }

    private void requireWrite(PersonView person) {
        if (!access.covers(person.orgUnitId(), RegistryRoles.WRITE)) {
            throw new BusinessException(403, null, "person.unitNotAllowed");
        }
    }
}
