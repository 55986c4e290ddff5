package id.peduli.registry.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Typo tolerance for single name words. The registry keeps a dictionary of the words of every name key ({@code
 * registry.name_token}) and, for each word, the words that remain when one letter is deleted ({@code
 * registry.name_token_variant}). A query word and a dictionary word that share the word itself or a one-letter
 * deletion differ by one substitution, insertion, deletion or swap of neighbours (symmetric deletion, as in
 * SymSpell); the candidates are then checked with the edit distance here.
 */
final class NameTokens {

    /**
     * Words shorter than this are initials or particles: they restrict a search only while its closest plans are
     * tried, and otherwise rank the results.
     */
    static final int MIN_WORD = 3;
    /** Words at least this long also match dictionary words that start with them (a name typed in part). */
    static final int MIN_PREFIX = 4;
    /** Words at least this long also match dictionary words of similar trigrams (several typos). */
    static final int MIN_TRIGRAM = 7;

    private NameTokens() {}

    /** The distinct words of a name key that restrict a search. */
    static List<String> significantWords(String nameKey) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : nameKey.split(" ")) {
            if (word.length() >= MIN_WORD) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    /** The distinct words of a name key too short to be matched with typos (initials, particles). */
    static List<String> shortWords(String nameKey) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : nameKey.split(" ")) {
            if (!word.isEmpty() && word.length() < MIN_WORD) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    /**
     * The word and every string made by deleting one of its letters; for words allowed two edits, also two of its
     * letters. Looked up among the dictionary words and their one-letter deletions, they find every dictionary word
     * within the allowed distance.
     */
    static List<String> deletions(String word) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(word);
        for (int i = 0; i < word.length(); i++) {
            String once = word.substring(0, i) + word.substring(i + 1);
            variants.add(once);
            if (allowedDistance(word) > 1) {
                for (int j = 0; j < once.length(); j++) {
                    variants.add(once.substring(0, j) + once.substring(j + 1));
                }
            }
        }
        return new ArrayList<>(variants);
    }

    /** The most edits a dictionary word may be away from a query word of this length. */
    static int allowedDistance(String word) {
        return word.length() <= 6 ? 1 : 2;
    }

    /**
     * The edit distance counting substitutions, insertions, deletions and swaps of neighbouring letters (optimal
     * string alignment), or {@code limit + 1} once it is certain to exceed {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return Math.min(d[a.length()][b.length()], limit + 1);
    }
}
