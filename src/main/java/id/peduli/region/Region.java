package id.peduli.region;

/**
 * One administrative region: its dotted Kemendagri code, the code of its parent ({@code null} for a province), its
 * level (1 province, 2 regency or city, 3 district, 4 village) and its official name.
 */
public record Region(String code, String parentCode, int level, String name) {

    /** The message key naming this region's level, e.g. {@code region.level.2} for a regency or city. */
    public String levelKey() {
        return "region.level." + level;
    }
}
