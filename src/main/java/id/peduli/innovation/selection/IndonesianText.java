package id.peduli.innovation.selection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Turns Indonesian text into words for comparison: lower-case, punctuation and other non-letters become separators,
 * common function words are dropped; every kept word remembers where it stood in the original text, so that matching
 * passages can be shown as written.
 */
final class IndonesianText {

    /** Words of three consecutive kept words make one shingle. */
    static final int SHINGLE = 3;

    /**
     * Function words that carry no content: conjunctions, prepositions, pronouns, auxiliaries and fillers common in
     * proposal prose (“yang”, “dan”, “untuk”, “telah”, “tersebut”, …).
     */
    static final Set<String> STOP_WORDS = Set.of(
            "ada",
            "adalah",
            "agar",
            "akan",
            "antara",
            "atas",
            "atau",
            "bagi",
            "bahwa",
            "baik",
            "banyak",
            "belum",
            "beberapa",
            "berbagai",
            "bisa",
            "dalam",
            "dan",
            "dapat",
            "dari",
            "demikian",
            "dengan",
            "di",
            "dia",
            "hal",
            "hanya",
            "harus",
            "ia",
            "ini",
            "itu",
            "jika",
            "juga",
            "kami",
            "karena",
            "ke",
            "kepada",
            "kita",
            "lagi",
            "lain",
            "lebih",
            "maka",
            "masih",
            "melalui",
            "mereka",
            "namun",
            "oleh",
            "pada",
            "para",
            "pun",
            "sama",
            "sangat",
            "saat",
            "sampai",
            "satu",
            "sebagai",
            "sebuah",
            "secara",
            "sehingga",
            "sejak",
            "seperti",
            "serta",
            "setiap",
            "sudah",
            "suatu",
            "telah",
            "tentang",
            "terhadap",
            "tersebut",
            "tetapi",
            "tidak",
            "untuk",
            "yaitu",
            "yakni",
            "yang");

    private IndonesianText() {}

    /** The kept words of a text, with their places in it. */
    record Words(String source, String[] words, int[] starts, int[] ends) {

        int size() {
            return words.length;
        }

        /** The original text from the start of word {@code from} to the end of word {@code to} (inclusive). */
        String passage(int from, int to) {
            return source.substring(starts[from], ends[to]).replaceAll("\\s+", " ");
        }
    }

    static Words words(String text) {
        String source = text == null ? "" : text;
        int capacity = Math.max(8, source.length() / 6);
        String[] words = new String[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int n = 0;
        int length = source.length();
        int i = 0;
        while (i < length) {
            while (i < length && !Character.isLetterOrDigit(source.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && Character.isLetterOrDigit(source.charAt(i))) {
                i++;
            }
            if (i > start) {
                String word = source.substring(start, i).toLowerCase(Locale.ROOT);
                if (!STOP_WORDS.contains(word)) {
                    if (n == words.length) {
                        words = Arrays.copyOf(words, n * 2);
                        starts = Arrays.copyOf(starts, n * 2);
                        ends = Arrays.copyOf(ends, n * 2);
                    }
                    words[n] = word;
                    starts[n] = start;
                    ends[n] = i;
                    n++;
                }
            }
        }
        return new Words(source, Arrays.copyOf(words, n), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /**
     * The 64-bit hash of every shingle, by position: element i covers words i … i + 2. A text of one or two words has
     * one shingle of those words; an empty text none.
     */
    static long[] shingles(Words words) {
        int n = words.size();
        if (n == 0) {
            return new long[0];
        }
        long[] wordHashes = new long[n];
        for (int i = 0; i < n; i++) {
            wordHashes[i] = hash(words.words()[i]);
        }
        int count = Math.max(1, n - SHINGLE + 1);
        long[] result = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = i; j < Math.min(n, i + SHINGLE); j++) {
                h = mix(h * 31 + wordHashes[j]);
            }
            result[i] = h;
        }
        return result;
    }

    /** The distinct values of an array, sorted. */
    static long[] distinct(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    /** FNV-1a over the characters, then mixed. */
    private static long hash(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The finaliser of MurmurHash3 (64 bits). */
    static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
