package id.peduli.workshop.goods;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * Some units of some lines of a sale brought back: the day, why, and per product the number of units (a line of zero
 * or without a quantity is left out).
 */
@Schema(name = "WorkshopSaleReturnCommand")
public record SaleReturnCommand(LocalDate returnedOn, String reason, List<Line> lines) {

    /** Units of one product of the sale brought back. */
    @Schema(name = "WorkshopSaleReturnCommandLine")
    public record Line(Long productId, Integer quantity) {}
}
