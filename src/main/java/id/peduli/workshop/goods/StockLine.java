package id.peduli.workshop.goods;

import id.peduli.workshop.Money;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Finished goods of one product at one location: what came in (accepted production at a site, transfers received at
 * a gallery), what was sold, what was transferred out (sites only) and what is on hand, in the product's unit.
 */
@Schema(name = "WorkshopStockLine")
public record StockLine(
        long productId,
        String code,
        String name,
        String unit,
        Money salePrice,
        long received,
        long sold,
        long transferred,
        long onHand) {

    /** The stock on hand at the product's sale price. */
    public Money value() {
        return salePrice.times(onHand);
    }
}
