package id.peduli.innovation.selection;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.innovation.selection.EvaluatorAssignment.Assignment;
import id.peduli.innovation.selection.EvaluatorAssignment.Evaluator;
import id.peduli.innovation.selection.EvaluatorAssignment.Options;
import id.peduli.innovation.selection.EvaluatorAssignment.Proposal;
import id.peduli.innovation.selection.EvaluatorAssignment.Reason;
import id.peduli.innovation.selection.EvaluatorAssignment.Result;
import id.peduli.innovation.selection.EvaluatorAssignment.Unassigned;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties of the assignment over random agency trees, evaluators, caps and declared conflicts. */
class EvaluatorAssignmentPropertiesTest {

    /** A random instance: agencies 1..agencies with random parents (a forest), provinces "11".."14". */
    record Instance(List<Proposal> proposals, List<Evaluator> evaluators, Options options) {}

    static Instance instance(long seed, int proposalCount, int evaluatorCount, int perProposal, int maxCap) {
        Random random = new Random(seed);
        int agencies = 2 + random.nextInt(25);
        long[] parent = new long[agencies + 1];
        String[] province = new String[agencies + 1];
        for (int a = 1; a <= agencies; a++) {
            parent[a] = a > 1 && random.nextInt(3) > 0 ? 1 + random.nextInt(a - 1) : 0;
            province[a] = parent[a] != 0 && province[(int) parent[a]] != null
                    ? province[(int) parent[a]]
                    : random.nextBoolean() ? "1" + (1 + random.nextInt(4)) : null;
        }
        List<Proposal> proposals = new ArrayList<>();
        for (int p = 0; p < proposalCount; p++) {
            int agency = 1 + random.nextInt(agencies);
            proposals.add(new Proposal(1000 + p, agency, ancestors(parent, agency), province[agency], "umum", "x"));
        }
        List<Evaluator> evaluators = new ArrayList<>();
        for (int e = 0; e < evaluatorCount; e++) {
            int agency = 1 + random.nextInt(agencies);
            Set<Long> declared = new HashSet<>();
            for (int d = random.nextInt(3); d > 0 && proposalCount > 0; d--) {
                declared.add(1000L + random.nextInt(proposalCount));
            }
            evaluators.add(new Evaluator(
                    50 + e, agency, ancestors(parent, agency), province[agency], random.nextInt(maxCap + 1), declared));
        }
        Options options = Options.defaults().withPerProposal(perProposal).withAvoidSameProvince(random.nextBoolean());
        return new Instance(proposals, evaluators, options);
    }

    private static List<Long> ancestors(long[] parent, int agency) {
        List<Long> result = new ArrayList<>();
        for (long a = parent[agency]; a != 0; a = parent[(int) a]) {
            result.add(a);
        }
        return result;
    }

