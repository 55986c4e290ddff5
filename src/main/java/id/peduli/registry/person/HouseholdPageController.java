package id.peduli.registry.person;

import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.registry.RegistryRoles;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The household forms of the profile's household tab: start a household, add or remove a member, record a family
 * card (KK), set the welfare decile. Scope of the person and of the household first; a form refused on the server
 * shows the tab again with what was typed kept and what to fix listed above that form.
 */
@Controller
class HouseholdPageController {

    private final People people;
    private final Households households;
    private final ProfilePage profile;

    HouseholdPageController(People people, Households households, ProfilePage profile) {
        this.people = people;
        this.households = households;
        this.profile = profile;
    }

    @PostMapping("/people/{id}/household")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    String startHousehold(@PathVariable long id, Ui ui, RedirectAttributes redirect) {
        people.requireScope(id, RegistryRoles.READ);
        try {
            households.create(id);
            Flash.success(redirect, ui.t("household.created"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return tab(id);
    }

    @PostMapping("/people/{id}/household/{householdId}/members")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    String addMember(
            @PathVariable long id,
            @PathVariable long householdId,
            @RequestParam(value = "memberId", required = false) Long memberId,
            @RequestParam(value = "relationship", required = false) HouseholdView.Relationship relationship,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        scope(id, householdId);
        HouseholdFormValues typed = HouseholdFormValues.member(memberId, relationship);
        try {
            if (memberId == null) {
                throw BusinessException.invalid("memberId", "household.memberRequired");
            }
            households.addMember(householdId, memberId, relationship);
        } catch (BusinessException e) {
            return refused(id, typed, ui.errors(e), ui, model, response);
        }
        Flash.success(redirect, ui.t("household.memberAdded"));
        return tab(id);
    }

    @PostMapping("/people/{id}/household/{householdId}/members/{memberId}/remove")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    String removeMember(
            @PathVariable long id,
            @PathVariable long householdId,
            @PathVariable long memberId,
            Ui ui,
            RedirectAttributes redirect) {
        scope(id, householdId);
        households.removeMember(householdId, memberId);
        Flash.success(redirect, ui.t("household.memberRemoved"));
        return tab(id);
    }

    @PostMapping("/people/{id}/household/{householdId}/kk")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    String addFamilyCard(
            @PathVariable long id,
            @PathVariable long householdId,
            @RequestParam(value = "kk", required = false) String kk,
            @RequestParam(value = "validFrom", required = false) LocalDate validFrom,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        scope(id, householdId);
        try {
            households.addFamilyCard(householdId, kk, validFrom);
        } catch (BusinessException e) {
            HouseholdFormValues typed = HouseholdFormValues.familyCard(kk, validFrom);
            return refused(id, typed, ui.errors(e), ui, model, response);
        }
        Flash.success(redirect, ui.t("kk.recorded"));
        return tab(id);
    }

    @PostMapping("/people/{id}/household/{householdId}/decile")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    String setDecile(
            @PathVariable long id,
            @PathVariable long householdId,
            @RequestParam(value = "welfareDecile", required = false) Integer decile,
            @RequestParam(value = "decileCheckedOn", required = false) LocalDate checkedOn,
            @RequestParam(value = "version", defaultValue = "-1") int version,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        scope(id, householdId);
        HouseholdFormValues typed = HouseholdFormValues.decile(decile, checkedOn);
        try {
            households.setDecile(householdId, version, decile, checkedOn);
        } catch (BusinessException e) {
            return refused(id, typed, ui.errors(e), ui, model, response);
        } catch (OptimisticLockingFailureException e) {
            BusinessException stale = BusinessException.conflict(null, "error.staleVersion");
            return refused(id, typed, ui.errors(stale), ui, model, response);
        }
        Flash.success(redirect, ui.t("household.decileSaved"));
        return tab(id);
    }

    /** The household tab again (422, as the consent form), with the refused form's values and its errors. */
    private String refused(
            long id, HouseholdFormValues typed, FormErrors errors, Ui ui, Model model, HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("householdErrors", errors);
        model.addAttribute("householdForm", typed);
        return profile.render(id, "household", "SERVICE_DELIVERY", null, ui, model);
    }

    private static String tab(long personId) {
        return "redirect:/people/" + personId + "?tab=household";
    }

    /** Scope first, for the person of the page and the household the action is about. */
    private void scope(long personId, long householdId) {
        people.requireScope(personId, RegistryRoles.READ);
        households.requireScope(householdId);
    }
}
