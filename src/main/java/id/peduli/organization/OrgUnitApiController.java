package id.peduli.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organisation units over the API. Reading: the units the caller's grants cover. Creating, editing and moving:
 * SYSTEM_ADMIN for the units their grant covers (roots only for national administrators).
 */
@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "Organisation units", description = "The tree of ministries, technical units, sites, groups and agencies")
class OrgUnitApiController {

    private final Organizations organizations;

    OrgUnitApiController(Organizations organizations) {
        this.organizations = organizations;
    }

    @Schema(name = "OrgUnitUpdateRequest")
    record UpdateRequest(
            @NotNull(message = "{validation.required}") Integer version,
            @NotNull @Valid OrgUnitCommand unit) {}

    @Schema(name = "OrgUnitMoveRequest")
    record MoveRequest(
            Long parentId,
            @NotNull(message = "{validation.required}") Integer version) {}

    @GetMapping
    @Operation(summary = "Units the caller's grants cover, in tree order")
    List<OrgUnit> list() {
        return organizations.visibleTo();
    }

    @GetMapping("/{id}")
    @PreAuthorize(OrganizationRoles.READ_UNIT_EXPRESSION)
    @Operation(summary = "One unit")
    OrgUnit get(@PathVariable long id) {
        return organizations.get(id);
    }

    @PostMapping
    @PreAuthorize(OrganizationRoles.ADMINISTER_EXPRESSION)
    @Operation(summary = "Create a unit")
    ResponseEntity<OrgUnit> create(@Valid @RequestBody OrgUnitCommand command) {
        organizations.requireAdministeredParent(command.parentId());
        OrgUnit unit = organizations.create(command);
        return ResponseEntity.created(URI.create("/api/v1/org-units/" + unit.id()))
                .body(unit);
    }

    @PutMapping("/{id}")
    @PreAuthorize(OrganizationRoles.ADMINISTER_UNIT_EXPRESSION)
    @Operation(summary = "Update a unit; send the version you read (optimistic locking). The parent is not changed")
    OrgUnit update(@PathVariable long id, @Valid @RequestBody UpdateRequest request) {
        return organizations.update(id, request.version(), request.unit());
    }

    @PostMapping("/{id}/move")
    @PreAuthorize(OrganizationRoles.ADMINISTER_UNIT_EXPRESSION)
    @Operation(summary = "Move a unit and its subtree under another parent (no parentId: make it a root)")
    OrgUnit move(@PathVariable long id, @Valid @RequestBody MoveRequest request) {
        organizations.requireAdministeredParent(request.parentId());
        return organizations.move(id, request.parentId(), request.version());
    }
}
