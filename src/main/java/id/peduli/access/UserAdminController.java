package id.peduli.access;

import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
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
 * User administration pages. Only SYSTEM_ADMIN may open them, and each administrator sees and changes only the users
 * {@link GrantRules} puts in their scope; any other user answers like a missing one.
 */
@Controller
@PreAuthorize(AccessRoles.ADMINISTER_EXPRESSION)
class UserAdminController {

    private final Users users;
    private final GrantRules rules;
    private final Validator validator;

    UserAdminController(Users users, GrantRules rules, Validator validator) {
        this.users = users;
        this.rules = rules;
        this.validator = validator;
    }

    @GetMapping("/admin/users")
    String list(
            @RequestParam(value = "q", required = false) String q,
            @RequestParam(value = "page", defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", users.search(q, page, 25, rules.managedUnits()));
        model.addAttribute("q", q == null ? "" : q);
        return "access/users";
    }

    @GetMapping("/admin/users/new")
    String newForm(Model model) {
        model.addAttribute("form", NewUserForm.empty());
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("units", rules.grantableUnits());
        model.addAttribute("national", rules.national());
        return "access/user-new";
    }

    @PostMapping("/admin/users")
    String create(
            @ModelAttribute("form") NewUserForm form,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        FormErrors errors = validate(form.command());
        if (!errors.any()) {
            try {
                if (form.role() != null) {
                    rules.requireUnitChosen(form.unitId(), form.wholeCountry());
                }
                rules.requireFirstGrant(form.role(), form.unitId());
                UserView created = users.create(form.command(), form.role(), form.unitId());
                Flash.success(redirect, ui.t("user.created", created.username()));
                return "redirect:/admin/users/" + created.id();
            } catch (BusinessException e) {
                errors = ui.errors(e);
            }
        }
        response.setStatus(422);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("units", rules.grantableUnits());
        model.addAttribute("national", rules.national());
        return "access/user-new";
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable long id, Model model) {
        rules.requireManaged(id);
        UserView user = users.get(id);
        return editPage(model, user, profile(user), FormErrors.none(), null);
    }

    @PostMapping("/admin/users/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") ProfileForm form,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        rules.requireManaged(id);
        FormErrors errors = validate(form.command());
        if (!errors.any()) {
            try {
                users.update(id, form.version() == null ? -1 : form.version(), form.command());
                Flash.success(redirect, ui.t("user.saved"));
                return "redirect:/admin/users/" + id;
            } catch (BusinessException e) {
                errors = ui.errors(e);
            } catch (org.springframework.dao.OptimisticLockingFailureException e) {
                errors = ui.errors(BusinessException.conflict(null, "error.staleVersion"));
            }
        }
        response.setStatus(errors.any() ? 422 : 200);
        return editPage(model, users.get(id), form, errors, null);
    }

    @PostMapping("/admin/users/{id}/grants")
    String addGrant(
            @PathVariable long id,
            @RequestParam(value = "role", required = false) Role role,
            @RequestParam(value = "unitId", required = false) Long unitId,
            @RequestParam(value = "wholeCountry", required = false) Boolean wholeCountry,
            Ui ui,
            RedirectAttributes redirect) {
        rules.requireManaged(id);
        try {
            if (role == null) {
                throw BusinessException.invalid("role", "grant.roleRequired");
            }
            rules.requireUnitChosen(unitId, wholeCountry);
            rules.requireGrantable(id, role, unitId);
            users.addGrant(id, role, unitId);
            Flash.success(redirect, ui.t("grant.added"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/grants/{grantId}/delete")
    String removeGrant(@PathVariable long id, @PathVariable long grantId, Ui ui, RedirectAttributes redirect) {
        rules.requireManaged(id);
        UserView.GrantView grant = users.get(id).grants().stream()
                .filter(g -> g.id() == grantId)
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("grant.notFound", grantId));
        try {
            rules.requireGrantable(id, grant.role(), grant.unitId());
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
            return "redirect:/admin/users/" + id;
        }
        users.removeGrant(id, grantId);
        Flash.success(redirect, ui.t("grant.removed"));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/reset-password")
    String resetPassword(@PathVariable long id, Model model) {
        rules.requireManaged(id);
        String temporary = users.resetPassword(id);
        UserView user = users.get(id);
        return editPage(model, user, profile(user), FormErrors.none(), temporary);
    }

    /** The user's page: profile form, grants, and a temporary password only right after a reset. */
    private String editPage(Model model, UserView user, ProfileForm form, FormErrors errors, String temporaryPassword) {
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("units", rules.grantableUnits());
        model.addAttribute("temporaryPassword", temporaryPassword);
        model.addAttribute("national", rules.national());
        return "access/user-edit";
    }

    private static ProfileForm profile(UserView user) {
        return new ProfileForm(
                user.fullName(), user.email(), user.phone(), user.locale(), user.enabled(), user.version());
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable long id, Ui ui, RedirectAttributes redirect) {
        rules.requireManaged(id);
        users.unlock(id);
        Flash.success(redirect, ui.t("user.unlocked"));
        return "redirect:/admin/users/" + id;
    }

    private FormErrors validate(Object command) {
        return FormErrors.of(validator.validate(command));
    }
}