    @Property(tries = 300)
    void neverConflictedCapsRespectedEveryProposalAccountedFor(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 80) int proposals,
            @ForAll @IntRange(min = 1, max = 9) int evaluators,
            @ForAll @IntRange(min = 1, max = 3) int perProposal,
            @ForAll @IntRange(min = 0, max = 40) int maxCap) {
        Instance in = instance(seed, proposals, evaluators, perProposal, maxCap);
        Result result = EvaluatorAssignment.assign(in.proposals(), in.evaluators(), in.options());
        Map<Long, Proposal> byId = new HashMap<>();
        in.proposals().forEach(p -> byId.put(p.id(), p));
        Map<Long, Evaluator> evaluatorById = new HashMap<>();
        in.evaluators().forEach(e -> evaluatorById.put(e.id(), e));
        Map<Long, Integer> loads = new HashMap<>();
        Set<Assignment> distinct = new HashSet<>(result.assignments());
        assertThat(distinct).hasSameSizeAs(result.assignments());
        for (Assignment a : result.assignments()) {
            assertThat(EvaluatorAssignment.conflict(
                            byId.get(a.proposalId()), evaluatorById.get(a.evaluatorId()), in.options()))
                    .as("conflict of %s", a)
                    .isEmpty();
            loads.merge(a.evaluatorId(), 1, Integer::sum);
        }
        for (Evaluator e : in.evaluators()) {
            int load = loads.getOrDefault(e.id(), 0);
            assertThat(load)
                    .isLessThanOrEqualTo(e.cap())
                    .isEqualTo(result.loads().get(e.id()));
        }
        Map<Long, Integer> missing = new HashMap<>();
        for (Unassigned u : result.unassigned()) {
            missing.put(u.proposalId(), u.missing());
            long eligible = in.evaluators().stream()
                    .filter(e -> EvaluatorAssignment.conflict(byId.get(u.proposalId()), e, in.options())
                            .isEmpty())
                    .count();
            if (u.reason() == Reason.NO_ELIGIBLE_EVALUATOR) {
                assertThat(eligible).isZero();
            } else if (u.reason() == Reason.TOO_FEW_ELIGIBLE_EVALUATORS) {
                assertThat(eligible).isBetween(1L, (long) perProposal - 1);
            } else {
                assertThat(eligible).isGreaterThanOrEqualTo(perProposal);
            }
        }
        for (Proposal p : in.proposals()) {
            int got = EvaluatorAssignment.evaluatorsOf(p.id(), result.assignments())
                    .size();
            assertThat(got + missing.getOrDefault(p.id(), 0)).isEqualTo(perProposal);
        }
    }

    /**
     * Balanced where feasible: no evaluator below their cap is two or more proposals lighter than another evaluator
     * who holds a proposal the lighter one could take.
     */
    @Property(tries = 300)
    void noDirectMoveWouldBalanceTheLoads(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 80) int proposals,
            @ForAll @IntRange(min = 1, max = 9) int evaluators,
            @ForAll @IntRange(min = 1, max = 2) int perProposal) {
        Instance in = instance(seed, proposals, evaluators, perProposal, 60);
        Result result = EvaluatorAssignment.assign(in.proposals(), in.evaluators(), in.options());
        Map<Long, Proposal> byId = new HashMap<>();
        in.proposals().forEach(p -> byId.put(p.id(), p));
        for (Evaluator light : in.evaluators()) {
            int lightLoad = result.loads().get(light.id());
            if (lightLoad >= light.cap()) {
                continue;
            }
            for (Assignment a : result.assignments()) {
                int heavyLoad = result.loads().get(a.evaluatorId());
                if (heavyLoad >= lightLoad + 2) {
                    boolean couldTake = EvaluatorAssignment.conflict(byId.get(a.proposalId()), light, in.options())
                                    .isEmpty()
                            && !EvaluatorAssignment.evaluatorsOf(a.proposalId(), result.assignments())
                                    .contains(light.id());
                    assertThat(couldTake)
                            .as("evaluator %d (load %d) could take %s (load %d)", light.id(), lightLoad, a, heavyLoad)
                            .isFalse();
                }
            }
        }
    }

    /** Without conflicts and with room enough, the loads differ by at most one and nobody is left out. */
    @Property(tries = 200)
    void withoutConflictsLoadsDifferByAtMostOne(
            @ForAll @IntRange(min = 0, max = 300) int proposals,
            @ForAll @IntRange(min = 1, max = 12) int evaluators,
            @ForAll @IntRange(min = 1, max = 3) int perProposal) {
        List<Proposal> ps = new ArrayList<>();
        for (int p = 0; p < proposals; p++) {
            ps.add(new Proposal(p, 1000 + p, List.of(), null, "umum", "x"));
        }
        List<Evaluator> es = new ArrayList<>();
        for (int e = 0; e < evaluators; e++) {
            es.add(new Evaluator(e, 5000 + e, List.of(), null, 1000, Set.of()));
        }
        Result result = EvaluatorAssignment.assign(ps, es, Options.defaults().withPerProposal(perProposal));
        if (perProposal <= evaluators) {
            assertThat(result.unassigned()).isEmpty();
        }
        int max = result.loads().values().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
        int min = result.loads().values().stream()
                .mapToInt(Integer::intValue)
                .min()
                .orElse(0);
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    /** Whatever the caps, no proposal is left short that some assignment could serve (maximum flow). */
    @Property(tries = 200)
    void assignsAsManyAsAnExhaustiveSearch(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 7) int proposals,
            @ForAll @IntRange(min = 1, max = 4) int evaluators,
            @ForAll @IntRange(min = 0, max = 3) int maxCap) {
        Instance in = instance(seed, proposals, evaluators, 1, maxCap);
        Result result = EvaluatorAssignment.assign(in.proposals(), in.evaluators(), in.options());
        assertThat(result.assignments()).hasSize(best(in, 0, new int[evaluators]));
    }

    private static int best(Instance in, int p, int[] load) {
        if (p == in.proposals().size()) {
            return 0;
        }
        int result = best(in, p + 1, load); // p left out
        for (int e = 0; e < in.evaluators().size(); e++) {
            Evaluator evaluator = in.evaluators().get(e);
            if (load[e] < evaluator.cap()
                    && EvaluatorAssignment.conflict(in.proposals().get(p), evaluator, in.options())
                            .isEmpty()) {
                load[e]++;
                result = Math.max(result, 1 + best(in, p + 1, load));
                load[e]--;
            }
        }
        return result;
    }
}
