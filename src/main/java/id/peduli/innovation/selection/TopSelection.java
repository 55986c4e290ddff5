package id.peduli.innovation.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The quota-constrained Top N (Top 99, then Top 40 or 45): quota floors filled first, then the rest by score.
 *
 * <p><b>Order.</b> Candidates are ranked by score, highest first; equal scores by id, lowest first (the id is the
 * proposal's, given in order of registration, so the earlier proposal wins a tie). Callers that show scores rounded
 * should round them the same way before selecting, so that what looks like a tie is one.
 *
 * <p><b>Floors.</b> While some floor is not met, the best-ranked candidate not yet selected of the scarcest quota below
 * its floor is selected (scarcest: fewest members left to spare over the places it still misses; among equally
 * scarce quotas, the one whose best member ranks highest). The candidate counts for every quota it belongs to (a
 * regency's 3T proposal counts for the regency, 3T and its category floors at once), so taking scarce quotas first
 * lets the members they share with other quotas fill those too. When the floors still missing need more places than
 * are left, the candidate that fills the most missing floors is taken instead (then by rank), so that overlapping
 * floors fit in N. Then the remaining places go by rank.
 *
 * <p><b>Guarantee.</b> When the floors add up to at most N and each quota has at least as many candidates as its
 * floor, every floor is met and the selection has N candidates (or all of them, if fewer). Otherwise the floors that
 * could not be met are reported as {@link Shortfall}s with the candidates available.
 */
public final class TopSelection {

    private TopSelection() {}

    /** The dimensions quotas are set on. */
    public enum Dimension {
        CATEGORY,
        GROUP,
        PARTICIPANT_TYPE,
        /** Disadvantaged regions (terdepan, terluar, tertinggal); the only value is {@code 3T}. */
        THREE_T
    }

    /** One quota: a dimension and a value, e.g. participant type “city”. */
    public record QuotaKey(Dimension dimension, String value) {
        public QuotaKey {
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(value, "value");
        }

        public static QuotaKey category(String category) {
            return new QuotaKey(Dimension.CATEGORY, category);
        }

        public static QuotaKey group(String group) {
            return new QuotaKey(Dimension.GROUP, group);
        }

        public static QuotaKey participantType(String type) {
            return new QuotaKey(Dimension.PARTICIPANT_TYPE, type);
        }

        public static QuotaKey threeT() {
            return new QuotaKey(Dimension.THREE_T, "3T");
        }
    }

    /** A proposal that may be selected, with its (normalised) score and what it counts for. */
    public record Candidate(
            long id, double score, String category, String group, String participantType, boolean threeT) {

        /** Whether the candidate counts for the quota. */
        public boolean belongsTo(QuotaKey key) {
            return switch (key.dimension()) {
                case CATEGORY -> key.value().equals(category);
                case GROUP -> key.value().equals(group);
                case PARTICIPANT_TYPE -> key.value().equals(participantType);
                case THREE_T -> threeT;
            };
        }
    }

    /**
     * A selected candidate with their rank in the selection (1 = best score) and the floors they were taken for
     * (empty when taken on score alone).
     */
    public record Selected(Candidate candidate, int rank, Set<QuotaKey> filledFloors) {}

    /** A floor not met: the floor, how many the selection has, and how many candidates the quota had at all. */
    public record Shortfall(QuotaKey key, int floor, int selected, int available) {}

    /** The selection, best score first, and the floors it could not meet. */
    public record Selection(List<Selected> selected, List<Shortfall> shortfalls) {

        public List<Long> ids() {
            return selected.stream().map(s -> s.candidate().id()).toList();
        }
    }

    /** The ranking order: score descending, then id ascending. */
    public static final Comparator<Candidate> RANKING =
            Comparator.comparingDouble(Candidate::score).reversed().thenComparingLong(Candidate::id);

    /**
     * Selects the top {@code n} candidates meeting the floors where possible.
     *
     * @param floors the least number of selected candidates per quota; floors of 0 are ignored
     * @throws IllegalArgumentException for n below zero, a negative floor, a score that is not a number or a
     *     candidate id given twice
     */
    public static Selection select(List<Candidate> candidates, int n, Map<QuotaKey, Integer> floors) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        Set<Long> ids = new HashSet<>();
        for (Candidate c : candidates) {
            if (Double.isNaN(c.score())) {
                throw new IllegalArgumentException("score of " + c.id() + " is not a number");
            }
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("candidate " + c.id() + " listed twice");
            }
        }
        List<QuotaKey> keys = new ArrayList<>();
        floors.forEach((key, floor) -> {
            if (floor < 0) {
                throw new IllegalArgumentException("floor of " + key + " must not be negative");
            }
            if (floor > 0) {
                keys.add(key);
            }
        });
        keys.sort(Comparator.comparing((QuotaKey k) -> k.dimension()).thenComparing(QuotaKey::value));
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(RANKING);
        int size = ranked.size();
        int quotas = keys.size();
        // membership[c] = bit mask of the quotas candidate c belongs to (a long per 64 quotas)
        int words = (quotas + 63) >>> 6;
        long[][] membership = new long[size][words];
        int[] available = new int[quotas];
        int[] missing = new int[quotas];
        for (int q = 0; q < quotas; q++) {
            missing[q] = floors.get(keys.get(q));
        }
        for (int c = 0; c < size; c++) {
            for (int q = 0; q < quotas; q++) {
                if (ranked.get(c).belongsTo(keys.get(q))) {
                    membership[c][q >>> 6] |= 1L << q;
                    available[q]++;
                }
            }
        }
        boolean[] taken = new boolean[size];
        int[] left = available.clone(); // members of each quota not yet selected
        int[] next = new int[quotas]; // rank position from which to look for a quota's best unselected member
        Map<Integer, Set<QuotaKey>> filledBy = new LinkedHashMap<>();
        int selected = 0;
        int limit = Math.min(n, size);
        while (selected < limit) {
            int missingTotal = 0;
            for (int q = 0; q < quotas; q++) {
                missingTotal += missing[q];
            }
            if (missingTotal == 0) {
                break;
            }
            int best = missingTotal > limit - selected
                    ? mostCovering(size, quotas, missing, membership, taken)
                    : bestOfScarcestQuota(quotas, missing, left, next, membership, taken);
            if (best < 0) {
                break; // no candidate left for any missing floor
            }
            taken[best] = true;
            selected++;
            Set<QuotaKey> filled = new HashSet<>();
            for (int q = 0; q < quotas; q++) {
                if (member(membership, best, q)) {
                    left[q]--;
                    if (missing[q] > 0) {
                        missing[q]--;
                        filled.add(keys.get(q));
                    }
                }
            }
            filledBy.put(best, Set.copyOf(filled));
        }
        for (int c = 0; c < size && selected < limit; c++) {
            if (!taken[c]) {
                taken[c] = true;
                selected++;
            }
        }
        List<Selected> result = new ArrayList<>(selected);
        for (int c = 0; c < size; c++) {
            if (taken[c]) {
                result.add(new Selected(ranked.get(c), result.size() + 1, filledBy.getOrDefault(c, Set.of())));
            }
        }
        List<Shortfall> shortfalls = new ArrayList<>();
        for (int q = 0; q < quotas; q++) {
            if (missing[q] > 0) {
                int floor = floors.get(keys.get(q));
                shortfalls.add(new Shortfall(keys.get(q), floor, floor - missing[q], available[q]));
            }
        }
        return new Selection(List.copyOf(result), List.copyOf(shortfalls));
    }

    private static boolean member(long[][] membership, int c, int q) {
        return (membership[c][q >>> 6] & (1L << q)) != 0;
    }

    /** Among the candidates not taken, the one in the most missing quotas; the best-ranked of those. */
    private static int mostCovering(int size, int quotas, int[] missing, long[][] membership, boolean[] taken) {
        int best = -1;
        int bestCover = 0;
        for (int c = 0; c < size; c++) {
            if (taken[c]) {
                continue;
            }
            int cover = 0;
            for (int q = 0; q < quotas; q++) {
                if (missing[q] > 0 && member(membership, c, q)) {
                    cover++;
                }
            }
            if (cover > bestCover) {
                best = c;
                bestCover = cover;
            }
        }
        return best;
    }

    /**
     * The best-ranked candidate not taken of the scarcest missing quota: the one with the fewest members to spare
     * (members not taken minus places missing); among equally scarce quotas the one whose best member ranks highest.
     * Quotas that cannot be met at all come last.
     */
    private static int bestOfScarcestQuota(
            int quotas, int[] missing, int[] left, int[] next, long[][] membership, boolean[] taken) {
        int best = -1;
        int bestSlack = Integer.MAX_VALUE;
        for (int q = 0; q < quotas; q++) {
            if (missing[q] == 0 || left[q] == 0) {
                continue;
            }
            while (taken[next[q]] || !member(membership, next[q], q)) {
                next[q]++;
            }
            int slack = left[q] >= missing[q] ? left[q] - missing[q] : Integer.MAX_VALUE - 1;
            if (slack < bestSlack || (slack == bestSlack && next[q] < best)) {
                best = next[q];
                bestSlack = slack;
            }
        }
        return best;
    }

    /** A floor the given selection does not meet. */
    public record Violation(QuotaKey key, int floor, int actual) {}

    /**
     * The floors a selection violates (for a Top 99 changed by the panel, which then needs a written justification),
     * in the order of dimension and value.
     */
    public static List<Violation> check(List<Candidate> selection, Map<QuotaKey, Integer> floors) {
        List<Violation> violations = new ArrayList<>();
        floors.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(
                        Comparator.comparing((QuotaKey k) -> k.dimension()).thenComparing(QuotaKey::value)))
                .forEach(entry -> {
                    int actual = 0;
                    for (Candidate c : selection) {
                        if (c.belongsTo(entry.getKey())) {
                            actual++;
                        }
                    }
                    if (actual < entry.getValue()) {
                        violations.add(new Violation(entry.getKey(), entry.getValue(), actual));
                    }
                });
        return List.copyOf(violations);
    }
}
