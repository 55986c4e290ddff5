package id.peduli.organization;

import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisation unit pages. Every signed-in user sees the units their grants cover ({@code /units}); SYSTEM_ADMIN
 * creates, edits and moves units within the units their own grant covers ({@code /admin/units}).
 */
@Controller
class OrgUnitPageController {

    private final Organizations organizations;
    private final Validator validator;
    private final id.peduli.region.Regions regions;

    OrgUnitPageController(Organizations organizations, Validator validator, id.peduli.region.Regions regions) {
        this.organizations = organizations;
        this.validator = validator;
        this.regions = regions;
    }

    /** The units of a list with the names of their regions, so that a reader sees names rather than codes. */
    private void listModel(Model model, List<OrgUnit> units) {
        model.addAttribute("units", units);
        model.addAttribute(
                "regionNames",
                regions.names(units.stream()
                        .map(OrgUnit::regionCode)
                        .filter(java.util.Objects::nonNull)
                        .collect(java.util.stream.Collectors.toSet())));
    }

    @GetMapping("/units")
    String myUnits(@RequestParam(value = "q", required = false) String q, Model model) {
        listModel(model, filter(organizations.visibleTo(), q));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("manage", false);
        return "organization/units";
    }

    @GetMapping("/admin/units")
    @PreAuthorize(OrganizationRoles.ADMINISTER_EXPRESSION)
    String manage(@RequestParam(value = "q", required = false) String q, Model model) {
        listModel(model, filter(adminUnits(), q));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("manage", true);
        return "organization/units";
    }

    @GetMapping("/admin/units/new")
    @PreAuthorize(OrganizationRoles.ADMINISTER_EXPRESSION)
    String newForm(@RequestParam(value = "parentId", required = false) Long parentId, Model model) {
        return form(model, new UnitForm(parentId, "", "", null, "", "", true, false, null), FormErrors.none(), null);
    }

    @PostMapping("/admin/units")
    @PreAuthorize(OrganizationRoles.ADMINISTER_EXPRESSION)
    String create(
            @ModelAttribute("form") UnitForm form,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        organizations.requireAdministeredParent(form.parentId());
        FormErrors errors = FormErrors.of(validator.validate(form.command()));
        if (!errors.any()) {
            try {
                OrgUnit unit = organizations.create(form.command());
                Flash.success(redirect, ui.t("org.created", unit.name()));
                return "redirect:/admin/units";
            } catch (BusinessException e) {
                errors = ui.errors(e);
            }
        }
        response.setStatus(422);
        return form(model, form, errors, null);
    }

    @GetMapping("/admin/units/{id}")
    @PreAuthorize(OrganizationRoles.ADMINISTER_UNIT_EXPRESSION)
    String edit(@PathVariable long id, Model model) {
        OrgUnit unit = organizations.get(id);
        return form(model, UnitForm.of(unit), FormErrors.none(), unit);
    }

    @PostMapping("/admin/units/{id}")
    @PreAuthorize(OrganizationRoles.ADMINISTER_UNIT_EXPRESSION)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") UnitForm form,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrgUnit unit = organizations.get(id);
        FormErrors errors = FormErrors.of(validator.validate(form.command()));
        if (!errors.any()) {
            try {
                organizations.update(id, form.version() == null ? -1 : form.version(), form.command());
                Flash.success(redirect, ui.t("org.saved"));
                return "redirect:/admin/units";
            } catch (BusinessException e) {
                errors = ui.errors(e);
            } catch (OptimisticLockingFailureException e) {
                errors = ui.errors(BusinessException.conflict(null, "error.staleVersion"));
            }
        }
        response.setStatus(422);
        return form(model, form, errors, unit);
    }

    @PostMapping("/admin/units/{id}/move")
    @PreAuthorize("@unitScope.unit(#id, 'SYSTEM_ADMIN') and @unitScope.parent(#parentId)")
    String move(
            @PathVariable long id,
            @RequestParam(value = "parentId", required = false) Long parentId,
            @RequestParam("version") int version,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrgUnit unit = organizations.get(id);
        try {
            organizations.move(id, parentId, version);
            Flash.success(redirect, ui.t("org.moved", unit.name()));
            return "redirect:/admin/units";
        } catch (BusinessException e) {
            response.setStatus(422);
            return form(model, UnitForm.of(unit), ui.errors(e), unit);
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(409);
            return form(
                    model, UnitForm.of(unit), ui.errors(BusinessException.conflict(null, "error.staleVersion")), unit);
        }
    }

    private String form(Model model, UnitForm form, FormErrors errors, OrgUnit unit) {
        List<OrgUnit> candidates = adminUnits();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("unit", unit);
        model.addAttribute(
                "parents",
                unit == null
                        ? candidates
                        : candidates.stream().filter(c -> !c.isWithin(unit)).toList());
        model.addAttribute("types", OrgUnitType.values());
        return "organization/unit-form";
    }

    private List<OrgUnit> adminUnits() {
        return organizations.visibleTo("SYSTEM_ADMIN");
    }

    private static List<OrgUnit> filter(List<OrgUnit> units, String q) {
        if (q == null || q.isBlank()) {
            return units;
        }
        String needle = q.trim().toLowerCase(Locale.ROOT);
        return units.stream()
                .filter(u -> u.name().toLowerCase(Locale.ROOT).contains(needle)
                        || (u.shortName() != null
                                && u.shortName().toLowerCase(Locale.ROOT).contains(needle)))
                .toList();
    }
}
