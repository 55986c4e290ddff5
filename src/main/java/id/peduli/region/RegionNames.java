package id.peduli.region;

import java.util.Locale;
import java.util.regex.Pattern;

/** The search form of a region name; it matches the database function {@code region.normalise_name}. */
final class RegionNames {

    private static final Pattern QUOTES = Pattern.compile("['\"`‘’]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private RegionNames() {}

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String withoutQuotes = QUOTES.matcher(lower).replaceAll("");
        return SEPARATORS.matcher(withoutQuotes).replaceAll(" ").strip();
    }
}
