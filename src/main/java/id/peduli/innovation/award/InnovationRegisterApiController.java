package id.peduli.innovation.award;

import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.proposal.InnovationList;
import id.peduli.platform.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * S9 over the API: the public catalogue (no sign-in) and the replication register of operators and verifiers; the
 * units' innovations across the years.
 */
@RestController
@RequestMapping("/api/v1/innovation")
@Tag(name = "Innovation catalogue", description = "Winning innovations, their replications, units' innovations")
class InnovationRegisterApiController {

    private final Catalogue catalogue;
    private final Replications replications;
    private final InnovationList innovations;
    private final ReplicationFollowUps followUps;

    InnovationRegisterApiController(
            Catalogue catalogue,
            Replications replications,
            InnovationList innovations,
            ReplicationFollowUps followUps) {
        this.catalogue = catalogue;
        this.replications = replications;
        this.innovations = innovations;
        this.followUps = followUps;
    }

    @Schema(name = "InnovationCatalogueDetail")
    record CatalogueDetail(Catalogue.Entry entry, List<Catalogue.Replication> replications) {}

    @GetMapping("/catalogue")
    @Operation(summary = "The public catalogue of winning innovations, newest first (no sign-in); q searches words")
    List<Catalogue.Entry> catalogue(
            @RequestParam(value = "q", required = false) String query,
            @RequestParam(value = "year", required = false) Integer year) {
        return catalogue.search(query, year, InnovationCatalogueController.PAGE);
    }

    @GetMapping("/catalogue/{innovationId}")
    @Operation(summary = "One innovation of the public catalogue with its replications (no sign-in)")
    CatalogueDetail catalogueEntry(@PathVariable long innovationId) {
        return new CatalogueDetail(catalogue.entry(innovationId), catalogue.replications(innovationId));
    }

    @GetMapping("/replications")
    @PreAuthorize(ReplicationPageController.ROLES)
    @Operation(summary = "The replications registered by the caller's units (all of them for the secretariat)")
    List<Replications.View> replications() {
        return replications.visible();
    }

    @PostMapping("/replications")
    @Idempotent
    @PreAuthorize(InnovationRoles.OPERATOR_EXPRESSION)
    @Operation(summary = "Register that a unit in scope replicates an innovation of the catalogue")
    ResponseEntity<Replications.View> register(@RequestBody Replications.Form form) {
        Replications.View view = replications.register(form);
        return ResponseEntity.created(URI.create("/api/v1/innovation/replications/" + view.id()))
                .body(view);
    }

    @GetMapping("/replications/{id}")
    @PreAuthorize(ReplicationPageController.ROLES)
    @Operation(
            summary = "One replication with its history and the replication-group proposals that name its source "
                    + "(the replicating unit's operators and verifiers, the secretariat)")
    ReplicationFollowUps.Detail replication(@PathVariable long id) {
        return followUps.detail(id);
    }

    @PostMapping("/replications/{id}/status")
    @PreAuthorize(ReplicationPageController.ROLES)
    @Operation(summary = "Change where a replication stands, with the version read (stopping needs a note)")
    ReplicationFollowUps.Detail changeStatus(
            @PathVariable long id, @RequestBody ReplicationFollowUps.StatusChange change) {
        return followUps.changeStatus(id, change);
    }

    @PostMapping("/replications/{id}/results")
    @PreAuthorize(ReplicationPageController.ROLES)
    @Operation(summary = "Report a result of a replication (date, text, optional figure), with the version read")
    ReplicationFollowUps.Detail addResult(@PathVariable long id, @RequestBody ReplicationFollowUps.Result result) {
        return followUps.addResult(id, result);
    }

    @GetMapping("/innovations")
    @PreAuthorize(InnovationRoles.UNIT_EXPRESSION)
    @Operation(summary = "The innovations of the caller's units with their proposals per year")
    List<InnovationList.Item> innovations() {
        return innovations.visible();
    }
}
