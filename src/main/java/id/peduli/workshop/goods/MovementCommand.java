package id.peduli.workshop.goods;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * One movement of a material: IN with the purchase's cost, OUT (optionally for a work order of the site), or ADJUST with
 * a signed quantity and its reason. Checked by {@link Materials#move}.
 */
@Schema(name = "WorkshopMaterialMovementCommand")
public record MovementCommand(
        MovementKind kind, LocalDate movedOn, Integer quantity, Long cost, Long workOrderId, String reason) {}
