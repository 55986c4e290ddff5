package id.peduli.innovation.award;

import id.peduli.access.Access;
import id.peduli.access.Role;
import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.award.StagesView.Schedule;
import id.peduli.innovation.award.StagesView.Score;
import id.peduli.innovation.award.StagesView.Verdict;
import id.peduli.innovation.award.StagesView.Visit;
import id.peduli.innovation.proposal.Proposals;
import id.peduli.platform.ApiDownload;
import id.peduli.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * S6 and S7 over the API: the presentation's schedule and the panelists' scores, and the field visits with their
 * photos. The same rules as the pages ({@link Presentations}, {@link FieldVerifications}): scope before load, conflicts
 * of interest refused, photos checked by content and size, edits with the version read.
 */
@RestController
@RequestMapping("/api/v1/innovation/proposals/{id}")
@Tag(
        name = "Innovation presentation and field visits",
        description = "SINOVIK / KIPP: S6 presentation and interview, S7 field verification")
class StagesApiController {

    private static final String COMPETITION = "@innovationScope.proposal(#id, '', 'SECRETARIAT,PANELIST')";

    private final Presentations presentations;
    private final FieldVerifications visits;
    private final Proposals proposals;
    private final VisitScope visitScope;
    private final Access access;

    StagesApiController(
            Presentations presentations,
            FieldVerifications visits,
            Proposals proposals,
            VisitScope visitScope,
            Access access) {
        this.presentations = presentations;
        this.visits = visits;
        this.proposals = proposals;
        this.visitScope = visitScope;
        this.access = access;
    }

    /** The presentation of a Top 99 proposal: its schedule (null until set), each panelist's scores, the S6 score. */
    @Schema(name = "InnovationPresentation")
    record PresentationResponse(
            Schedule schedule, int scheduleVersion, List<Score> scores, BigDecimal presentationScore) {}

    @Schema(name = "InnovationPresentationScheduleRequest")
    record ScheduleRequest(
            LocalDate date,
            @Schema(type = "string", example = "09:30") LocalTime time,
            String place,
            String link,

            @Schema(
                    description = "The schedule's version read (0 while there is none)",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Integer version) {}

    @Schema(name = "InnovationPresentationScoreRequest")
    record ScoreRequest(
            Integer presentation,
            Integer interview,
            String comment,

            @Schema(
                    description = "The version of the caller's score read (0 while there is none)",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Integer version) {}

    /** A field visit recorded, and whether it moved the proposal on to the final plenary. */
    @Schema(name = "InnovationFieldVisitRecorded")
    record VisitRecorded(boolean movedToFinal, List<Visit> visits) {}

    @GetMapping("/presentation")
    @PreAuthorize(COMPETITION)
    @Operation(summary = "The presentation and interview: schedule, each panelist's scores and the S6 score")
    PresentationResponse presentation(@PathVariable long id) {
        return response(id);
    }

    @PutMapping("/presentation/schedule")
    @PreAuthorize(COMPETITION)
    @Operation(
            summary = "Schedule or move the presentation of a Top 99 proposal (a place, a link or both); the unit is "
                    + "told in its inbox")
    PresentationResponse schedule(@PathVariable long id, @RequestBody ScheduleRequest request) {
        ScheduleRequest r = request == null ? new ScheduleRequest(null, null, null, null, null) : request;
        requireVersion(r.version());
        Role role = access.hasAnyRole("SECRETARIAT") ? Role.SECRETARIAT : Role.PANELIST;
        presentations.plan(id, r.date(), r.time(), r.place(), r.link(), role, r.version());
        return response(id);
    }

    @PutMapping("/presentation/scores/mine")
    @PreAuthorize(InnovationRoles.PANEL_PROPOSAL_EXPRESSION)
    @Operation(
            summary = "Record or correct the caller's presentation and interview scores (refused on a conflict of "
                    + "interest)")
    PresentationResponse score(@PathVariable long id, @RequestBody ScoreRequest request) {
        ScoreRequest r = request == null ? new ScoreRequest(null, null, null, null) : request;
        requireVersion(r.version());
        presentations.score(id, r.presentation(), r.interview(), r.comment(), r.version());
        return response(id);
    }

    @GetMapping("/field-visits")
    @PreAuthorize(COMPETITION)
    @Operation(summary = "The field visits of the proposal with their members, verdicts, notes and photo ids")
    List<Visit> fieldVisits(@PathVariable long id) {
        proposals.view(id);
        return visits.visits(id);
    }

    @PostMapping(value = "/field-visits", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("@innovationVisitScope.proposal(#id)")
    @Operation(
            summary = "Record a field visit by the caller (a panelist, or an evaluator of the proposal) with the "
                    + "panelists and evaluators named in companions, a verdict, notes and 1 to 10 JPEG or PNG photos "
                    + "(checked by content and size); only a visit with a panelist and an evaluator moves the "
                    + "proposal on")
    ResponseEntity<VisitRecorded> recordVisit(
            @PathVariable long id,
            @RequestParam(value = "visitedOn", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate visitedOn,
            @RequestParam(value = "verdict", required = false) String verdict,
            @RequestParam(value = "notes", required = false) String notes,
            @RequestParam(value = "companions", required = false) List<String> companions,
            @RequestPart(value = "photos", required = false) List<MultipartFile> photos)
            throws IOException {
        List<byte[]> contents = new ArrayList<>();
        for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
            if (!photo.isEmpty()) {
                contents.add(photo.getBytes());
            }
        }
        boolean moved = visits.record(id, visitedOn, verdict(verdict), notes, companions, contents, visitScope.role());
        List<Visit> all = access.hasAnyRole(InnovationRoles.COMPETITION) ? visits.visits(id) : List.of();
        return ResponseEntity.created(URI.create("/api/v1/innovation/proposals/" + id + "/field-visits"))
                .body(new VisitRecorded(moved, all));
    }

    @ApiDownload({"image/png", "image/jpeg"})
    @GetMapping("/field-visits/photos/{photoId}")
    @PreAuthorize(COMPETITION)
    @Operation(summary = "One photo of a field visit")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        FieldVerifications.Photo photo = visits.photo(id, photoId)
                .orElseThrow(() -> BusinessException.notFound("innovation.visit.photoNotFound", photoId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.bytes());
    }

    private PresentationResponse response(long id) {
        var p = proposals.view(id);
        return new PresentationResponse(
                presentations.schedule(id).orElse(null),
                presentations.scheduleVersion(id),
                presentations.scores(id),
                p.presentationScore());
    }

    private static void requireVersion(Integer version) {
        if (version == null) {
            throw BusinessException.invalid("version", "validation.required");
        }
    }

    private static Verdict verdict(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Verdict.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("verdict", "innovation.visit.verdictRequired");
        }
    }
}
