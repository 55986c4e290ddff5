package id.peduli.workshop.goods;

/**
 * A place goods are kept: a workshop site, or the gallery shop of a centre ({@code gallery} true, {@code id} the
 * centre's unit id). {@code centreId} is the centre the site belongs to (the centre itself for a gallery).
 */
public record Location(long id, String name, boolean gallery, long centreId, String centreName) {}
