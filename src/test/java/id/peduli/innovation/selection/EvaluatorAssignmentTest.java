package id.peduli.innovation.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.innovation.selection.EvaluatorAssignment.Assignment;
import id.peduli.innovation.selection.EvaluatorAssignment.Conflict;
import id.peduli.innovation.selection.EvaluatorAssignment.Evaluator;
import id.peduli.innovation.selection.EvaluatorAssignment.Options;
import id.peduli.innovation.selection.EvaluatorAssignment.Proposal;
import id.peduli.innovation.selection.EvaluatorAssignment.Reason;
import id.peduli.innovation.selection.EvaluatorAssignment.Result;
import id.peduli.innovation.selection.EvaluatorAssignment.Unassigned;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Agencies of the examples: ministry 1 with directorates 11 and 12; province 2 (code 33) with regency 21; province 3
 * (code 15) with city 31; state enterprise 4; university 5 in province 15 (outside the tree of government).
 */
class EvaluatorAssignmentTest {

    private static final Evaluator E1 = new Evaluator(1, 1, List.of(), null, 10, Set.of()); // ministry
    private static final Evaluator E2 = new Evaluator(2, 11, List.of(1L), null, 10, Set.of()); // directorate 11
    private static final Evaluator E3 = new Evaluator(3, 21, List.of(2L), "33", 10, Set.of()); // regency 21
    private static final Evaluator E4 = new Evaluator(4, 5, List.of(), "15", 10, Set.of(105L)); // university

    private static final Proposal P101 = proposal(101, 12, List.of(1L), null); // directorate 12
    private static final Proposal P102 = proposal(102, 1, List.of(), null); // the ministry itself
    private static final Proposal P103 = proposal(103, 2, List.of(), "33"); // province 2
    private static final Proposal P104 = proposal(104, 31, List.of(3L), "15"); // city 31
    private static final Proposal P105 = proposal(105, 21, List.of(2L), "33"); // regency 21
    private static final Proposal P106 = proposal(106, 4, List.of(), null); // state enterprise

    private static final List<Proposal> PROPOSALS = List.of(P101, P102, P103, P104, P105, P106);
    private static final List<Evaluator> EVALUATORS = List.of(E1, E2, E3, E4);

    private static Proposal proposal(long id, long agency, List<Long> ancestors, String province) {
        return new Proposal(id, agency, ancestors, province, "umum", "pelayanan-publik");
    }

    @Test
    void conflictsOfInterest() {
        Options options = Options.defaults();
        // the ministry's evaluator and its directorate's proposal (below), but not the sibling directorate
        assertThat(EvaluatorAssignment.conflict(P101, E1, options)).contains(Conflict.SUBORDINATE_AGENCY);
        assertThat(EvaluatorAssignment.conflict(P101, E2, options)).isEmpty();
        // the directorate's evaluator and the ministry's proposal (above)
        assertThat(EvaluatorAssignment.conflict(P102, E1, options)).contains(Conflict.OWN_AGENCY);
        assertThat(EvaluatorAssignment.conflict(P102, E2, options)).contains(Conflict.PARENT_AGENCY);
        assertThat(EvaluatorAssignment.conflict(P103, E3, options)).contains(Conflict.PARENT_AGENCY);
        assertThat(EvaluatorAssignment.conflict(P105, E3, options)).contains(Conflict.OWN_AGENCY);
        assertThat(EvaluatorAssignment.conflict(P105, E4, options)).contains(Conflict.DECLARED);
        // the province rule is optional
        assertThat(EvaluatorAssignment.conflict(P104, E4, options)).isEmpty();
        assertThat(EvaluatorAssignment.conflict(P104, E4, options.withAvoidSameProvince(true)))
                .contains(Conflict.SAME_PROVINCE);
        // a national proposal has no province to share
        assertThat(EvaluatorAssignment.conflict(P106, E1, options.withAvoidSameProvince(true)))
                .isEqualTo(Optional.empty());
    }

