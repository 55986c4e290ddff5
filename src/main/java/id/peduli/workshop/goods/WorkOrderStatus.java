package id.peduli.workshop.goods;

/** Where a work order stands: open, in production, ready, delivered, or cancelled. */
public enum WorkOrderStatus {
    OPEN,
    IN_PRODUCTION,
    READY,
    DELIVERED,
    CANCELLED;

    public String labelKey() {
        return "goods.workOrderStatus." + name();
    }

    /** Still to be delivered. */
    public boolean pending() {
        return this == OPEN || this == IN_PRODUCTION || this == READY;
    }
}
