package id.peduli.workshop.goods;

import id.peduli.workshop.Money;
import io.swagger.v3.oas.annotations.media.Schema;

/** A material of a site with its stock on hand (ins, minus outs, plus corrections) in its unit of measure. */
@Schema(name = "WorkshopMaterial")
public record MaterialView(
        long id,
        long siteId,
        String code,
        String name,
        String unit,
        Money unitCost,
        boolean active,
        long onHand,
        int version) {}
