package id.peduli.innovation.evaluation;

import id.peduli.innovation.InnovationRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Each evaluator's cap for a period over the API, for the secretariat ({@link EvaluatorCaps}). */
@RestController
@RequestMapping("/api/v1/innovation/periods/{id}/evaluator-caps")
@Tag(name = "Innovation assessment")
class EvaluatorCapsApiController {

    private final EvaluatorCaps caps;

    EvaluatorCapsApiController(EvaluatorCaps caps) {
        this.caps = caps;
    }

    @Schema(name = "InnovationEvaluatorCapRequest")
    record CapRequest(
            @Schema(description = "Most proposals the evaluator may hold in the period, 1 to 10,000")
            Integer cap,

            @Schema(
                    description = "The version read (0 while the default cap applies)",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Integer version) {}

    @GetMapping
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    @Operation(summary = "The period's evaluators with the number of proposals they hold and their caps")
    List<EvaluatorCap> list(@PathVariable long id) {
        return caps.list(id);
    }

    @PutMapping("/{userId}")
    @PreAuthorize(InnovationRoles.SECRETARIAT_EXPRESSION)
    @Operation(
            summary = "Set an evaluator's cap for the period (refused below the proposals they already hold, or when "
                    + "the version is not the current one)")
    EvaluatorCap set(@PathVariable long id, @PathVariable long userId, @RequestBody CapRequest request) {
        return caps.set(id, userId, request == null ? null : request.cap(), request == null ? null : request.version());
    }
}