    @Test
    void greedyMostConstrainedFirstLeastLoadedEvaluator() {
        Result result = EvaluatorAssignment.assign(PROPOSALS, EVALUATORS, Options.defaults());
        // eligible: 101 {2,3,4}, 102 {3,4}, 103 {1,2,4}, 104 {1,2,3,4}, 105 {1,2}, 106 {1,2,3,4}
        // order by fewest eligible, then input order: 102, 105, 101, 103, 104, 106
        // 102 → 3 (loads all 0, first listed of {3,4});  105 → 1;  101 → 2 (loads 2:0, 3:1, 4:0);
        // 103 → 4 (1:1, 2:1, 4:0);  104 → 1 (all at 1, first listed);  106 → 2 (1:2, 2:1, 3:1, 4:1)
        assertThat(result.assignments())
                .containsExactly(
                        new Assignment(101, 2),
                        new Assignment(102, 3),
                        new Assignment(103, 4),
                        new Assignment(104, 1),
                        new Assignment(105, 1),
                        new Assignment(106, 2));
        assertThat(result.loads())
                .containsExactly(Map.entry(1L, 2), Map.entry(2L, 2), Map.entry(3L, 1), Map.entry(4L, 1));
        assertThat(result.unassigned()).isEmpty();
    }

    @Test
    void aChainOfMovesFreesAPlaceWhenEveryEligibleEvaluatorIsFull() {
        Evaluator x = new Evaluator(1, 901, List.of(), null, 2, Set.of());
        Evaluator y = new Evaluator(2, 902, List.of(), null, 1, Set.of());
        Evaluator z = new Evaluator(3, 903, List.of(), null, 1, Set.of());
        // p1, p2 may go to x or y; p3, p4 to y or z (each declared conflict excludes the third evaluator)
        List<Proposal> proposals = List.of(
                proposal(1, 100, List.of(), null),
                proposal(2, 100, List.of(), null),
                proposal(3, 100, List.of(), null),
                proposal(4, 100, List.of(), null));
        List<Evaluator> evaluators = List.of(
                new Evaluator(x.id(), x.agencyId(), List.of(), null, x.cap(), Set.of(3L, 4L)),
                new Evaluator(y.id(), y.agencyId(), List.of(), null, y.cap(), Set.of()),
                new Evaluator(z.id(), z.agencyId(), List.of(), null, z.cap(), Set.of(1L, 2L)));
        Result result = EvaluatorAssignment.assign(proposals, evaluators, Options.defaults());
        // greedy: p1 → x (x and y at 0, x first), p2 → y (x 1, y 0), p3 → z (y full), p4: y and z full.
        // chain: p4 → y, who hands p2 to x (eligible, one place left) → all four assigned
        assertThat(result.unassigned()).isEmpty();
        assertThat(result.assignments())
                .containsExactly(
                        new Assignment(1, 1), new Assignment(2, 1), new Assignment(3, 3), new Assignment(4, 2));
        assertThat(result.loads()).containsExactly(Map.entry(1L, 2), Map.entry(2L, 1), Map.entry(3L, 1));
    }

    @Test
    void reportsWhyAProposalCouldNotBeAssigned() {
        // 102 (the ministry) conflicts with evaluators 1 and 2; 106 with nobody; caps of one each
        List<Evaluator> capped = List.of(
                new Evaluator(1, 1, List.of(), null, 1, Set.of()),
                new Evaluator(2, 11, List.of(1L), null, 1, Set.of()));
        Result result = EvaluatorAssignment.assign(List.of(P102, P106), capped, Options.defaults());
        assertThat(result.unassigned()).containsExactly(new Unassigned(102, Reason.NO_ELIGIBLE_EVALUATOR, 1));

        // two per proposal: 105 has only evaluators 1 and 2 eligible, 102 only 3 and 4; with evaluator 4 at cap 0
        List<Evaluator> four = List.of(E1, E2, E3, new Evaluator(4, 5, List.of(), "15", 0, Set.of(105L)));
        Result two = EvaluatorAssignment.assign(
                List.of(P102, P105), four, Options.defaults().withPerProposal(2));
        assertThat(two.unassigned()).containsExactly(new Unassigned(102, Reason.CAPACITY_EXHAUSTED, 1));
        Result three = EvaluatorAssignment.assign(
                List.of(P105), EVALUATORS, Options.defaults().withPerProposal(3));
        assertThat(three.unassigned()).containsExactly(new Unassigned(105, Reason.TOO_FEW_ELIGIBLE_EVALUATORS, 1));

        // three proposals, one place in all
        Result full = EvaluatorAssignment.assign(
                List.of(P104, P106, P101),
                List.of(new Evaluator(9, 5, List.of(), null, 1, Set.of())),
                Options.defaults());
        assertThat(full.assignments()).hasSize(1);
        assertThat(full.unassigned())
                .extracting(Unassigned::reason)
                .containsExactly(Reason.CAPACITY_EXHAUSTED, Reason.CAPACITY_EXHAUSTED);
    }

