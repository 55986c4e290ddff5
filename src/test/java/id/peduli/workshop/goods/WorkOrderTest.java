package id.peduli.workshop.goods;

import static id.peduli.workshop.goods.WorkOrderStatus.CANCELLED;
import static id.peduli.workshop.goods.WorkOrderStatus.DELIVERED;
import static id.peduli.workshop.goods.WorkOrderStatus.IN_PRODUCTION;
import static id.peduli.workshop.goods.WorkOrderStatus.OPEN;
import static id.peduli.workshop.goods.WorkOrderStatus.READY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.shared.BusinessException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkOrderTest {

    /** The legal moves, written out by hand: everything else is refused. */
    private static final Set<String> LEGAL = Set.of(
            "OPEN>IN_PRODUCTION",
            "OPEN>CANCELLED",
            "IN_PRODUCTION>READY",
            "IN_PRODUCTION>CANCELLED",
            "READY>DELIVERED",
            "READY>CANCELLED");

    @Test
    void everyPairOfStatusesIsAllowedOrRefusedAsTheTableSays() {
        int checked = 0;
        for (WorkOrderStatus from : WorkOrderStatus.values()) {
            for (WorkOrderStatus to : WorkOrderStatus.values()) {
                WorkOrder order = new WorkOrder(from);
                String reason = to == CANCELLED ? "pembeli membatalkan" : null;
                if (LEGAL.contains(from + ">" + to)) {
                    WorkOrder.Step step = order.moveTo(to, reason);
                    assertThat(step.from()).isEqualTo(from);
                    assertThat(order.status()).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> order.moveTo(to, reason))
                            .isInstanceOf(BusinessException.class)
                            .satisfies(e -> {
                                assertThat(((BusinessException) e).status()).isEqualTo(409);
                                assertThat(((BusinessException) e).messageKey()).isEqualTo("goods.workOrder.illegal");
                            });
                    assertThat(order.status()).isEqualTo(from);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(25);
    }

    @Test
    void cancellingNeedsAReasonAndKeepsOnlyThatReason() {
        WorkOrder order = new WorkOrder(IN_PRODUCTION);
        assertThatThrownBy(() -> order.moveTo(CANCELLED, "  "))
                .isInstanceOf(BusinessException.class)
                .satisfies(e ->
                        assertThat(((BusinessException) e).messageKey()).isEqualTo("goods.workOrder.reasonRequired"));
        assertThat(order.status()).isEqualTo(IN_PRODUCTION);
        assertThat(order.moveTo(CANCELLED, " kain habis ").reason()).isEqualTo("kain habis");
        assertThat(new WorkOrder(OPEN).moveTo(IN_PRODUCTION, "tidak disimpan").reason())
                .isNull();
    }

    @Test
    void deliveredAndCancelledOrdersDoNotMoveAgain() {
        assertThat(WorkOrder.next(DELIVERED)).isEmpty();
        assertThat(WorkOrder.next(CANCELLED)).isEmpty();
        assertThat(WorkOrder.next(READY)).containsExactly(DELIVERED, CANCELLED);
    }
}
