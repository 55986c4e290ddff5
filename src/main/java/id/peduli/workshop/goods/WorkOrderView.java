package id.peduli.workshop.goods;

import id.peduli.workshop.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** A work order with its total, whether it is overdue (due before today and not delivered), and the next statuses. */
@Schema(name = "WorkshopWorkOrder")
public record WorkOrderView(
        long id,
        long siteId,
        String buyer,
        long productId,
        String productName,
        String productUnit,
        int quantity,
        LocalDate dueOn,
        Money unitPrice,
        Money total,
        WorkOrderStatus status,
        String cancelReason,
        boolean overdue,
        List<WorkOrderStatus> next,
        int version) {}
