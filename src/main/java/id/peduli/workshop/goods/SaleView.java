package id.peduli.workshop.goods;

import id.peduli.workshop.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * A recorded sale with its invoice number, lines and total. A cancelled sale keeps its invoice number and lines and
 * carries the day and reason of the cancellation; its net total is zero. Returns of some units lower the net total
 * ({@code total} minus {@code returned}).
 */
@Schema(name = "WorkshopSale")
public record SaleView(
        long id,
        long locationId,
        String locationName,
        boolean gallery,
        LocalDate soldOn,
        String buyer,
        SaleChannel channel,
        Long workOrderId,
        String invoiceNumber,
        Money total,
        String note,
        List<Line> lines,
        int version,
        boolean cancelled,
        LocalDate cancelledOn,
        String cancelReason,
        Money returned,
        Money netTotal,
        List<Return> returns) {

    /** One line: product, quantity, price per unit and amount, and how many of its units came back. */
    @Schema(name = "WorkshopSaleLine")
    public record Line(
            long productId,
            String code,
            String name,
            String unit,
            int quantity,
            Money unitPrice,
            Money amount,
            int returnedQuantity) {

        /** Units that may still be returned. */
        public int returnable() {
            return quantity - returnedQuantity;
        }
    }

    /**
     * A return: the day the goods came back, the day it is counted in the sales figures (later when that month was
     * already paid out), why, the amount and its lines.
     */
    @Schema(name = "WorkshopSaleReturn")
    public record Return(
            long id, LocalDate returnedOn, LocalDate countedOn, String reason, Money amount, List<ReturnLine> lines) {}

    /** Units of one product returned. */
    @Schema(name = "WorkshopSaleReturnLine")
    public record ReturnLine(long productId, String name, String unit, int quantity, Money amount) {}

    /** True while some units may still be returned (not cancelled, something left). */
    public boolean returnable() {
        return !cancelled && lines.stream().anyMatch(l -> l.returnable() > 0);
    }
}
