package id.peduli.workshop.goods;

/** Where a sale was made: in the gallery shop, to a local buyer, on an order, or online. */
public enum SaleChannel {
    GALLERY,
    LOCAL_BUYER,
    ORDER,
    ONLINE;

    public String labelKey() {
        return "goods.channel." + name();
    }
}
