package id.peduli.innovation.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Near-duplicate proposals: which earlier proposals (of this period or earlier ones, of any agency) closely match the
 * title and text of a proposal, ranked by similarity, with the matching passages side by side.
 *
 * <p><b>Text.</b> Title and text are read as one text. Words are lower-cased, punctuation separates words, and a
 * short list of Indonesian function words ("yang", "dan", "untuk", …) is dropped, so that "Pelayanan KTP, yang cepat"
 * and "pelayanan ktp cepat" read the same. Every run of three consecutive kept words is a shingle, hashed to 64 bits.
 *
 * <p><b>Similarity</b> is the Jaccard index of the two sets of shingles: shared shingles divided by the shingles of
 * either (0 = nothing in common, 1 = the same words in the same order). {@link Match#containment()} adds the share of
 * the proposal's shingles found in the earlier one, which is high when a short proposal was copied out of a longer
 * one.
 *
 * <p><b>Speed.</b> The index is an inverted index: for every shingle the earlier proposals that contain it (one
 * array of all postings, addressed through an open-addressing hash table). A query looks up each of its shingles
 * once and counts shared shingles per earlier proposal, so it only ever touches proposals that share something;
 * similarity is exact, not estimated. Built once per period; read-only afterwards and safe to query from several
 * threads.
 */
public final class NearDuplicates {

    /** A proposal, earlier or to compare. */
    public record Document(long id, long agencyId, int year, String title, String text) {}

    /** One matching passage: the words as written in the proposal and in the earlier proposal. */
    public record Passage(String proposal, String earlier, int words) {}

    /**
     * An earlier proposal that resembles the one compared.
     *
     * @param similarity Jaccard index of the shingle sets, 0..1
     * @param containment share of the compared proposal's shingles found in this one, 0..1
     * @param passages the longest matching passages (at most {@link #MAX_PASSAGES}), longest first
     */
    public record Match(
            long id,
            long agencyId,
            int year,
            String title,
            double similarity,
            double containment,
            List<Passage> passages) {}

    /** Most passages shown per match. */
    public static final int MAX_PASSAGES = 5;

    private final Document[] documents;
    private final int[] shingleCounts;
    private final long[] tableKeys;
    private final int[] tableSlots;
    private final int mask;
    private final int[] postingStarts;
    private final int[] postings;

    private NearDuplicates(
            Document[] documents,
            int[] shingleCounts,
            long[] tableKeys,
            int[] tableSlots,
            int[] postingStarts,
            int[] postings) {
        this.documents = documents;
        this.shingleCounts = shingleCounts;
        this.tableKeys = tableKeys;
        this.tableSlots = tableSlots;
        this.mask = tableKeys.length - 1;
        this.postingStarts = postingStarts;
        this.postings = postings;
    }

    /** Builds the index of the earlier proposals. */
    public static NearDuplicates index(Collection<Document> earlier) {
        Document[] documents = earlier.toArray(Document[]::new);
        int n = documents.length;
        long[][] shingles = new long[n][];
        int[] counts = new int[n];
        long total = 0;
        for (int d = 0; d < n; d++) {
            Document document = Objects.requireNonNull(documents[d], "document");
            shingles[d] = IndonesianText.distinct(IndonesianText.shingles(IndonesianText.words(combined(document))));
            counts[d] = shingles[d].length;
            total += counts[d];
        }
        if (total > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("too much text for one index");
        }
        int capacity = Integer.highestOneBit((int) Math.max(16, total * 2)) << 1;
        long[] keys = new long[capacity];
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        int m = capacity - 1;
        // first pass: distinct shingles and their document frequency
        int[] frequency = new int[(int) Math.max(16, total)];
        int distinct = 0;
        for (long[] doc : shingles) {
            for (long h : doc) {
                int i = (int) IndonesianText.mix(h) & m;
                while (slots[i] >= 0 && keys[i] != h) {
                    i = (i + 1) & m;
                }
                if (slots[i] < 0) {
                    keys[i] = h;
                    slots[i] = distinct++;
                }
                frequency[slots[i]]++;
            }
        }
        int[] starts = new int[distinct + 1];
        for (int s = 0; s < distinct; s++) {
            starts[s + 1] = starts[s] + frequency[s];
        }
        int[] fill = Arrays.copyOf(starts, distinct);
        int[] postings = new int[(int) total];
        for (int d = 0; d < n; d++) {
            for (long h : shingles[d]) {
                int i = (int) IndonesianText.mix(h) & m;
                while (keys[i] != h) {
                    i = (i + 1) & m;
                }
                postings[fill[slots[i]]++] = d;
            }
        }
        return new NearDuplicates(documents, counts, keys, slots, starts, postings);
    }

    /** Number of proposals in the index. */
    public int size() {
        return documents.length;
    }

    /**
     * The {@code k} earlier proposals most similar to the given one, most similar first (equal similarity: lower id
     * first); only those sharing at least one shingle, never the proposal itself (same id).
     */
    public List<Match> similar(Document proposal, int k) {
        return similar(proposal, k, 0);
    }

    /** As {@link #similar(Document, int)}, keeping only matches with at least the given similarity. */
    public List<Match> similar(Document proposal, int k, double minSimilarity) {
        if (k <= 0) {
            return List.of();
        }
        IndonesianText.Words words = IndonesianText.words(combined(proposal));
        long[] byPosition = IndonesianText.shingles(words);
        long[] query = IndonesianText.distinct(byPosition);
        if (query.length == 0) {
            return List.of();
        }
        int[] shared = new int[documents.length];
        int[] touched = new int[Math.min(documents.length, 1024)];
        int touchedCount = 0;
        for (long h : query) {
            int slot = slotOf(h);
            if (slot < 0) {
                continue;
            }
            for (int p = postingStarts[slot]; p < postingStarts[slot + 1]; p++) {
                int d = postings[p];
                if (shared[d]++ == 0) {
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touchedCount * 2);
                    }
                    touched[touchedCount++] = d;
                }
            }
        }
        Comparator<Candidate> worstFirst =
                Comparator.comparingDouble(Candidate::similarity).thenComparing(c -> -documents[c.index].id());
        PriorityQueue<Candidate> best = new PriorityQueue<>(worstFirst);
        for (int t = 0; t < touchedCount; t++) {
            int d = touched[t];
            if (documents[d].id() == proposal.id()) {
                continue;
            }
            int s = shared[d];
            double similarity = (double) s / (query.length + shingleCounts[d] - s);
            if (similarity < minSimilarity) {
                continue;
            }
            Candidate candidate = new Candidate(d, similarity, (double) s / query.length);
            if (best.size() < k) {
                best.add(candidate);
            } else if (worstFirst.compare(candidate, best.peek()) > 0) {
                best.poll();
                best.add(candidate);
            }
        }
        List<Candidate> ranked = new ArrayList<>(best);
        ranked.sort(worstFirst.reversed());
        List<Match> matches = new ArrayList<>(ranked.size());
        for (Candidate c : ranked) {
            Document d = documents[c.index];
            matches.add(new Match(
                    d.id(),
                    d.agencyId(),
                    d.year(),
                    d.title(),
                    c.similarity,
                    c.containment,
                    passages(words, byPosition, d)));
        }
        return List.copyOf(matches);
    }

    private record Candidate(int index, double similarity, double containment) {}

    private int slotOf(long h) {
        int i = (int) IndonesianText.mix(h) & mask;
        while (tableSlots[i] >= 0) {
            if (tableKeys[i] == h) {
                return tableSlots[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /**
     * The longest runs of consecutive shingles the two texts share: walking through the proposal, each shingle found
     * in the earlier text starts a run that extends while the following shingles follow there too.
     */
    static List<Passage> passages(IndonesianText.Words words, long[] byPosition, Document earlier) {
        IndonesianText.Words other = IndonesianText.words(combined(earlier));
        long[] otherShingles = IndonesianText.shingles(other);
        Map<Long, Integer> firstPosition = new HashMap<>();
        for (int j = 0; j < otherShingles.length; j++) {
            firstPosition.putIfAbsent(otherShingles[j], j);
        }
        int span = IndonesianText.SHINGLE - 1;
        List<Passage> found = new ArrayList<>();
        int i = 0;
        while (i < byPosition.length) {
            Integer j = firstPosition.get(byPosition[i]);
            if (j == null) {
                i++;
                continue;
            }
            int length = 1;
            while (i + length < byPosition.length
                    && j + length < otherShingles.length
                    && byPosition[i + length] == otherShingles[j + length]) {
                length++;
            }
            int lastMine = Math.min(words.size() - 1, i + length - 1 + span);
            int lastTheirs = Math.min(other.size() - 1, j + length - 1 + span);
            found.add(new Passage(words.passage(i, lastMine), other.passage(j, lastTheirs), lastMine - i + 1));
            i += length;
        }
        found.sort(Comparator.comparingInt(Passage::words).reversed());
        return List.copyOf(found.subList(0, Math.min(MAX_PASSAGES, found.size())));
    }

    private static String combined(Document document) {
        String title = document.title() == null ? "" : document.title();
        String text = document.text() == null ? "" : document.text();
        return title + "\n" + text;
    }
}
