package id.peduli.workshop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Placements and follow-ups over the API; a placement outside the caller's sites answers 404 like a missing one. */
@RestController
@RequestMapping("/api/v1/workshop")
@Tag(name = "Sheltered workshop", description = "Sites, products, sessions, earnings and payouts of SW Peduli")
class PlacementApiController {

    private final Placements placements;
    private final Sites sites;

    PlacementApiController(Placements placements, Sites sites) {
        this.placements = placements;
        this.sites = sites;
    }

    @Schema(name = "WorkshopFollowUpRequest")
    record FollowUpRequest(
            @NotNull(message = "{validation.required}") LocalDate doneOn,
            @NotNull(message = "{validation.required}") Boolean stillEmployed,
            Long wage,
            String notes) {}

    @Schema(name = "WorkshopSeparationRequest")
    record SeparationRequest(
            @NotNull(message = "{validation.required}") LocalDate separatedOn, String reason) {}

    @GetMapping("/sites/{id}/placements")
    @PreAuthorize(WorkshopRoles.SITE_CASE_READ_EXPRESSION)
    @Operation(summary = "Placements of the site's participants with their follow-ups")
    List<PlacementView> list(@PathVariable long id) {
        sites.get(id);
        return placements.ofSite(id);
    }

    @PostMapping("/sites/{id}/placements")
    @PreAuthorize(WorkshopRoles.SITE_RECORD_EXPRESSION)
    @Operation(summary = "Record a placement; follow-ups are scheduled at 30, 90, 180 and 365 days")
    ResponseEntity<PlacementView> create(@PathVariable long id, @Valid @RequestBody PlacementCommand command) {
        sites.get(id);
        PlacementView placement = placements.place(id, command);
        return ResponseEntity.created(URI.create("/placements/" + placement.id()))
                .body(placement);
    }

    @GetMapping("/placements/{id}")
    @PreAuthorize(WorkshopRoles.PLACEMENT_READ_EXPRESSION)
    @Operation(summary = "One placement with its follow-ups")
    PlacementView get(@PathVariable long id) {
        return placements.get(id);
    }

    @PostMapping("/placements/{id}/follow-ups/{followUpId}")
    @PreAuthorize(WorkshopRoles.PLACEMENT_RECORD_EXPRESSION)
    @Operation(summary = "Record a follow-up: still employed, wage, notes; dated on or after the start")
    PlacementView recordFollowUp(
            @PathVariable long id, @PathVariable long followUpId, @Valid @RequestBody FollowUpRequest request) {
        return placements.followUp(
                id, followUpId, request.doneOn(), request.stillEmployed(), request.wage(), request.notes());
    }

    @PostMapping("/placements/{id}/separation")
    @PreAuthorize(WorkshopRoles.PLACEMENT_RECORD_EXPRESSION)
    @Operation(summary = "End a placement with the day and the reason")
    PlacementView recordSeparation(@PathVariable long id, @Valid @RequestBody SeparationRequest request) {
        return placements.separate(id, request.separatedOn(), request.reason());
    }
}
