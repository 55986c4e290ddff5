package id.peduli.workshop.goods;

import io.swagger.v3.oas.annotations.media.Schema;

/** One line of a sale or transfer: a product and a quantity; for a sale, the price per unit (default: sale price). */
@Schema(name = "WorkshopGoodsLine")
public record GoodsLine(Long productId, Integer quantity, Long unitPrice) {}
