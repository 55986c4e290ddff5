package id.peduli.innovation.selection;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.innovation.selection.TopSelection.Candidate;
import id.peduli.innovation.selection.TopSelection.QuotaKey;
import id.peduli.innovation.selection.TopSelection.Selected;
import id.peduli.innovation.selection.TopSelection.Selection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TopSelectionPropertiesTest {

    private static final String[] CATEGORIES = {"publik", "tata-kelola", "ekonomi", "kesehatan"};
    private static final String[] GROUPS = {"umum", "replikasi", "khusus"};
    private static final String[] TYPES = {"kementerian", "provinsi", "kabupaten", "kota", "bumn"};

    private static List<Candidate> candidates(Random random, int count) {
        List<Candidate> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(new Candidate(
                    i,
                    Math.round(random.nextDouble() * 400) / 4.0, // quarter points: ties happen
                    CATEGORIES[random.nextInt(CATEGORIES.length)],
                    GROUPS[random.nextInt(random.nextBoolean() ? 1 : GROUPS.length)],
                    TYPES[random.nextInt(TYPES.length)],
                    random.nextInt(5) == 0));
        }
        return result;
    }

    private static Map<QuotaKey, Integer> floors(Random random) {
        Map<QuotaKey, Integer> floors = new HashMap<>();
        List<QuotaKey> keys = new ArrayList<>();
        for (String c : CATEGORIES) {
            keys.add(QuotaKey.category(c));
        }
        for (String g : GROUPS) {
            keys.add(QuotaKey.group(g));
        }
        for (String t : TYPES) {
            keys.add(QuotaKey.participantType(t));
        }
        keys.add(QuotaKey.threeT());
        for (QuotaKey key : keys) {
            if (random.nextInt(3) == 0) {
                floors.put(key, random.nextInt(12));
            }
        }
        return floors;
    }

    private static boolean feasible(List<Candidate> candidates, int n, Map<QuotaKey, Integer> floors) {
        int sum = 0;
        for (Map.Entry<QuotaKey, Integer> floor : floors.entrySet()) {
            long available =
                    candidates.stream().filter(c -> c.belongsTo(floor.getKey())).count();
            if (available < floor.getValue()) {
                return false;
            }
            sum += floor.getValue();
        }
        return sum <= n;
    }

    @Property(tries = 500)
    void sizeNAndFeasibleFloorsAlwaysMet(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 200) int count,
            @ForAll @IntRange(min = 0, max = 120) int n) {
        Random random = new Random(seed);
        List<Candidate> candidates = candidates(random, count);
        Map<QuotaKey, Integer> floors = floors(random);
        Selection selection = TopSelection.select(candidates, n, floors);
        List<Candidate> chosen =
                selection.selected().stream().map(Selected::candidate).toList();
        assertThat(chosen).hasSize(Math.min(n, count));
        assertThat(new HashSet<>(chosen)).hasSameSizeAs(chosen);
        if (feasible(candidates, n, floors)) {
            assertThat(selection.shortfalls()).isEmpty();
            assertThat(TopSelection.check(chosen, floors)).isEmpty();
        }
        // what check() finds is exactly what select() reported as short
        assertThat(TopSelection.check(chosen, floors))
                .extracting(v -> v.key())
                .containsExactlyInAnyOrderElementsOf(
                        selection.shortfalls().stream().map(s -> s.key()).toList());
    }

    /** Every candidate left out ranks below every candidate taken on score alone. */
    @Property(tries = 300)
    void scoreDecidesOutsideTheFloors(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 150) int count,
            @ForAll @IntRange(min = 0, max = 99) int n) {
        Random random = new Random(seed);
        List<Candidate> candidates = candidates(random, count);
        Selection selection = TopSelection.select(candidates, n, floors(random));
        List<Candidate> byScore = selection.selected().stream()
                .filter(s -> s.filledFloors().isEmpty())
                .map(Selected::candidate)
                .toList();
        List<Candidate> left = new ArrayList<>(candidates);
        left.removeAll(selection.selected().stream().map(Selected::candidate).toList());
        for (Candidate out : left) {
            for (Candidate in : byScore) {
                assertThat(TopSelection.RANKING.compare(in, out)).isNegative();
            }
        }
        // and the selection is listed in ranking order
        List<Candidate> listed =
                selection.selected().stream().map(Selected::candidate).toList();
        List<Candidate> sorted = new ArrayList<>(listed);
        sorted.sort(TopSelection.RANKING);
        assertThat(listed).isEqualTo(sorted);
    }
}
