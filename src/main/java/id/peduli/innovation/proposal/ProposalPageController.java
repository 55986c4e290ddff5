package id.peduli.innovation.proposal;

import id.peduli.access.Access;
import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.award.Announcement;
import id.peduli.innovation.award.Panel;
import id.peduli.innovation.award.Presentations;
import id.peduli.innovation.award.Replications;
import id.peduli.innovation.evaluation.Evaluations;
import id.peduli.innovation.evaluation.PeriodScores;
import id.peduli.innovation.notification.Notifications;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.Periods;
import id.peduli.innovation.period.ProposalGroup;
import id.peduli.innovation.selection.FailReason;
import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * The competition's proposal pages: the list per period, drafting with autosave, the agency's review, the
 * administrative selection, assignment, the panel's changes, the printable proposal and the certificate.
 */
@Controller
class ProposalPageController {

    private final Proposals proposals;
    private final Periods periods;
    private final Evaluations evaluations;
    private final Panel panel;
    private final Attachments attachments;
    private final Notifications notifications;
    private final Access access;
    private final Presentations presentations;
    private final PeriodScores periodScores;
    private final Replications replications;

    ProposalPageController(
            Proposals proposals,
            Periods periods,
            Evaluations evaluations,
            Panel panel,
            Attachments attachments,
            Notifications notifications,
            Access access,
            Presentations presentations,
            PeriodScores periodScores,
            Replications replications) {
        this.periodScores = periodScores;
        this.replications = replications;
        this.proposals = proposals;
        this.periods = periods;
        this.evaluations = evaluations;
        this.panel = panel;
        this.attachments = attachments;
        this.notifications = notifications;
        this.access = access;
        this.presentations = presentations;
    }

    @GetMapping("/innovation")
    @PreAuthorize(InnovationRoles.PARTICIPANT_EXPRESSION)
    String home(
            @RequestParam(value = "period", required = false) Long periodId,
            @RequestParam(value = "state", required = false) ProposalState state,
            Model model) {
        List<Period> all = periods.list();
        Period period = periodId == null
                ? periods.current(proposals.today()).orElse(null)
                : periods.find(periodId).orElse(null);
        model.addAttribute("periods", all);
        model.addAttribute("period", period);
        model.addAttribute("state", state);
        model.addAttribute(
                "proposals",
                period == null
                        ? List.of()
                        : proposals.visible(period.id(), state == null ? Set.of() : EnumSet.of(state), 500));
        model.addAttribute("unread", unread());
        return "innovation/home";
    }

    @GetMapping("/innovation/proposals/new")
    @PreAuthorize(InnovationRoles.OPERATOR_EXPRESSION)
    String newForm(Model model) {
        return form(model, InnovationForm.empty(null), FormErrors.none());
    }

    @PostMapping("/innovation/proposals")
    @PreAuthorize(InnovationRoles.OPERATOR_EXPRESSION)
    String create(
            @ModelAttribute("form") InnovationForm form,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Period period = periods.current(proposals.today())
                .orElseThrow(() -> BusinessException.notFound("innovation.period.notFound", 0));
        try {
            ProposalView created = proposals.create(period.id(), form);
            Flash.success(redirect, ui.t("innovation.proposal.created", created.title()));
            return "redirect:/innovation/proposals/" + created.id();
        } catch (BusinessException e) {
            return refused(e, response, () -> form(model, form, ui.errors(e)));
        }
    }

    private String form(Model model, InnovationForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("units", proposals.operatorUnits());
        model.addAttribute("period", periods.current(proposals.today()).orElse(null));
        model.addAttribute("replicationSources", replications.visible());
        return "innovation/proposal-new";
    }

    @GetMapping("/innovation/proposals/{id}")
    @PreAuthorize(InnovationRoles.READ_PROPOSAL_EXPRESSION)
    String show(@PathVariable long id, Model model) {
        return detail(id, model, FormErrors.none(), null);
    }

