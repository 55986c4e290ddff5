package id.peduli.workshop.goods;

/** How a material's stock moves: a purchase, use in production, or a count correction. */
public enum MovementKind {
    IN,
    OUT,
    ADJUST;

    public String labelKey() {
        return "goods.movement." + name();
    }
}
