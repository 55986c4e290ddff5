package id.peduli.region;

import java.util.List;

/**
 * What the region browser shows: the current region with its path (none for the list of provinces), its children,
 * and the results of a name search when one was asked for.
 */
public record RegionBrowserPage(
        Region current, List<Region> path, List<Child> children, String query, Integer level, List<Hit> hits) {

    public RegionBrowserPage {
        path = List.copyOf(path);
        children = List.copyOf(children);
        hits = hits == null ? null : List.copyOf(hits);
    }

    public boolean searched() {
        return hits != null;
    }

    /** A child region and how many regions lie directly below it. */
    public record Child(Region region, int childCount) {}

    /** A search result and the names of the regions above it, e.g. "Jawa Tengah › Kabupaten Temanggung". */
    public record Hit(Region region, String within) {}
}