    String detail(long id, Model model, FormErrors errors, InnovationForm form) {
        ProposalView p = proposals.view(id);
        Period period = periods.get(p.periodId());
        model.addAttribute("p", p);
        model.addAttribute("period", period);
        model.addAttribute("completeness", proposals.completeness(id));
        model.addAttribute("history", proposals.history(id));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form == null ? InnovationForm.of(p) : form);
        boolean canEdit = p.state().editableByUnit() && access.covers(p.unitId(), "UNIT_OPERATOR");
        model.addAttribute("canEdit", canEdit);
        model.addAttribute(
                "replicationSources",
                canEdit
                        ? replications.visible().stream()
                                .filter(r -> r.adopterUnitId() == p.unitId())
                                .toList()
                        : List.of());
        // a proposal of the replication group links to the replication its unit registered of the same source
        model.addAttribute(
                "replication",
                p.group() == ProposalGroup.REPLICATION
                        ? replications
                                .linkFor(p.unitId(), p.sourceInnovationId())
                                .orElse(null)
                        : null);
        model.addAttribute(
                "replicationOpen",
                access.hasAnyRole("SECRETARIAT") || access.covers(p.unitId(), "UNIT_OPERATOR", "AGENCY_VERIFIER"));
        model.addAttribute(
                "canVerify", p.state() == ProposalState.WITH_AGENCY && access.covers(p.unitId(), "AGENCY_VERIFIER"));
        boolean secretariat = access.hasAnyRole("SECRETARIAT");
        model.addAttribute("canScreen", secretariat && p.state() == ProposalState.SUBMITTED);
        model.addAttribute("advice", secretariat && p.state().submitted() ? proposals.advice(id) : null);
        model.addAttribute(
                "canAssign",
                secretariat && (p.state() == ProposalState.ADMIN_PASSED || p.state() == ProposalState.ASSIGNED));
        model.addAttribute(
                "assignments", access.hasAnyRole(InnovationRoles.COMPETITION) ? evaluations.ofProposal(id) : List.of());
        model.addAttribute("scores", access.hasAnyRole(InnovationRoles.COMPETITION) ? periodScores.of(id) : null);
        boolean panelist = access.hasAnyRole("PANELIST");
        model.addAttribute(
                "canShortlist",
                panelist && (p.state() == ProposalState.SHORTLISTED || p.state() == ProposalState.NOT_SELECTED));
        model.addAttribute("canFinal", panelist && p.state() == ProposalState.TOP99);
        model.addAttribute(
                "certificate",
                ProposalState.TOP99_OR_LATER.contains(p.state())
                        && panel.announcement(p.periodId(), Announcement.Kind.TOP99)
                                .isPresent());
        model.addAttribute("attachments", attachments.list(p.innovationId()));
        model.addAttribute("reasons", FailReason.values());
        model.addAttribute("stages", presentations.view(p));
        return "innovation/proposal";
    }

    @PostMapping("/innovation/proposals/{id}")
    @PreAuthorize(InnovationRoles.DRAFT_PROPOSAL_EXPRESSION)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") InnovationForm form,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            proposals.updateDraft(
                    id,
                    new InnovationForm(
                            proposals.view(id).unitId(),
                            form.title(),
                            form.startedOn(),
                            form.problem(),
                            form.baseline(),
                            form.approach(),
                            form.results(),
                            form.sdgTags(),
                            form.priorityTags(),
                            form.videoUrl(),
                            form.participantType(),
                            form.threeT(),
                            form.group(),
                            form.categoryCode(),
                            form.sourceInnovationId(),
                            form.adaptation(),
                            form.version()));
            Flash.success(redirect, ui.t("innovation.saved"));
            return "redirect:/innovation/proposals/" + id;
        } catch (BusinessException e) {
            return refused(e, response, () -> detail(id, model, ui.errors(e), form));
        }
    }

    /** Autosave of one answer (htmx): answers with the question's completeness and the total. */
    @PostMapping("/innovation/proposals/{id}/answer")
    @PreAuthorize(InnovationRoles.DRAFT_PROPOSAL_EXPRESSION)
    String answer(
            @PathVariable long id,
            @RequestParam(value = "aspect", required = false) String aspect,
            @RequestParam(value = "answer", required = false) String answer,
            Model model,
            HttpServletResponse response,
            Ui ui) {
        try {
            Completeness completeness = proposals.saveAnswer(id, aspect, answer);
            model.addAttribute("completeness", completeness);
            model.addAttribute("aspect", aspect);
            model.addAttribute("error", null);
        } catch (BusinessException e) {
            response.setStatus(e.status());
            model.addAttribute("completeness", null);
            model.addAttribute("aspect", aspect);
            model.addAttribute("error", ui.t(e.messageKey(), e.args()));
        }
        return "innovation/answer-status";
    }

    @PostMapping("/innovation/proposals/{id}/send")
    @PreAuthorize(InnovationRoles.DRAFT_PROPOSAL_EXPRESSION)
    String send(@PathVariable long id, Ui ui, Model model, HttpServletResponse response, RedirectAttributes r) {
        return move(id, ui, model, response, r, () -> proposals.sendToAgency(id), "innovation.sent");
    }

    @PostMapping("/innovation/proposals/{id}/withdraw")
    @PreAuthorize(InnovationRoles.DRAFT_PROPOSAL_EXPRESSION)
    String withdraw(@PathVariable long id, Ui ui, Model model, HttpServletResponse response, RedirectAttributes r) {
        return move(id, ui, model, response, r, () -> proposals.withdraw(id), "innovation.withdrawn");
    }

    @PostMapping("/innovation/proposals/{id}/return")
    @PreAuthorize(InnovationRoles.VERIFY_PROPOSAL_EXPRESSION)
    String returnToUnit(
            @PathVariable long id,
            @RequestParam(value = "comment", required = false) String comment,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes r) {
        return move(id, ui, model, response, r, () -> proposals.returnToUnit(id, comment), "innovation.returned");
    }

    @PostMapping("/innovation/proposals/{id}/submit")
    @PreAuthorize(InnovationRoles.VERIFY_PROPOSAL_EXPRESSION)
    String submit(@PathVariable long id, Ui ui, Model model, HttpServletResponse response, RedirectAttributes r) {
        return move(id, ui, model, response, r, () -> proposals.submit(id), "innovation.submitted");
    }

    @PostMapping("/innovation/proposals/{id}/screen")
    @PreAuthorize(InnovationRoles.SCREEN_PROPOSAL_EXPRESSION)
    String screen(
            @PathVariable long id,
            @RequestParam(value = "result", required = false) String result,
            @RequestParam(value = "reasons", required = false) Set<FailReason> reasons,
            @RequestParam(value = "note", required = false) String note,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes r) {
        return move(
                id,
                ui,
                model,
                response,
                r,
                () -> {
                    if (!"pass".equals(result) && !"fail".equals(result)) {
                        throw BusinessException.invalid("result", "innovation.screening.resultRequired");
                    }
                    proposals.screen(id, "pass".equals(result), reasons == null ? Set.of() : reasons, note);
                },
                "innovation.screened");
    }

    @PostMapping("/innovation/proposals/{id}/assign")
    @PreAuthorize(InnovationRoles.SCREEN_PROPOSAL_EXPRESSION)
    String assign(
            @PathVariable long id,
            @RequestParam(value = "username", required = false) String username,
            @RequestParam(value = "second", defaultValue = "false") boolean second,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes r) {
        return move(id, ui, model, response, r, () -> evaluations.assign(id, username, second), "innovation.assigned");
    }

    @PostMapping("/innovation/proposals/{id}/shortlist")
    @PreAuthorize(InnovationRoles.PANEL_PROPOSAL_EXPRESSION)
    String shortlist(
            @PathVariable long id,
            @RequestParam(value = "include", defaultValue = "false") boolean include,
            @RequestParam(value = "justification", required = false) String justification,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes r) {
        return move(
                id,
                ui,
                model,
                response,
                r,
                () -> panel.change(id, include, justification == null ? "" : justification),
                "innovation.saved");
    }

    @PostMapping("/innovation/proposals/{id}/final")
    @PreAuthorize(InnovationRoles.PANEL_PROPOSAL_EXPRESSION)
    String finalScores(
            @PathVariable long id,
            @RequestParam(value = "presentation", required = false) BigDecimal presentation,
            @RequestParam(value = "field", required = false) BigDecimal field,
            @RequestParam(value = "note", required = false) String note,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes r) {
        return move(
                id,
                ui,
                model,
                response,
                r,
                () -> panel.recordFinalScores(id, presentation, field, note),
                "innovation.saved");
    }

    @PostMapping("/innovation/proposals/{id}/attachments")
    @PreAuthorize(InnovationRoles.DRAFT_PROPOSAL_EXPRESSION)
    String attach(
            @PathVariable long id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes r) {
        return move(
                id,
                ui,
                model,
                response,
                r,
                () -> {
                    ProposalView p = proposals.view(id);
                    if (file == null || file.isEmpty()) {
                        throw BusinessException.invalid("file", "validation.required");
                    }
                    try {
                        attachments.add(
                                p.innovationId(),
                                p.unitId(),
                                file.getOriginalFilename(),
                                file.getSize(),
                                file.getBytes());
                    } catch (IOException e) {
                        throw BusinessException.invalid("file", "innovation.attachment.unreadable");
                    }
                },
                "innovation.attached");
    }

    @GetMapping("/innovation/proposals/{id}/attachments/{attachmentId}")
    @PreAuthorize(InnovationRoles.READ_PROPOSAL_EXPRESSION)
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        ProposalView p = proposals.view(id);
        Attachments.Content content = attachments
                .content(p.innovationId(), attachmentId)
                .orElseThrow(() -> BusinessException.notFound("innovation.attachment.notFound", attachmentId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.fileName())
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }

    @GetMapping("/innovation/proposals/{id}/pdf")
    @PreAuthorize(InnovationRoles.READ_PROPOSAL_EXPRESSION)
    ResponseEntity<byte[]> pdf(@PathVariable long id, Ui ui) {
        ProposalView p = proposals.view(id);
        byte[] pdf = Documents.proposal(p, periods.get(p.periodId()), proposals.answers(id), ui::t);
        return Documents.pdfResponse(pdf, "proposal-" + id + ".pdf");
    }

    @GetMapping("/innovation/proposals/{id}/certificate")
    @PreAuthorize(InnovationRoles.READ_PROPOSAL_EXPRESSION)
    ResponseEntity<byte[]> certificate(@PathVariable long id, Ui ui) {
        ProposalView p = proposals.view(id);
        Announcement.Kind kind =
                ProposalState.WINNERS.contains(p.state()) ? Announcement.Kind.WINNERS : Announcement.Kind.TOP99;
        Announcement decree = ProposalState.TOP99_OR_LATER.contains(p.state())
                ? panel.announcement(p.periodId(), kind).orElse(null)
                : null;
        if (decree == null) {
            throw BusinessException.conflict(null, "innovation.certificate.none");
        }
        byte[] pdf = Documents.certificate(p, periods.get(p.periodId()), decree, ui.locale(), ui::t);
        return Documents.pdfResponse(pdf, "sertifikat-" + id + ".pdf");
    }

    private String move(
            long id,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Runnable action,
            String successKey) {
        try {
            action.run();
            Flash.success(redirect, ui.t(successKey));
            return "redirect:/innovation/proposals/" + id;
        } catch (BusinessException e) {
            return refused(e, response, () -> detail(id, model, ui.errors(e), null));
        }
    }

    /**
     * A refused action: a missing object (or one out of scope) stays a plain 404; any other refusal answers with its
     * status and shows {@code page} again with the message (and, where given, what was typed).
     */
    private static String refused(BusinessException e, HttpServletResponse response, Supplier<String> page) {
        if (e.status() == 404) {
            throw e;
        }
        response.setStatus(e.status());
        return page.get();
    }

    private long unread() {
        return access.currentUser().map(u -> notifications.unread(u.userId())).orElse(0L);
    }
}
