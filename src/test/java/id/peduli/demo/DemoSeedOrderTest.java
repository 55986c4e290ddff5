package id.peduli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.platform.DemoSeed;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoSeedOrderTest {

    record Seed(String name, Set<String> dependsOn, int order) implements DemoSeed {
        @Override
        public void load() {}
    }

    private static List<String> names(List<DemoSeed> seeds) {
        return seeds.stream().map(DemoSeed::name).toList();
    }

    @Test
    void aSeedRunsAfterWhatItDependsOnWhateverItsOrder() {
        var story = new Seed("story", Set.of(), 900);
        var people = new Seed("people", Set.of("story"), 100);
        var workshop = new Seed("workshop", Set.of("people", "story"), 50);
        var competition = new Seed("competition", Set.of("story"), 200);
        assertThat(names(DemoSeeds.ordered(List.of(workshop, competition, people, story))))
                .containsExactly("story", "people", "workshop", "competition");
    }

    @Test
    void amongReadySeedsLowerOrderThenNameRunsFirst() {
        assertThat(names(DemoSeeds.ordered(
                        List.of(new Seed("b", Set.of(), 10), new Seed("a", Set.of(), 10), new Seed("c", Set.of(), 5)))))
                .containsExactly("c", "a", "b");
    }

    @Test
    void mistakesInTheSeedsStopTheStart() {
        assertThatThrownBy(() -> DemoSeeds.ordered(List.of(new Seed("a", Set.of("missing"), 1))))
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> DemoSeeds.ordered(List.of(new Seed("a", Set.of(), 1), new Seed("a", Set.of(), 2))))
                .hasMessageContaining("Two demo seeds");
        assertThatThrownBy(
                        () -> DemoSeeds.ordered(List.of(new Seed("a", Set.of("b"), 1), new Seed("b", Set.of("a"), 1))))
                .hasMessageContaining("circle");
    }
}
