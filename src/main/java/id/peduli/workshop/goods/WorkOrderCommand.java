package id.peduli.workshop.goods;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** A new work order of a site: who ordered what, how many, by when, at what price per unit (whole rupiah). */
@Schema(name = "WorkshopWorkOrderCommand")
public record WorkOrderCommand(String buyer, Long productId, Integer quantity, LocalDate dueOn, Long unitPrice) {}