    @Test
    void secondEvaluatorWithinFiveOfThePassMark() {
        List<Assignment> first = EvaluatorAssignment.assign(PROPOSALS, EVALUATORS, Options.defaults())
                .assignments();
        // first evaluators: 101→2, 102→3, 103→4, 104→1, 105→1, 106→2; loads 1:2, 2:2, 3:1, 4:1
        Map<Long, Double> firstScores = Map.of(
                101L, 80.0, // |80 − 85| = 5: inside (the bound counts)
                102L, 79.9, // 5.1: outside
                103L, 90.0, // 5: inside
                104L, 95.0, // outside
                105L, 85.0); // inside; 106 has no score yet
        Result second =
                EvaluatorAssignment.secondEvaluators(PROPOSALS, EVALUATORS, first, firstScores, Options.defaults());
        // order by fewest eligible: 105 {1,2} → 2 (1 already on it);
        // 101 {2,3,4} without 2 → 3 and 4 both at 1, 3 listed first → 3;  103 {1,2,4} without 4 → 1 (2) before 2 (3)
        // balancing cannot help evaluator 4 (load 1): the first assignments stay where they are
        assertThat(second.assignments())
                .containsExactly(new Assignment(101, 3), new Assignment(103, 1), new Assignment(105, 2));
        assertThat(second.loads())
                .containsExactly(Map.entry(1L, 3), Map.entry(2L, 3), Map.entry(3L, 2), Map.entry(4L, 1));
        assertThat(second.unassigned()).isEmpty();
    }

    @Test
    void keepsGivenAssignmentsAndRefusesConflictedOnes() {
        Result result = EvaluatorAssignment.assign(
                PROPOSALS, EVALUATORS, Options.defaults(), List.of(new Assignment(104, 4), new Assignment(106, 4)));
        assertThat(result.assignments()).extracting(Assignment::proposalId).containsExactly(101L, 102L, 103L, 105L);
        assertThat(result.loads().values()).allMatch(load -> load >= 1 && load <= 2);
        assertThatThrownBy(() -> EvaluatorAssignment.assign(
                        PROPOSALS, EVALUATORS, Options.defaults(), List.of(new Assignment(102, 1))))
                .hasMessageContaining("conflict");
        assertThatThrownBy(() -> EvaluatorAssignment.assign(List.of(P101, P101), EVALUATORS, Options.defaults()))
                .hasMessageContaining("twice");
    }

    @Test
    void balancingHandsAProposalToAnEvaluatorLeftBehind() {
        // y (listed first) may take a, b, c, d; x only a; z only b, c, d (declared conflicts)
        List<Proposal> proposals = List.of(
                proposal(1, 100, List.of(), null), // a
                proposal(2, 100, List.of(), null), // b
                proposal(3, 100, List.of(), null), // c
                proposal(4, 100, List.of(), null)); // d
        List<Evaluator> evaluators = List.of(
                new Evaluator(11, 901, List.of(), null, 5, Set.of()), // y
                new Evaluator(12, 902, List.of(), null, 5, Set.of(2L, 3L, 4L)), // x
                new Evaluator(13, 903, List.of(), null, 5, Set.of(1L))); // z
        Result result = EvaluatorAssignment.assign(proposals, evaluators, Options.defaults());
        // every proposal has two eligible evaluators, so input order: a → y (y and x at 0, y listed first);
        // b → z (y 1, z 0); c → y (1 and 1, y first); d → z (y 2, z 1). Loads y 2, x 0, z 2: x is two below y and
        // may take a, so y hands a to x. Loads y 1, x 1, z 2.
        assertThat(result.assignments())
                .containsExactly(
                        new Assignment(1, 12), new Assignment(2, 13), new Assignment(3, 11), new Assignment(4, 13));
        assertThat(result.loads()).containsExactly(Map.entry(11L, 1), Map.entry(12L, 1), Map.entry(13L, 2));
    }
}
