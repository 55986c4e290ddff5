package id.peduli.innovation.selection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Conflict-free, capped and balanced assignment of evaluators to the proposals of a period.
 *
 * <p><b>Conflicts of interest.</b> An evaluator never gets a proposal of their own agency, of an agency above it
 * (its parent and further ancestors) or of an agency below it (an evaluator of a ministry never scores one of its
 * directorates); optionally ({@link Options#avoidSameProvince()}) not one of their province; never one they declared a
 * conflict with. The check is done with hash look-ups: the evaluators are indexed by their agency, by every ancestor
 * of their agency and by province, so one proposal's conflicted evaluators are found with one look-up per agency on
 * the proposal's path (a handful) instead of comparing it with every evaluator.
 *
 * <p><b>Assignment.</b> (1) Greedy: the proposals with the fewest eligible evaluators go first; each takes the
 * least-loaded eligible evaluators below their cap (ties: the evaluator listed first). (2) Augmenting: a proposal
 * left short because all its eligible evaluators are at their cap gets one when a chain of moves frees a place (an
 * evaluator at cap hands one of their proposals to another eligible evaluator, and so on until one with room): this
 * is a maximum flow, so no proposal is left short that any assignment could have served. (3) Balancing: while an
 * evaluator below their cap has at least two proposals fewer than another and a chain of moves can carry one
 * proposal from the heavier to the lighter evaluator, it is applied. The result: the loads differ by at most one
 * except where caps or conflicts make that impossible. Everything is deterministic for the same input order.
 *
 * <p><b>Second evaluator.</b> {@link #secondEvaluators} gives a second evaluator to every proposal whose first raw
 * total lies within {@link Options#secondEvaluatorMargin()} (±5) of the pass mark, under the same rules, leaving the
 * first assignments where they are.
 */
public final class EvaluatorAssignment {

    private EvaluatorAssignment() {}

    /**
     * A proposal to assign.
     *
     * @param agencyAncestorIds the agencies above the proposal's agency (parent first or last, order does not matter)
     * @param provinceCode two-digit province code of the agency, or null for a national agency
     */
    public record Proposal(
            long id, long agencyId, List<Long> agencyAncestorIds, String provinceCode, String group, String category) {
        public Proposal {
            agencyAncestorIds = agencyAncestorIds == null ? List.of() : List.copyOf(agencyAncestorIds);
        }
    }

    /**
     * An evaluator.
     *
     * @param cap the most proposals the evaluator may get in the period (including those already assigned)
     * @param declaredConflicts ids of proposals the evaluator declared a conflict of interest with
     */
    public record Evaluator(
            long id,
            long agencyId,
            List<Long> agencyAncestorIds,
            String provinceCode,
            int cap,
            Set<Long> declaredConflicts) {
        public Evaluator {
            agencyAncestorIds = agencyAncestorIds == null ? List.of() : List.copyOf(agencyAncestorIds);
            declaredConflicts = declaredConflicts == null ? Set.of() : Set.copyOf(declaredConflicts);
            if (cap < 0) {
                throw new IllegalArgumentException("cap must not be negative");
            }
        }
    }

    /**
     * @param perProposal evaluators each proposal gets in the first round (1 by default)
     * @param avoidSameProvince whether an evaluator may not get a proposal of their own province (off by default)
     * @param passMark the pass mark on the raw scale (85 by default)
     * @param secondEvaluatorMargin a proposal whose first raw total is within this distance of the pass mark gets a
     *     second evaluator (5 by default)
     */
    public record Options(int perProposal, boolean avoidSameProvince, double passMark, double secondEvaluatorMargin) {
        public Options {
            if (perProposal < 1 || secondEvaluatorMargin < 0) {
                throw new IllegalArgumentException("perProposal >= 1 and margin >= 0");
            }
        }

        public static Options defaults() {
            return new Options(1, false, 85, 5);
        }

        public Options withAvoidSameProvince(boolean avoid) {
            return new Options(perProposal, avoid, passMark, secondEvaluatorMargin);
        }

        public Options withPerProposal(int count) {
            return new Options(count, avoidSameProvince, passMark, secondEvaluatorMargin);
        }
    }

    /** One evaluator assigned to one proposal. */
    public record Assignment(long proposalId, long evaluatorId) {}

    /** Why a proposal did not get all the evaluators it needs. */
    public enum Reason {
        /** Every evaluator has a conflict of interest with it. */
        NO_ELIGIBLE_EVALUATOR,
        /** Fewer evaluators without a conflict than the proposal needs. */
        TOO_FEW_ELIGIBLE_EVALUATORS,
        /** Enough evaluators without a conflict, but all of them are at their cap. */
        CAPACITY_EXHAUSTED
    }

    /** A proposal that lacks {@code missing} evaluators, and why. */
    public record Unassigned(long proposalId, Reason reason, int missing) {}

    /**
     * @param assignments the new assignments, in the order of the proposals (not those given as already made)
     * @param unassigned the proposals that lack evaluators, in the order of the proposals
     * @param loads every evaluator's number of proposals afterwards (including those already made), by evaluator id
     */
    public record Result(List<Assignment> assignments, List<Unassigned> unassigned, Map<Long, Integer> loads) {}

    /** The kinds of conflict of interest, in the order they are checked. */
    public enum Conflict {
        OWN_AGENCY,
        /** The proposal comes from an agency above the evaluator's (its parent or further up). */
        PARENT_AGENCY,
        /** The proposal comes from an agency below the evaluator's. */
        SUBORDINATE_AGENCY,
        DECLARED,
        SAME_PROVINCE
    }

    /**
     * The conflict of interest between one evaluator and one proposal, if any: for a manual assignment, or to refuse
     * a score.
     */
    public static Optional<Conflict> conflict(Proposal proposal, Evaluator evaluator, Options options) {
        if (proposal.agencyId() == evaluator.agencyId()) {
            return Optional.of(Conflict.OWN_AGENCY);
        }
        if (evaluator.agencyAncestorIds().contains(proposal.agencyId())) {
            return Optional.of(Conflict.PARENT_AGENCY);
        }
        if (proposal.agencyAncestorIds().contains(evaluator.agencyId())) {
            return Optional.of(Conflict.SUBORDINATE_AGENCY);
        }
        if (evaluator.declaredConflicts().contains(proposal.id())) {
            return Optional.of(Conflict.DECLARED);
        }
        if (options.avoidSameProvince()
                && proposal.provinceCode() != null
                && proposal.provinceCode().equals(evaluator.provinceCode())) {
            return Optional.of(Conflict.SAME_PROVINCE);
        }
        return Optional.empty();
    }

    /** Assigns {@link Options#perProposal()} evaluators to every proposal. */
    public static Result assign(List<Proposal> proposals, List<Evaluator> evaluators, Options options) {
        return assign(proposals, evaluators, options, List.of());
    }

    /**
     * Assigns evaluators to every proposal until it has {@link Options#perProposal()}, keeping the assignments already
     * made (by hand, or earlier) where they are; these count towards the caps and loads.
     *
     * @throws IllegalArgumentException for duplicate ids, an assignment naming an unknown proposal or evaluator, twice
     *     the same pair, or an assignment with a conflict of interest
     */
    public static Result assign(
            List<Proposal> proposals, List<Evaluator> evaluators, Options options, List<Assignment> existing) {
        Engine engine = new Engine(proposals, evaluators, options, existing);
        int[] demand = new int[proposals.size()];
        for (int p = 0; p < demand.length; p++) {
            demand[p] = Math.max(0, options.perProposal() - engine.count[p]);
        }
        return engine.run(demand);
    }

    /**
     * A second evaluator for every proposal that has exactly one and whose first raw total lies within {@link
     * Options#secondEvaluatorMargin()} of {@link Options#passMark()} (both ends included).
     *
     * @param current the assignments made so far; they stay, and count towards caps and loads
     * @param firstScores the first evaluator's raw total, by proposal id; proposals without one are left alone
     */
    public static Result secondEvaluators(
            List<Proposal> proposals,
            List<Evaluator> evaluators,
            List<Assignment> current,
            Map<Long, Double> firstScores,
            Options options) {
        Engine engine = new Engine(proposals, evaluators, options, current);
        int[] demand = new int[proposals.size()];
        for (int p = 0; p < demand.length; p++) {
            Double first = firstScores.get(proposals.get(p).id());
            if (first != null
                    && engine.count[p] == 1
                    && Math.abs(first - options.passMark()) <= options.secondEvaluatorMargin()) {
                demand[p] = 1;
            }
        }
        return engine.run(demand);
    }

    /** The state of one assignment run: indices instead of ids, eligibility as bit sets. */
    private static final class Engine {
        private final List<Proposal> proposals;
        private final List<Evaluator> evaluators;
        private final int pc;
        private final int ec;
        private final int words;
        /** eligible[p] = bit set of the evaluators without a conflict with proposal p. */
        private final long[][] eligible;
        /** assigned[p][0..count[p]) = evaluator indices; the first locked[p] are not movable. */
        private final int[][] assigned;

        private final int[] count;
        private final int[] locked;
        private final int[] load;
        private final int[] cap;

        Engine(List<Proposal> proposals, List<Evaluator> evaluators, Options options, List<Assignment> existing) {
            this.proposals = List.copyOf(proposals);
            this.evaluators = List.copyOf(evaluators);
            pc = proposals.size();
            ec = evaluators.size();
            words = (ec + 63) >>> 6;
            cap = new int[ec];
            load = new int[ec];
            count = new int[pc];
            locked = new int[pc];
            assigned = new int[pc][];
            Map<Long, Integer> evaluatorIndex = indexEvaluators();
            Map<Long, Integer> proposalIndex = indexProposals();
            eligible = eligibility(options, evaluatorIndex);
            int perProposal = Math.max(options.perProposal(), 2);
            for (int p = 0; p < pc; p++) {
                assigned[p] = new int[perProposal];
            }
            for (Assignment a : existing) {
                Integer p = proposalIndex.get(a.proposalId());
                Integer e = evaluatorIndex.get(a.evaluatorId());
                if (p == null || e == null) {
                    throw new IllegalArgumentException("assignment names an unknown proposal or evaluator: " + a);
                }
                // an assignment made before the province was avoided stays and counts; any other conflict is an error
                if (!isEligible(p, e)
                        && conflict(proposals.get(p), evaluators.get(e), options.withAvoidSameProvince(false))
                                .isPresent()) {
                    throw new IllegalArgumentException("assignment with a conflict of interest: " + a);
                }
                if (isOn(p, e)) {
                    throw new IllegalArgumentException("assignment given twice: " + a);
                }
                add(p, e);
                locked[p]++;
            }
        }

        private Map<Long, Integer> indexEvaluators() {
            Map<Long, Integer> index = new HashMap<>();
            for (int e = 0; e < ec; e++) {
                Evaluator evaluator = evaluators.get(e);
                if (index.put(evaluator.id(), e) != null) {
                    throw new IllegalArgumentException("evaluator " + evaluator.id() + " listed twice");
                }
                cap[e] = evaluator.cap();
            }
            return index;
        }

        private Map<Long, Integer> indexProposals() {
            Map<Long, Integer> index = new HashMap<>();
            for (int p = 0; p < pc; p++) {
                if (index.put(proposals.get(p).id(), p) != null) {
                    throw new IllegalArgumentException(
                            "proposal " + proposals.get(p).id() + " listed twice");
                }
            }
            return index;
        }

        /**
         * Indexes the evaluators by agency, by every ancestor of their agency, by province and by declared proposal;
         * then each proposal's conflicted evaluators are the union of a few look-ups.
         */
        private long[][] eligibility(Options options, Map<Long, Integer> evaluatorIndex) {
            Map<Long, long[]> atAgency = new HashMap<>();
            Map<Long, long[]> belowAgency = new HashMap<>();
            Map<String, long[]> inProvince = new HashMap<>();
            Map<Long, long[]> declared = new HashMap<>();
            for (int e = 0; e < ec; e++) {
                Evaluator evaluator = evaluators.get(e);
                set(atAgency.computeIfAbsent(evaluator.agencyId(), k -> new long[words]), e);
                for (Long ancestor : evaluator.agencyAncestorIds()) {
                    set(belowAgency.computeIfAbsent(ancestor, k -> new long[words]), e);
                }
                if (evaluator.provinceCode() != null) {
                    set(inProvince.computeIfAbsent(evaluator.provinceCode(), k -> new long[words]), e);
                }
                for (Long proposal : evaluator.declaredConflicts()) {
                    set(declared.computeIfAbsent(proposal, k -> new long[words]), e);
                }
            }
            long[] all = new long[words];
            for (int e = 0; e < ec; e++) {
                set(all, e);
            }
            long[][] result = new long[pc][];
            for (int p = 0; p < pc; p++) {
                Proposal proposal = proposals.get(p);
                long[] bits = all.clone();
                clear(bits, atAgency.get(proposal.agencyId()));
                clear(bits, belowAgency.get(proposal.agencyId()));
                for (Long ancestor : proposal.agencyAncestorIds()) {
                    clear(bits, atAgency.get(ancestor));
                }
                clear(bits, declared.get(proposal.id()));
                if (options.avoidSameProvince() && proposal.provinceCode() != null) {
                    clear(bits, inProvince.get(proposal.provinceCode()));
                }
                result[p] = bits;
            }
            return result;
        }

        Result run(int[] demand) {
            // (1) greedy, most constrained proposals first
            Integer[] order = new Integer[pc];
            int[] eligibleCount = new int[pc];
            for (int p = 0; p < pc; p++) {
                order[p] = p;
                for (long w : eligible[p]) {
                    eligibleCount[p] += Long.bitCount(w);
                }
            }
            Arrays.sort(
                    order,
                    Comparator.comparingInt((Integer p) -> eligibleCount[p]).thenComparingInt(p -> p));
            TreeSet<Integer> byLoad = new TreeSet<>(
                    Comparator.comparingInt((Integer e) -> load[e]).thenComparingInt(e -> e));
            for (int e = 0; e < ec; e++) {
                if (load[e] < cap[e]) {
                    byLoad.add(e);
                }
            }
            int[] missing = new int[pc];
            int[] chosen = new int[Math.max(1, ec)];
            for (int p : order) {
                int need = demand[p];
                int found = 0;
                for (Integer e : byLoad) {
                    if (found == need) {
                        break;
                    }
                    if (isEligible(p, e) && !isOn(p, e)) {
                        chosen[found++] = e;
                    }
                }
                for (int i = 0; i < found; i++) {
                    int e = chosen[i];
                    byLoad.remove(e);
                    add(p, e);
                    if (load[e] < cap[e]) {
                        byLoad.add(e);
                    }
                }
                missing[p] = need - found;
            }
            // (2) augmenting chains for proposals left short
            for (int p : order) {
                while (missing[p] > 0 && augment(p)) {
                    missing[p]--;
                }
            }
            // (3) balancing
            balance();

            List<Assignment> made = new ArrayList<>();
            List<Unassigned> unassigned = new ArrayList<>();
            for (int p = 0; p < pc; p++) {
                long id = proposals.get(p).id();
                for (int i = locked[p]; i < count[p]; i++) {
                    made.add(new Assignment(id, evaluators.get(assigned[p][i]).id()));
                }
                if (missing[p] > 0) {
                    int wanted = count[p] + missing[p];
                    Reason reason = eligibleCount[p] == 0
                            ? Reason.NO_ELIGIBLE_EVALUATOR
                            : eligibleCount[p] < wanted
                                    ? Reason.TOO_FEW_ELIGIBLE_EVALUATORS
                                    : Reason.CAPACITY_EXHAUSTED;
                    unassigned.add(new Unassigned(id, reason, missing[p]));
                }
            }
            Map<Long, Integer> loads = new LinkedHashMap<>();
            for (int e = 0; e < ec; e++) {
                loads.put(evaluators.get(e).id(), load[e]);
            }
            return new Result(List.copyOf(made), List.copyOf(unassigned), loads);
        }

        /**
         * Finds a chain that frees a place for proposal p: p goes to an eligible evaluator x0, who hands one of their
         * movable proposals to x1, and so on until an evaluator below their cap. Breadth-first, so the chain is
         * shortest.
         */
        private boolean augment(int p) {
            boolean room = false;
            for (int e = 0; e < ec && !room; e++) {
                room = load[e] < cap[e];
            }
            if (!room) {
                return false;
            }
            int[][] movable = movableByEvaluator();
            int[] from = new int[ec];
            int[] via = new int[ec];
            boolean[] seen = new boolean[ec];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int e = 0; e < ec; e++) {
                if (isEligible(p, e) && !isOn(p, e)) {
                    seen[e] = true;
                    from[e] = -1;
                    via[e] = p;
                    queue.add(e);
                }
            }
            while (!queue.isEmpty()) {
                int x = queue.poll();
                if (load[x] < cap[x]) {
                    applyForward(x, from, via);
                    return true;
                }
                for (int q : movable[x]) {
                    for (int y = 0; y < ec; y++) {
                        if (!seen[y] && isEligible(q, y) && !isOn(q, y)) {
                            seen[y] = true;
                            from[y] = x;
                            via[y] = q;
                            queue.add(y);
                        }
                    }
                }
            }
            return false;
        }

        /** Applies a chain found by {@link #augment}: walking back from the evaluator with room. */
        private void applyForward(int end, int[] from, int[] via) {
            int y = end;
            while (from[y] != -1) {
                int x = from[y];
                replace(via[y], x, y);
                y = x;
            }
            add(via[y], y);
        }

        /**
         * While an evaluator below their cap has at least two proposals fewer than another evaluator, and a chain of
         * moves (a heavier evaluator hands a proposal to the lighter, possibly through others who each hand one on and
         * receive one) connects them, applies it. Each move lowers the sum of the squared loads, so this ends.
         */
        private void balance() {
            int[][] eligibleProposals = eligibleProposalsByEvaluator();
            boolean improved = true;
            while (improved) {
                improved = false;
                int max = 0;
                for (int e = 0; e < ec; e++) {
                    max = Math.max(max, load[e]);
                }
                Integer[] lightest = new Integer[ec];
                for (int e = 0; e < ec; e++) {
                    lightest[e] = e;
                }
                Arrays.sort(
                        lightest,
                        Comparator.comparingInt((Integer e) -> load[e]).thenComparingInt(e -> e));
                for (int s : lightest) {
                    if (load[s] + 2 > max) {
                        break;
                    }
                    if (load[s] < cap[s] && pull(s, eligibleProposals)) {
                        improved = true;
                        break;
                    }
                }
            }
        }

        /** Breadth-first from the light evaluator s towards any evaluator with at least two proposals more. */
        private boolean pull(int s, int[][] eligibleProposals) {
            int[] giveTo = new int[ec];
            int[] via = new int[ec];
            boolean[] seen = new boolean[ec];
            seen[s] = true;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(s);
            while (!queue.isEmpty()) {
                int x = queue.poll();
                for (int q : eligibleProposals[x]) {
                    if (isOn(q, x)) {
                        continue;
                    }
                    for (int i = locked[q]; i < count[q]; i++) {
                        int y = assigned[q][i];
                        if (seen[y]) {
                            continue;
                        }
                        seen[y] = true;
                        giveTo[y] = x;
                        via[y] = q;
                        if (load[y] >= load[s] + 2) {
                            int donor = y;
                            while (donor != s) {
                                int receiver = giveTo[donor];
                                replace(via[donor], donor, receiver);
                                donor = receiver;
                            }
                            return true;
                        }
                        queue.add(y);
                    }
                }
            }
            return false;
        }

        /** For every evaluator, the proposals assigned to them that may be moved. */
        private int[][] movableByEvaluator() {
            int[] sizes = new int[ec];
            for (int p = 0; p < pc; p++) {
                for (int i = locked[p]; i < count[p]; i++) {
                    sizes[assigned[p][i]]++;
                }
            }
            int[][] result = new int[ec][];
            for (int e = 0; e < ec; e++) {
                result[e] = new int[sizes[e]];
                sizes[e] = 0;
            }
            for (int p = 0; p < pc; p++) {
                for (int i = locked[p]; i < count[p]; i++) {
                    int e = assigned[p][i];
                    result[e][sizes[e]++] = p;
                }
            }
            return result;
        }

        private int[][] eligibleProposalsByEvaluator() {
            int[] sizes = new int[ec];
            for (int p = 0; p < pc; p++) {
                for (int e = 0; e < ec; e++) {
                    if (isEligible(p, e)) {
                        sizes[e]++;
                    }
                }
            }
            int[][] result = new int[ec][];
            for (int e = 0; e < ec; e++) {
                result[e] = new int[sizes[e]];
                sizes[e] = 0;
            }
            for (int p = 0; p < pc; p++) {
                for (int e = 0; e < ec; e++) {
                    if (isEligible(p, e)) {
                        result[e][sizes[e]++] = p;
                    }
                }
            }
            return result;
        }

        private boolean isEligible(int p, int e) {
            return (eligible[p][e >>> 6] & (1L << e)) != 0;
        }

        private boolean isOn(int p, int e) {
            return indexOn(p, e) >= 0;
        }

        private int indexOn(int p, int e) {
            int[] list = assigned[p];
            for (int i = 0; i < count[p]; i++) {
                if (list[i] == e) {
                    return i;
                }
            }
            return -1;
        }

        private void add(int p, int e) {
            if (count[p] == assigned[p].length) {
                assigned[p] = Arrays.copyOf(assigned[p], count[p] * 2);
            }
            assigned[p][count[p]++] = e;
            load[e]++;
        }

        /** Proposal p moves from evaluator x to evaluator y. */
        private void replace(int p, int x, int y) {
            int i = indexOn(p, x);
            if (i < locked[p] || isOn(p, y) || !isEligible(p, y)) {
                throw new IllegalStateException("invalid move");
            }
            assigned[p][i] = y;
            load[x]--;
            load[y]++;
        }

        private static void set(long[] bits, int i) {
            bits[i >>> 6] |= 1L << i;
        }

        private static void clear(long[] bits, long[] mask) {
            if (mask != null) {
                for (int w = 0; w < bits.length; w++) {
                    bits[w] &= ~mask[w];
                }
            }
        }
    }

    /** Evaluator ids of the given assignments for one proposal; a convenience for callers and tests. */
    public static List<Long> evaluatorsOf(long proposalId, Collection<Assignment> assignments) {
        Objects.requireNonNull(assignments, "assignments");
        List<Long> result = new ArrayList<>();
        for (Assignment a : assignments) {
            if (a.proposalId() == proposalId) {
                result.add(a.evaluatorId());
            }
        }
        return result;
    }
}
