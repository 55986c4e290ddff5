package id.peduli.registry.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A search key for Indonesian names that folds common spelling variants together, so that "Muhamad", "Muhammad",
 * "Mohammad" and "Moch." meet, as do "Siti Lestary" and "Siti Lestari" or "Djoko Soekarno" and "Joko Sukarno".
 * Fuzzy search then compares keys with trigram similarity, which catches the remaining typos.
 */
public final class NameKey {

    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DOUBLED = Pattern.compile("([a-z])\\1+");
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("mohammad", "muhamad"),
            Map.entry("mohamad", "muhamad"),
            Map.entry("mohamed", "muhamad"),
            Map.entry("muhamad", "muhamad"),
            Map.entry("muhammad", "muhamad"),
            Map.entry("muhammed", "muhamad"),
            Map.entry("mochammad", "muhamad"),
            Map.entry("mochamad", "muhamad"),
            Map.entry("mokhamad", "muhamad"),
            Map.entry("mukhammad", "muhamad"),
            Map.entry("mukhamad", "muhamad"),
            Map.entry("moch", "muhamad"),
            Map.entry("moh", "muhamad"),
            Map.entry("muh", "muhamad"),
            Map.entry("mhd", "muhamad"),
            Map.entry("md", "muhamad"),
            Map.entry("achmad", "ahmad"),
            Map.entry("akhmad", "ahmad"),
            Map.entry("ahmad", "ahmad"),
            Map.entry("abd", "abdul"),
            Map.entry("nur", "nur"),
            Map.entry("noer", "nur"),
            Map.entry("st", "siti"));

    private NameKey() {}

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        // Plain ASCII has no accents to strip, and most names are plain ASCII: skip the Unicode work for them.
        String text = isAscii(name)
                ? name.toLowerCase(Locale.ROOT)
                : Normalizer.normalize(name, Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase(Locale.ROOT);
        text = NOT_LETTER.matcher(text).replaceAll(" ");
        StringBuilder key = new StringBuilder();
        for (String word : SPACES.split(text.trim())) {
            if (word.isEmpty()) {
                continue;
            }
            String folded = WORDS.get(word);
            if (folded == null) {
                folded = fold(word);
                folded = WORDS.getOrDefault(folded, folded);
            }
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(folded);
        }
        return key.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Old (pre-1972) spellings to current ones, doubled letters to single, a final y to i. */
    private static String fold(String word) {
        String w = word;
        w = w.replace("oe", "u");
        w = w.replace("dj", "j");
        w = w.replace("tj", "c");
        w = w.replace("sj", "sy");
        w = w.replace("nj", "ny");
        w = w.replace("ch", "kh");
        w = w.replace("ph", "f");
        w = w.replace("th", "t");
        w = w.replace("dh", "d");
        w = DOUBLED.matcher(w).replaceAll("$1");
        if (w.length() > 2 && w.endsWith("y") && !w.endsWith("ay") && !w.endsWith("oy") && !w.endsWith("uy")) {
            w = w.substring(0, w.length() - 1) + "i";
        }
        return w;
    }
}
