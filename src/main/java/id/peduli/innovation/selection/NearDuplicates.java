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
import java.util.Set;

/**
 * Near-duplicate proposals: which earlier proposals (of this period or earlier ones, of any agency) closely match the
 * title and text of a proposal, ranked by similarity, with the matching passages side by side.
 *
 * <p><b>Text.</b> Title and text are read as one text. Words are lower-cased, punctuation separates words, and a
 * short list of Indonesian function words (“yang”, “dan”, “untuk”, …) is dropped, so that “Pelayanan KTP, yang cepat”
 * and “pelayanan ktp cepat” read the same. Every run of three consecutive kept words is a shingle, hashed to 64 bits.
 *
 * <p><b>Similarity</b> is the Jaccard index of the two sets of shingles: shared shingles divided by the shingles of
 * either (0 = nothing in common, 1 = the same words in the same order). {@link Match#containment()} adds the share of
 * the proposal's shingles found in the earlier one, which is high when a short proposal was copied out of a longer
 * one.
 *
 * <p><b>Speed.</b> The index keeps the sorted distinct shingle hashes of all proposals, for every shingle the
 * proposals that contain it (postings) and for every proposal its shingles. A query looks up each of its shingles
 * once (binary search) and counts, through the postings, how many shingles each earlier proposal shares with it; it
 * only ever touches proposals that share something. Shingles found in more than 5 % of the proposals (and more than
 * 200 of them: common phrasing of proposal writing such as “waktu layanan turun dari”) are skipped in that count; the
 * {@value #CANDIDATES} proposals sharing the most uncommon shingles (at least 20 per match asked for) are then
 * compared exactly, all shingles included, by merging the two sorted lists. So the similarity is exact, never
 * estimated; what the cut-off costs is that a proposal sharing nothing but common phrasing is not found (it is not a
 * near-duplicate). The index is built once per period, is read-only afterwards and may be queried from several
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

    /**
     * A shingle found in more than this share of the indexed proposals (and in more than {@link #COMMON_FLOOR} of them)
     * is common phrasing: it counts in the similarity, but does not by itself make a proposal a candidate.
     */
    static final double COMMON_SHARE = 0.05;

    static final int COMMON_FLOOR = 200;

    /** Candidates (by shared uncommon shingles) whose exact similarity is computed, at least. */
    static final int CANDIDATES = 200;

    private final Document[] documents;
    /** The distinct shingle hashes of all documents, sorted; a shingle's slot is its index here. */
    private final long[] keys;
    /** postings[postingStarts[slot] .. postingStarts[slot + 1]) = the documents containing the shingle, ascending. */
    private final int[] postingStarts;

    private final int[] postings;
    /** docSlots[docStarts[d] .. docStarts[d + 1]) = the slots of document d's shingles, ascending. */
    private final int[] docStarts;

    private final int[] docSlots;
    private final int common;

    private NearDuplicates(
            Document[] documents, long[] keys, int[] postingStarts, int[] postings, int[] docStarts, int[] docSlots) {
        this.documents = documents;
        this.keys = keys;
        this.postingStarts = postingStarts;
        this.postings = postings;
        this.docStarts = docStarts;
        this.docSlots = docSlots;
        this.common = Math.max(COMMON_FLOOR, (int) (documents.length * COMMON_SHARE));
    }

    /** Builds the index of the earlier proposals. */
    public static NearDuplicates index(Collection<Document> earlier) {
        Document[] documents = earlier.toArray(Document[]::new);
        int n = documents.length;
        long[][] shingles = new long[n][];
        int[] docStarts = new int[n + 1];
        for (int d = 0; d < n; d++) {
            Document document = Objects.requireNonNull(documents[d], "document");
            shingles[d] = IndonesianText.distinct(IndonesianText.shingles(IndonesianText.words(combined(document))));
            if ((long) docStarts[d] + shingles[d].length > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("too much text for one index");
            }
            docStarts[d + 1] = docStarts[d] + shingles[d].length;
        }
        int total = docStarts[n];
        long[] all = new long[total];
        for (int d = 0; d < n; d++) {
            System.arraycopy(shingles[d], 0, all, docStarts[d], shingles[d].length);
        }
        long[] keys = IndonesianText.distinct(all);
        all = null;
        int[] postingStarts = new int[keys.length + 1];
        int[] docSlots = new int[total];
        for (int d = 0; d < n; d++) {
            long[] mine = shingles[d];
            for (int i = 0; i < mine.length; i++) {
                int slot = Arrays.binarySearch(keys, mine[i]);
                docSlots[docStarts[d] + i] = slot;
                postingStarts[slot + 1]++;
            }
            shingles[d] = null;
        }
        for (int slot = 0; slot < keys.length; slot++) {
            postingStarts[slot + 1] += postingStarts[slot];
        }
        int[] fill = Arrays.copyOf(postingStarts, keys.length);
        int[] postings = new int[total];
        for (int d = 0; d < n; d++) {
            for (int i = docStarts[d]; i < docStarts[d + 1]; i++) {
                postings[fill[docSlots[i]]++] = d;
            }
        }
        return new NearDuplicates(documents, keys, postingStarts, postings, docStarts, docSlots);
    }

    /** The Indonesian function words left out of the comparison. */
    public static Set<String> stopWords() {
        return IndonesianText.STOP_WORDS;
    }

    /** Number of proposals in the index. */
    public int size() {
        return documents.length;
    }

    /**
     * The {@code k} earlier proposals most similar to the given one, most similar first (equal similarity: lower id
     * first); only those sharing at least one uncommon shingle (see above), never the proposal itself (same id).
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
        // the proposal's shingles known to the index, as sorted slots; unknown ones only count in its size
        int[] slots = new int[query.length];
        int known = 0;
        for (long h : query) {
            int slot = Arrays.binarySearch(keys, h);
            if (slot >= 0) {
                slots[known++] = slot;
            }
        }
        slots = Arrays.copyOf(slots, known); // ascending, as keys and query are sorted
        // candidates: documents sharing uncommon shingles, counted through the postings
        int[] shared = new int[documents.length];
        int[] touched = new int[Math.min(documents.length, 1024)];
        int touchedCount = 0;
        for (int slot : slots) {
            if (postingStarts[slot + 1] - postingStarts[slot] > common) {
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
        int limit = Math.max(CANDIDATES, 20 * k);
        if (touchedCount > limit) {
            long[] byCount = new long[touchedCount];
            for (int t = 0; t < touchedCount; t++) {
                byCount[t] = ((long) shared[touched[t]] << 32) | touched[t];
            }
            Arrays.sort(byCount);
            for (int t = 0; t < limit; t++) {
                touched[t] = (int) byCount[touchedCount - 1 - t];
            }
            touchedCount = limit;
        }
        Comparator<Candidate> worstFirst =
                Comparator.comparingDouble(Candidate::similarity).thenComparing(c -> -documents[c.index].id());
        PriorityQueue<Candidate> best = new PriorityQueue<>(worstFirst);
        for (int t = 0; t < touchedCount; t++) {
            int d = touched[t];
            if (documents[d].id() == proposal.id()) {
                continue;
            }
            int s = intersection(slots, d);
            double similarity = (double) s / (query.length + docStarts[d + 1] - docStarts[d] - s);
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

    /** Number of shingles (slots, ascending) the proposal shares with document d: a merge of two sorted lists. */
    private int intersection(int[] slots, int d) {
        int i = 0;
        int j = docStarts[d];
        int end = docStarts[d + 1];
        int count = 0;
        while (i < slots.length && j < end) {
            int a = slots[i];
            int b = docSlots[j];
            if (a == b) {
                count++;
                i++;
                j++;
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return count;
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
