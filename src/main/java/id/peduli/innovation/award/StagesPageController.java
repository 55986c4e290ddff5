package id.peduli.innovation.award;

import id.peduli.access.Access;
import id.peduli.access.Role;
import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.period.Periods;
import id.peduli.innovation.proposal.ProposalView;
import id.peduli.innovation.proposal.Proposals;
import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * S6 and S7 pages: scheduling the presentation and interview, a panelist's scores, and the field visit form made for
 * a phone (one column, the camera opens from the photo field), with the visit's photos. A panelist records a visit
 * of any presented proposal, an evaluator one of a proposal assigned to them.
 */
@Controller
class StagesPageController {

    /** Panelists for any proposal, evaluators for the proposals assigned to them ({@link VisitScope}). */
    private static final String FIELD_VISIT_EXPRESSION = "@innovationVisitScope.proposal(#id)";

    private static final String COMPETITION_PROPOSAL_EXPRESSION =
            "@innovationScope.proposal(#id, '', 'SECRETARIAT,PANELIST')";

    private final Presentations presentations;
    private final FieldVerifications visits;
    private final Proposals proposals;
    private final Periods periods;
    private final Access access;
    private final StageConflicts conflicts;
    private final VisitScope visitScope;

    StagesPageController(
            Presentations presentations,
            FieldVerifications visits,
            Proposals proposals,
            Periods periods,
            Access access,
            StageConflicts conflicts,
            VisitScope visitScope) {
        this.access = access;
        this.visitScope = visitScope;
        this.conflicts = conflicts;
        this.presentations = presentations;
        this.visits = visits;
        this.proposals = proposals;
        this.periods = periods;
    }

    @PostMapping("/innovation/proposals/{id}/presentation/schedule")
    @PreAuthorize(COMPETITION_PROPOSAL_EXPRESSION)
    String schedule(
            @PathVariable long id,
            @RequestParam(value = "date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            @RequestParam(value = "time", required = false) @DateTimeFormat(pattern = "H:mm") LocalTime time,
            @RequestParam(value = "place", required = false) String place,
            @RequestParam(value = "link", required = false) String link,
            Ui ui,
            RedirectAttributes redirect) {
        Role role = access.hasAnyRole("SECRETARIAT") ? Role.SECRETARIAT : Role.PANELIST;
        try {
            presentations.plan(id, date, time, place, link, role);
            Flash.success(redirect, ui.t("innovation.presentation.scheduled"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/innovation/proposals/" + id + "#stagesHeading";
    }

    @PostMapping("/innovation/proposals/{id}/presentation/score")
    @PreAuthorize(InnovationRoles.PANEL_PROPOSAL_EXPRESSION)
    String score(
            @PathVariable long id,
            @RequestParam(value = "presentation", required = false) Integer presentation,
            @RequestParam(value = "interview", required = false) Integer interview,
            @RequestParam(value = "comment", required = false) String comment,
            Ui ui,
            RedirectAttributes redirect) {
        try {
            presentations.score(id, presentation, interview, comment);
            Flash.success(redirect, ui.t("innovation.presentation.scored"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/innovation/proposals/" + id + "#stagesHeading";
    }

    @PostMapping("/innovation/proposals/{id}/panel-conflict")
    @PreAuthorize(InnovationRoles.PANEL_PROPOSAL_EXPRESSION)
    String declareConflict(
            @PathVariable long id,
            @RequestParam(value = "reason", required = false) String reason,
            Ui ui,
            RedirectAttributes redirect) {
        try {
            conflicts.declare(id, reason);
            Flash.success(redirect, ui.t("innovation.panelConflict.declared"));
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        }
        return "redirect:/innovation/proposals/" + id + "#stagesHeading";
    }

    @GetMapping("/innovation/proposals/{id}/field-visit")
    @PreAuthorize(FIELD_VISIT_EXPRESSION)
    String visitForm(@PathVariable long id, Model model) {
        return visitPage(id, model, FormErrors.none(), null, null, null, "");
    }

    @PostMapping("/innovation/proposals/{id}/field-visit")
    @PreAuthorize(FIELD_VISIT_EXPRESSION)
    String recordVisit(
            @PathVariable long id,
            @RequestParam(value = "visitedOn", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate visitedOn,
            @RequestParam(value = "verdict", required = false) StagesView.Verdict verdict,
            @RequestParam(value = "notes", required = false) String notes,
            @RequestParam(value = "companions", required = false) String companions,
            @RequestParam(value = "photos", required = false) List<MultipartFile> photos,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        List<byte[]> contents = new ArrayList<>();
        for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
            if (!photo.isEmpty()) {
                contents.add(photo.getBytes());
            }
        }
        List<String> names = companions == null
                ? List.of()
                : Arrays.stream(companions.split("[,;\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        try {
            boolean moved = visits.record(id, visitedOn, verdict, notes, names, contents, visitScope.role());
            Flash.success(
                    redirect, ui.t(moved ? "innovation.visit.recordedFinal" : "innovation.visit.recordedIncomplete"));
            return visitScope.role() == Role.PANELIST
                    ? "redirect:/innovation/proposals/" + id + "#stagesHeading"
                    : "redirect:/innovation/evaluations";
        } catch (BusinessException e) {
            response.setStatus(e.status());
            return visitPage(id, model, ui.errors(e), visitedOn, verdict, notes, companions);
        }
    }

    @GetMapping("/innovation/proposals/{id}/field-visit/photos/{photoId}")
    @PreAuthorize(COMPETITION_PROPOSAL_EXPRESSION)
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        FieldVerifications.Photo photo = visits.photo(id, photoId)
                .orElseThrow(() -> BusinessException.notFound("innovation.visit.photoNotFound", photoId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.bytes());
    }

    private String visitPage(
            long id,
            Model model,
            FormErrors errors,
            LocalDate visitedOn,
            StagesView.Verdict verdict,
            String notes,
            String companions) {
        ProposalView p = proposals.view(id);
        model.addAttribute("p", p);
        model.addAttribute("period", periods.get(p.periodId()));
        model.addAttribute("visits", visits.visits(id));
        model.addAttribute("errors", errors);
        model.addAttribute("visitedOn", visitedOn == null ? proposals.today() : visitedOn);
        model.addAttribute("verdict", verdict);
        model.addAttribute("notes", notes == null ? "" : notes);
        model.addAttribute("companions", companions == null ? "" : companions);
        model.addAttribute("open", FieldVerifications.OPEN.contains(p.state()));
        Role role = visitScope.role();
        model.addAttribute("conflicted", conflicts.currentConflicted(role, id, p.unitId()));
        model.addAttribute("panelist", role == Role.PANELIST);
        model.addAttribute("maxMegabytes", Math.max(1, visits.maxBytes() / (1024 * 1024)));
        model.addAttribute("maxPhotos", FieldVerifications.MAX_PHOTOS);
        return "innovation/field-visit";
    }
}
