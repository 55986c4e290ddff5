package id.peduli.innovation.award;

import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.evaluation.PeriodScores;
import id.peduli.innovation.evaluation.RankingRow;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.Periods;
import id.peduli.innovation.proposal.AttachmentView;
import id.peduli.innovation.proposal.Attachments;
import id.peduli.innovation.proposal.Documents;
import id.peduli.innovation.proposal.ProposalState;
import id.peduli.innovation.proposal.ProposalView;
import id.peduli.innovation.proposal.Proposals;
import id.peduli.platform.ApiDownload;
import id.peduli.platform.Idempotent;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Top 99 and the awards over the API: the Top 99 proposal and its justified changes, objections and their answers
 * (filing one is public: the page, or {@link PublicObjectionApiController}), decrees, certificates, and the
 * attachments of a proposal's innovation (checked by content and size).
 */
@RestController
@RequestMapping("/api/v1/innovation")
@Tag(name = "Innovation awards", description = "SINOVIK / KIPP: Top 99, objections, decrees, certificates, attachments")
class AwardApiController {

    private static final EnumSet<ProposalState> LISTED =
            EnumSet.of(ProposalState.SHORTLISTED, ProposalState.NOT_SELECTED, ProposalState.TOP99);

    private final Periods periods;
    private final Proposals proposals;
    private final Panel panel;
    private final PeriodScores scores;
    private final Attachments attachments;
    private final Clock clock;

    AwardApiController(
            Periods periods,
            Proposals proposals,
            Panel panel,
            PeriodScores scores,
            Attachments attachments,
            Clock clock) {
        this.periods = periods;
        this.proposals = proposals;
        this.panel = panel;
        this.scores = scores;
        this.attachments = attachments;
        this.clock = clock;
    }

    @Schema(name = "InnovationTop99Request")
    record Top99Request(String justification) {}

    @Schema(name = "InnovationShortlistRequest")
    record ShortlistRequest(Boolean include, String justification) {}

    @Schema(name = "InnovationObjectionAnswerRequest")
    record AnswerRequest(String answer) {}

    @Schema(name = "InnovationDecreeRequest")
    record DecreeRequest(Announcement.Kind kind, String number, LocalDate issuedOn) {}

    /**
     * The Top 99 proposal of a period: the proposals in it or left out of it (state SHORTLISTED, NOT_SELECTED, or TOP99
     * once decreed), whether the objection window is open and until when, and the violated quota floors the panel
     * justified when it proposed the list.
     */
    @Schema(name = "InnovationTop99")
    record Top99(
            long periodId,
            boolean windowOpen,
            Instant windowClosesAt,
            Announcement decree,
            List<String> unmetFloors,
            List<RankingRow> proposals) {}

    @GetMapping("/periods/{id}/top99")
    @PreAuthorize(InnovationRoles.COMPETITION_EXPRESSION)
    @Operation(summary = "The Top 99 proposal of a period with the objection window and the decree")
    Top99 top99(@PathVariable long id) {
        return top99(periods.get(id), List.of());
    }

    @PostMapping("/periods/{id}/top99")
    @PreAuthorize(InnovationRoles.PANEL_EXPRESSION)
    @Operation(
            summary = "Propose the Top 99 (panel): quota floors first, then by normalised score; opens the objection "
                    + "window. A floor that cannot be met needs a written justification")
    Top99 proposeTop99(@PathVariable long id, @RequestBody Top99Request request) {
        Period period = periods.get(id);
        List<String> unmet = panel.proposeTop(id, request == null ? null : request.justification());
        return top99(periods.get(period.id()), unmet);
    }

    @PostMapping("/proposals/{id}/shortlist")
    @PreAuthorize(InnovationRoles.PANEL_PROPOSAL_EXPRESSION)
    @Operation(
            summary = "Put a proposal into the Top 99 proposal or take it out, during the objection window, with a "
                    + "written justification")
    ProposalView shortlist(@PathVariable long id, @RequestBody ShortlistRequest request) {
        if (request == null || request.include() == null) {
            throw BusinessException.invalid("include", "innovation.top99.includeRequired");
        }
        panel.change(id, request.include(), request.justification() == null ? "" : request.justification());
        return proposals.view(id);
    }

    @GetMapping("/periods/{id}/objections")
    @PreAuthorize(InnovationRoles.COMPETITION_EXPRESSION)
    @Operation(summary = "The objections filed against the Top 99 proposal of a period, with their answers")
    List<Objection> objections(@PathVariable long id) {
        periods.get(id);
        return panel.objections(id);
    }

