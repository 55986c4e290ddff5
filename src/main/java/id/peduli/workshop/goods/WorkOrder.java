package id.peduli.workshop.goods;

import static id.peduli.workshop.goods.WorkOrderStatus.CANCELLED;
import static id.peduli.workshop.goods.WorkOrderStatus.DELIVERED;
import static id.peduli.workshop.goods.WorkOrderStatus.IN_PRODUCTION;
import static id.peduli.workshop.goods.WorkOrderStatus.OPEN;
import static id.peduli.workshop.goods.WorkOrderStatus.READY;

import id.peduli.shared.BusinessException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The work order's status machine, and the only place that decides which status may follow which: an order is taken
 * (OPEN), goes into production, is ready, and is delivered; until it is delivered it may be cancelled, with a reason.
 * Delivered and cancelled orders do not move again. {@link #moveTo} refuses an illegal move itself (409), whatever page,
 * API or sale asked, and a cancellation without its reason (422); the service only loads, asks and stores.
 */
final class WorkOrder {

    /** Which statuses may follow each status. */
    static final Map<WorkOrderStatus, Set<WorkOrderStatus>> NEXT = new EnumMap<>(WorkOrderStatus.class);

    static {
        NEXT.put(OPEN, EnumSet.of(IN_PRODUCTION, CANCELLED));
        NEXT.put(IN_PRODUCTION, EnumSet.of(READY, CANCELLED));
        NEXT.put(READY, EnumSet.of(DELIVERED, CANCELLED));
        NEXT.put(DELIVERED, EnumSet.noneOf(WorkOrderStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(WorkOrderStatus.class));
    }

    private WorkOrderStatus status;

    WorkOrder(WorkOrderStatus status) {
        this.status = status;
    }

    WorkOrderStatus status() {
        return status;
    }

    /** One accepted move: from, to and why (a reason for a cancellation, null otherwise). */
    record Step(WorkOrderStatus from, WorkOrderStatus to, String reason) {}

    /** Moves to {@code to}, or refuses: a status that may not follow (409), a cancellation without a reason (422). */
    Step moveTo(WorkOrderStatus to, String reason) {
        if (to == null) {
            throw BusinessException.invalid("status", "validation.required");
        }
        if (!allowed(status, to)) {
            throw BusinessException.conflict("status", "goods.workOrder.illegal", label(status), label(to));
        }
        String why = Materials.blankToNull(reason);
        if (to == CANCELLED && why == null) {
            throw BusinessException.invalid("reason", "goods.workOrder.reasonRequired");
        }
        if (why != null && why.length() > Materials.REASON_MAX) {
            throw BusinessException.invalid("reason", "validation.maxLength", Materials.REASON_MAX);
        }
        WorkOrderStatus from = status;
        status = to;
        return new Step(from, to, to == CANCELLED ? why : null);
    }

    /**
     * Undoes a delivery made by a sale that is now cancelled: back to {@code previous}, the status the order was
     * delivered from. The only way back from DELIVERED, and only to a status that may be delivered from (409
     * otherwise); not one of the moves of {@link #NEXT}.
     */
    Step undeliver(WorkOrderStatus previous) {
        if (status != DELIVERED || previous == null || !allowed(previous, DELIVERED)) {
            throw BusinessException.conflict(
                    "status", "goods.workOrder.illegal", label(status), label(previous == null ? READY : previous));
        }
        WorkOrderStatus from = status;
        status = previous;
        return new Step(from, previous, null);
    }

    static boolean allowed(WorkOrderStatus from, WorkOrderStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** The statuses that may follow {@code from}, in order. */
    static List<WorkOrderStatus> next(WorkOrderStatus from) {
        return List.copyOf(NEXT.get(from));
    }

    private static DefaultMessageSourceResolvable label(WorkOrderStatus status) {
        return new DefaultMessageSourceResolvable(new String[] {status.labelKey()}, status.name());
    }
}
