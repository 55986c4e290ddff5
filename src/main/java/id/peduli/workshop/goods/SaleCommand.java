package id.peduli.workshop.goods;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** A sale: day, buyer, channel, the lines, and optionally the work order of the site it delivers. */
@Schema(name = "WorkshopSaleCommand")
public record SaleCommand(
        LocalDate soldOn, String buyer, SaleChannel channel, Long workOrderId, String note, List<GoodsLine> lines) {}
