package id.peduli.innovation.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RubricTest {

    private final Rubric rubric = Rubric.defaults();

    private Map<String, Integer> all(int score) {
        Map<String, Integer> scores = new HashMap<>();
        rubric.aspects().forEach(a -> scores.put(a.code(), score));
        return scores;
    }

    @Test
    void defaultWeightsAddUpToHundred() {
        // 10 + 5 + 5 + 5 + 15 + 15 + 5 + 10 + 15 + 10 + 5 = 100
        assertThat(rubric.aspects()).hasSize(11);
        assertThat(rubric.totalWeight()).isEqualTo(100);
    }

    @Test
    void topAndBottomOfTheScale() {
        // 100 · (100 · 10) / (100 · 10) = 100;  100 · (100 · 1) / (100 · 10) = 10
        assertThat(rubric.total(all(10))).isEqualTo(100.0);
        assertThat(rubric.total(all(1))).isEqualTo(10.0);
    }

    @Test
    void weightedTotalOfMixedScores() {
        Map<String, Integer> scores = new HashMap<>();
        scores.put("background", 8); //          10 · 8 =  80
        scores.put("category-fit", 7); //          5 · 7 =  35
        scores.put("sdg-priority", 6); //          5 · 6 =  30
        scores.put("description", 9); //          5 · 9 =  45
        scores.put("innovativeness", 9); //      15 · 9 = 135
        scores.put("transferability", 8); //     15 · 8 = 120
        scores.put("resources", 7); //            5 · 7 =  35
        scores.put("sustainability", 9); //      10 · 9 =  90
        scores.put("evaluation-results", 8); //  15 · 8 = 120
        scores.put("stakeholders", 7); //        10 · 7 =  70
        scores.put("lessons-learned", 6); //      5 · 6 =  30
        //                                            sum 790 → 100 · 790 / (100 · 10) = 79.0
        assertThat(rubric.total(scores)).isCloseTo(79.0, within(1e-9));
    }

    @Test
    void weightsThatDoNotAddUpToHundredStillGiveZeroToHundred() {
        Rubric small = new Rubric(List.of(new Rubric.Aspect("a", 2), new Rubric.Aspect("b", 1)), 1, 5);
        // 100 · (2 · 4 + 1 · 2) / (3 · 5) = 1000 / 15 = 66.67
        assertThat(small.total(Map.of("a", 4, "b", 2))).isCloseTo(66.6667, within(1e-4));
    }

    @Test
    void refusesScoresOutsideTheScaleMissingOrUnknownAspects() {
        Map<String, Integer> tooHigh = all(10);
        tooHigh.put("innovativeness", 11);
        assertThatThrownBy(() -> rubric.total(tooHigh)).isInstanceOf(IllegalArgumentException.class);
        Map<String, Integer> zero = all(5);
        zero.put("resources", 0);
        assertThatThrownBy(() -> rubric.total(zero)).isInstanceOf(IllegalArgumentException.class);
        Map<String, Integer> missing = all(5);
        missing.remove("lessons-learned");
        assertThatThrownBy(() -> rubric.total(missing)).hasMessageContaining("lessons-learned");
        Map<String, Integer> unknown = all(5);
        unknown.put("charisma", 5);
        assertThatThrownBy(() -> rubric.total(unknown)).hasMessageContaining("charisma");
    }

    @Test
    void refusesBadRubrics() {
        assertThatThrownBy(() -> new Rubric(List.of(), 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rubric(List.of(new Rubric.Aspect("a", 1), new Rubric.Aspect("a", 2)), 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rubric.Aspect("a", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rubric(List.of(new Rubric.Aspect("a", 1)), 5, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