    @PostMapping("/objections/{id}/answer")
    @PreAuthorize(InnovationRoles.PANEL_EXPRESSION)
    @Operation(summary = "Answer an objection in writing (panel)")
    Objection answer(@PathVariable long id, @RequestBody AnswerRequest request) {
        long proposalId = panel.proposalOfObjection(id)
                .orElseThrow(() -> BusinessException.notFound("innovation.objection.notFound", id));
        panel.answer(id, request == null ? null : request.answer());
        long periodId = proposals.view(proposalId).periodId();
        return panel.objections(periodId).stream()
                .filter(o -> o.id() == id)
                .findFirst()
                .orElseThrow();
    }

    @GetMapping("/periods/{id}/decrees")
    @PreAuthorize(InnovationRoles.PARTICIPANT_EXPRESSION)
    @Operation(summary = "The announcements and decrees of a period with their numbers")
    List<Announcement> decrees(@PathVariable long id) {
        periods.get(id);
        return panel.announcements(id);
    }

    @PostMapping("/periods/{id}/decrees")
    @Idempotent
    @PreAuthorize(InnovationRoles.PANEL_EXPRESSION)
    @Operation(
            summary = "Issue a decree (panel): TOP99 only after the objection window closed and every objection is "
                    + "answered; WINNERS after the final plenary")
    ResponseEntity<Announcement> decree(@PathVariable long id, @RequestBody DecreeRequest request) {
        periods.get(id);
        if (request == null || request.kind() == null || request.kind() == Announcement.Kind.SCREENING) {
            throw BusinessException.invalid("kind", "innovation.decree.kindRequired");
        }
        Announcement decree = request.kind() == Announcement.Kind.WINNERS
                ? panel.decreeWinners(id, request.number(), request.issuedOn())
                : panel.decreeTop99(id, request.number(), request.issuedOn());
        return ResponseEntity.created(URI.create("/api/v1/innovation/periods/" + id + "/decrees"))
                .body(decree);
    }

    @ApiDownload({"application/pdf"})
    @GetMapping("/proposals/{id}/certificate")
    @PreAuthorize(InnovationRoles.READ_PROPOSAL_EXPRESSION)
    @Operation(summary = "The certificate of a Top 99 or winning proposal as PDF, with the decree number")
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

    @GetMapping("/proposals/{id}/attachments")
    @PreAuthorize(InnovationRoles.READ_PROPOSAL_EXPRESSION)
    @Operation(summary = "The attachments of the proposal's innovation (without their content)")
    List<AttachmentView> attachments(@PathVariable long id) {
        return attachments.list(proposals.view(id).innovationId());
    }

    @PostMapping(value = "/proposals/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(InnovationRoles.DRAFT_PROPOSAL_EXPRESSION)
    @Operation(
            summary = "Attach a PDF, PNG or JPEG (checked by its content, not its name) to the proposal's innovation; "
                    + "413 above the size limit, 415 for another type")
    ResponseEntity<AttachmentView> attach(
            @PathVariable long id, @RequestPart(value = "file", required = false) MultipartFile file)
            throws IOException {
        ProposalView p = proposals.view(id);
        if (file == null || file.isEmpty()) {
            throw BusinessException.invalid("file", "validation.required");
        }
        AttachmentView created = attachments.add(
                p.innovationId(), p.unitId(), file.getOriginalFilename(), file.getSize(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/innovation/proposals/" + id + "/attachments/" + created.id()))
                .body(created);
    }

    @ApiDownload({"application/pdf", "image/png", "image/jpeg"})
    @GetMapping("/proposals/{id}/attachments/{attachmentId}")
    @PreAuthorize(InnovationRoles.READ_PROPOSAL_EXPRESSION)
    @Operation(summary = "One attachment's content")
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

    private Top99 top99(Period period, List<String> unmet) {
        List<ProposalView> listed = panel.ranking(period.id(), 2000).stream()
                .filter(p -> LISTED.contains(p.state()))
                .toList();
        return new Top99(
                period.id(),
                panel.windowOpen(period, clock.instant()),
                period.objectionOpensAt() == null ? null : period.objectionClosesAt(),
                panel.announcement(period.id(), Announcement.Kind.TOP99).orElse(null),
                unmet,
                RankingRow.rows(listed, scores.disagreements(period.id())));
    }
}
