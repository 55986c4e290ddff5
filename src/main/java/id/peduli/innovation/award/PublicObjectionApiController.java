package id.peduli.innovation.award;

import id.peduli.innovation.period.Periods;
import id.peduli.innovation.proposal.ProposalView;
import id.peduli.platform.ApiErrors;
import id.peduli.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public objection window over the API, without signing in: what may be objected to now, and filing an objection.
 * Filing goes through {@link Panel#fileObjection} like the public page: the same checks, the same hourly limit per
 * client address (counted over page and API together), the same audit of refusals. An innovation that is unknown or
 * not in an open window answers 404 {@code innovation.objection.closed}, whichever of the two it is.
 */
@RestController
@RequestMapping("/api/v1/public/innovation")
@Tag(name = "Innovation public objections", description = "SINOVIK / KIPP: the public objection window (no sign-in)")
class PublicObjectionApiController {

    private final Panel panel;
    private final Periods periods;

    PublicObjectionApiController(Panel panel, Periods periods) {
        this.panel = panel;
        this.periods = periods;
    }

    /** An innovation proposed for the Top 99 that may be objected to now, and when its window closes. */
    @Schema(name = "InnovationObjectionWindowEntry")
    record WindowEntry(long proposalId, String title, String unitName, int periodYear, Instant closesAt) {}

    @Schema(name = "InnovationPublicObjectionRequest")
    record ObjectionRequest(Long proposalId, String name, String contact, String text) {}

    @Schema(name = "InnovationPublicObjectionReceipt")
    record Receipt(long proposalId, boolean received) {}

    @GetMapping("/objection-window")
    @Operation(summary = "The innovations that may be objected to now, with the end of their window (no sign-in)")
    List<WindowEntry> window() {
        Map<Long, Instant> closes = new HashMap<>();
        return panel.openToObjection().stream()
                .map(p -> entry(
                        p,
                        closes.computeIfAbsent(
                                p.periodId(), id -> periods.get(id).objectionClosesAt())))
                .toList();
    }

    @PostMapping("/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiErrors(404)
    @Operation(
            summary = "File an objection to an innovation in an open objection window (no sign-in): name, contact and "
                    + "text of 20 to 5,000 characters; a few per client address and hour")
    Receipt file(@RequestBody(required = false) ObjectionRequest request, HttpServletRequest http) {
        if (request == null || request.proposalId() == null) {
            throw BusinessException.invalid("proposalId", "validation.required");
        }
        try {
            panel.fileObjection(
                    request.proposalId(),
                    request.name(),
                    request.contact(),
                    request.text(),
                    null,
                    http.getRemoteAddr());
        } catch (BusinessException e) {
            if (e.status() == 404) {
                throw BusinessException.notFound("innovation.objection.closed");
            }
            throw e;
        }
        return new Receipt(request.proposalId(), true);
    }

    private static WindowEntry entry(ProposalView p, Instant closesAt) {
        return new WindowEntry(p.id(), p.title(), p.unitName(), p.periodYear(), closesAt);
    }
}
