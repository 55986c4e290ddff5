package id.peduli.workshop.goods;

import id.peduli.workshop.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** A recorded sale with its invoice number, lines and total. */
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
        int version) {

    /** One line: product, quantity, price per unit and amount. */
    @Schema(name = "WorkshopSaleLine")
    public record Line(
            long productId, String code, String name, String unit, int quantity, Money unitPrice, Money amount) {}
}
