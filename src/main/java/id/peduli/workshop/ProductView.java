package id.peduli.workshop;

/** A product a centre's sites make: code, name, the unit it is counted in and its sale price in whole rupiah. */
public record ProductView(
        long id, long centreId, String code, String name, String unit, Money salePrice, boolean active, int version) {}
