package id.peduli.workshop.goods;

import id.peduli.platform.Idempotent;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Corrections of a sale through the API: cancelling it, and returning some units ({@link SaleCorrections}). Scope is
 * checked before anything is loaded; each sends the version of the sale it read.
 */
@RestController
@RequestMapping("/api/v1/workshop")
@Tag(name = "Sheltered workshop goods", description = "Materials, work orders, stock, transfers and sales of SW Peduli")
class SaleCorrectionApiController {

    private final SaleCorrections corrections;

    SaleCorrectionApiController(SaleCorrections corrections) {
        this.corrections = corrections;
    }

    @Schema(name = "WorkshopSaleCancelRequest")
    record CancelRequest(
            @NotNull(message = "{validation.required}") Integer version, String reason) {}

    @Schema(name = "WorkshopSaleReturnRequest")
    record ReturnRequest(
            @NotNull(message = "{validation.required}") Integer version,
            LocalDate returnedOn,
            String reason,
            List<SaleReturnCommand.Line> lines) {}

    @PostMapping("/sales/{id}/cancellation")
    @PreAuthorize(GoodsRoles.SALE_RECORD)
    @Idempotent
    @Operation(
            summary = "Cancel the whole sale with a reason: its goods go back to stock, a work order it delivered goes"
                    + " back to ready, the invoice keeps its number and reads cancelled. Refused for a month already"
                    + " paid out (record a return instead), for a sale already cancelled, or for a stale version")
    SaleView cancel(@PathVariable long id, @Valid @RequestBody CancelRequest request) {
        return corrections.cancel(id, request.version(), request.reason());
    }

    @PostMapping("/sales/{id}/returns")
    @PreAuthorize(GoodsRoles.SALE_RECORD)
    @Idempotent
    @Operation(
            summary = "Return some units of some lines (date, reason, quantity per product): the goods go back to"
                    + " stock and the net total is lower. Counted in the month of the return, or on the day it is"
                    + " recorded when that month is already paid out")
    ResponseEntity<SaleView> returnUnits(@PathVariable long id, @Valid @RequestBody ReturnRequest request) {
        SaleView sale = corrections.returnUnits(
                id, request.version(), new SaleReturnCommand(request.returnedOn(), request.reason(), request.lines()));
        return ResponseEntity.created(URI.create("/api/v1/workshop/sales/" + id))
                .body(sale);
    }
}
