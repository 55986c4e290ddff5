package id.peduli.innovation.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.innovation.selection.TopSelection.Candidate;
import id.peduli.innovation.selection.TopSelection.QuotaKey;
import id.peduli.innovation.selection.TopSelection.Selected;
import id.peduli.innovation.selection.TopSelection.Selection;
import id.peduli.innovation.selection.TopSelection.Shortfall;
import id.peduli.innovation.selection.TopSelection.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopSelectionTest {

    private static final Candidate C1 = new Candidate(1, 95, "publik", "umum", "kementerian", false);
    private static final Candidate C2 = new Candidate(2, 93, "publik", "umum", "kementerian", false);
    private static final Candidate C3 = new Candidate(3, 91, "tata-kelola", "umum", "kota", false);
    private static final Candidate C4 = new Candidate(4, 90, "publik", "umum", "provinsi", false);
    private static final Candidate C5 = new Candidate(5, 88, "publik", "replikasi", "kabupaten", true);
    private static final Candidate C6 = new Candidate(6, 85, "tata-kelola", "umum", "kabupaten", false);
    private static final Candidate C7 = new Candidate(7, 80, "ekonomi", "umum", "kabupaten", true);
    private static final Candidate C8 = new Candidate(8, 75, "ekonomi", "replikasi", "bumn", false);
    private static final List<Candidate> ALL = List.of(C8, C7, C6, C5, C4, C3, C2, C1); // order of input is irrelevant

    private static Map<QuotaKey, Integer> floors(Object... pairs) {
        Map<QuotaKey, Integer> floors = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            floors.put((QuotaKey) pairs[i], (Integer) pairs[i + 1]);
        }
        return floors;
    }

    @Test
    void withoutFloorsTheBestScores() {
        assertThat(TopSelection.select(ALL, 4, Map.of()).ids()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void floorsFirstThenByScore() {
        Map<QuotaKey, Integer> floors =
                floors(QuotaKey.threeT(), 1, QuotaKey.group("replikasi"), 1, QuotaKey.category("ekonomi"), 1);
        Selection selection = TopSelection.select(ALL, 4, floors);
        // floors add up to 3 ≤ 4. Each quota has two members for one place (slack 1); the best member among them
        // is 5 (88; 3T and replikasi at once). Still missing ekonomi: its best member 7 (80). Two places left by
        // score: 1 (95), 2 (93).
        // Ranked by score: 1, 2, 5, 7.
        assertThat(selection.ids()).containsExactly(1L, 2L, 5L, 7L);
        assertThat(selection.selected()).extracting(Selected::rank).containsExactly(1, 2, 3, 4);
        assertThat(selection.selected().get(2).filledFloors())
                .isEqualTo(Set.of(QuotaKey.threeT(), QuotaKey.group("replikasi")));
        assertThat(selection.selected().get(3).filledFloors()).isEqualTo(Set.of(QuotaKey.category("ekonomi")));
        assertThat(selection.selected().get(0).filledFloors()).isEmpty();
        assertThat(selection.shortfalls()).isEmpty();
        assertThat(TopSelection.check(
                        selection.selected().stream().map(Selected::candidate).toList(), floors))
                .isEmpty();
    }

    @Test
    void aCandidateCountsForEveryQuotaItBelongsTo() {
        // floors 3T ≥ 2 and kabupaten ≥ 2 add up to 4 > 3 places: first the candidate in most missing quotas,
        // 5 (88: 3T and kabupaten). Then 2 missing for 2 places: 3T has 1 member left (7) for 1 missing → slack 0;
        // kabupaten 2 left (6, 7) for 1 → slack 1. 3T is scarcer → 7 (80), which is kabupaten too. Then by score: 1.
        Selection selection =
                TopSelection.select(ALL, 3, floors(QuotaKey.threeT(), 2, QuotaKey.participantType("kabupaten"), 2));
        assertThat(selection.ids()).containsExactly(1L, 5L, 7L);
    }

    @Test
    void overlappingFloorsThatOnlyFitTogether() {
        // one place, floors replikasi ≥ 1 and ekonomi ≥ 1: only 8 (75) is both. Missing floors (2) exceed the places
        // left (1), so the candidate filling the most missing floors is taken, though 5 (88) ranks higher.
        Selection selection =
                TopSelection.select(ALL, 1, floors(QuotaKey.group("replikasi"), 1, QuotaKey.category("ekonomi"), 1));
        assertThat(selection.ids()).containsExactly(8L);
        assertThat(selection.shortfalls()).isEmpty();
    }

    @Test
    void infeasibleFloorsAreReportedAndTheRestStillFilled() {
        // nobody in kesehatan; ekonomi has two candidates for a floor of three
        Selection selection =
                TopSelection.select(ALL, 4, floors(QuotaKey.category("kesehatan"), 2, QuotaKey.category("ekonomi"), 3));
        // ekonomi: 7 and 8 taken for the floor, then 1 and 2 by score → ranked 1, 2, 7, 8
        assertThat(selection.ids()).containsExactly(1L, 2L, 7L, 8L);
        assertThat(selection.shortfalls())
                .containsExactly(
                        new Shortfall(QuotaKey.category("ekonomi"), 3, 2, 2),
                        new Shortfall(QuotaKey.category("kesehatan"), 2, 0, 0));
    }

    @Test
    void floorsAddingUpToMoreThanNAreReported() {
        // one place, floors kementerian ≥ 1 and bumn ≥ 1: no candidate is both → 1 (95) fills kementerian, bumn short
        Selection selection = TopSelection.select(
                ALL, 1, floors(QuotaKey.participantType("kementerian"), 1, QuotaKey.participantType("bumn"), 1));
        assertThat(selection.ids()).containsExactly(1L);
        assertThat(selection.shortfalls()).containsExactly(new Shortfall(QuotaKey.participantType("bumn"), 1, 0, 1));
    }

    @Test
    void equalScoresGoToTheLowerId() {
        List<Candidate> tied = List.of(
                new Candidate(12, 90, "a", "umum", "kota", false),
                new Candidate(10, 90, "a", "umum", "kota", false),
                new Candidate(11, 90, "a", "umum", "kota", false));
        assertThat(TopSelection.select(tied, 2, Map.of()).ids()).containsExactly(10L, 11L);
    }

    @Test
    void fewerCandidatesThanPlaces() {
        assertThat(TopSelection.select(List.of(C3, C1), 99, Map.of()).ids()).containsExactly(1L, 3L);
        assertThat(TopSelection.select(List.of(), 99, Map.of(QuotaKey.threeT(), 1))
                        .shortfalls())
                .containsExactly(new Shortfall(QuotaKey.threeT(), 1, 0, 0));
    }

    @Test
    void checkNamesEveryViolatedFloorOfAChangedList() {
        // the panel replaced 5 and 7 by 3 and 4
        List<Candidate> manual = List.of(C1, C2, C3, C4);
        Map<QuotaKey, Integer> floors = floors(
                QuotaKey.threeT(),
                1,
                QuotaKey.group("replikasi"),
                1,
                QuotaKey.category("ekonomi"),
                1,
                QuotaKey.participantType("kementerian"),
                2);
        // kementerian: 1 and 2 → met; the other three have none
        assertThat(TopSelection.check(manual, floors))
                .containsExactly(
                        new Violation(QuotaKey.category("ekonomi"), 1, 0),
                        new Violation(QuotaKey.group("replikasi"), 1, 0),
                        new Violation(QuotaKey.threeT(), 1, 0));
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> TopSelection.select(List.of(C1, C1), 2, Map.of()))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> TopSelection.select(ALL, -1, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopSelection.select(ALL, 2, Map.of(QuotaKey.threeT(), -1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        TopSelection.select(List.of(new Candidate(1, Double.NaN, "a", "b", "c", false)), 2, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
