package id.peduli.workshop.goods;

import id.peduli.workshop.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** A recorded movement: quantity signed as it changes the stock (OUT negative), and its worth in rupiah. */
@Schema(name = "WorkshopMaterialMovement")
public record MovementView(
        long id,
        long materialId,
        MovementKind kind,
        LocalDate movedOn,
        int quantity,
        Money value,
        Long workOrderId,
        String reason) {}
