package id.peduli.workshop;

import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.validation.Validator;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Placements and follow-ups: the forms of the site page and the same over the API. */
@Controller
class PlacementController {

    private final Placements placements;
    private final Sites sites;
    private final Validator validator;

    PlacementController(Placements placements, Sites sites, Validator validator) {
        this.placements = placements;
        this.sites = sites;
        this.validator = validator;
    }

    @PostMapping("/workshop/sites/{id}/placements")
    @PreAuthorize(WorkshopRoles.SITE_RECORD_EXPRESSION)
    String place(@PathVariable long id, @ModelAttribute PlacementCommand form, Ui ui, RedirectAttributes redirect) {
        sites.get(id);
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (errors.any()) {
            Flash.error(redirect, ui.t("workshop.placement.invalid"));
            return "redirect:/workshop/sites/" + id + "#placementsHeading";
        }
        try {
            placements.place(id, form);
            Flash.success(redirect, ui.t("workshop.placement.saved"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/workshop/sites/" + id + "#placementsHeading";
    }

    @PostMapping("/workshop/placements/{id}/follow-ups/{followUpId}")
    @PreAuthorize(WorkshopRoles.PLACEMENT_RECORD_EXPRESSION)
    String followUp(
            @PathVariable long id,
            @PathVariable long followUpId,
            @RequestParam(value = "doneOn", required = false) LocalDate doneOn,
            @RequestParam(value = "stillEmployed", required = false) Boolean stillEmployed,
            @RequestParam(value = "wage", required = false) Long wage,
            @RequestParam(value = "notes", required = false) String notes,
            Ui ui,
            RedirectAttributes redirect) {
        PlacementView placement = placements.get(id);
        try {
            placements.followUp(id, followUpId, doneOn, stillEmployed, wage, notes);
            Flash.success(redirect, ui.t("workshop.followUp.saved"));
        } catch (BusinessException e) {
            if (e.status() == 404) {
                throw e;
            }
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/workshop/sites/" + placement.siteId() + "#placementsHeading";
    }

    @PostMapping("/workshop/placements/{id}/separation")
    @PreAuthorize(WorkshopRoles.PLACEMENT_RECORD_EXPRESSION)
    String separate(
            @PathVariable long id,
            @RequestParam(value = "separatedOn", required = false) LocalDate separatedOn,
            @RequestParam(value = "reason", required = false) String reason,
            Ui ui,
            RedirectAttributes redirect) {
        PlacementView placement = placements.get(id);
        try {
            placements.separate(id, separatedOn, reason);
            Flash.success(redirect, ui.t("workshop.placement.separated"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/workshop/sites/" + placement.siteId() + "#placementsHeading";
    }
}
