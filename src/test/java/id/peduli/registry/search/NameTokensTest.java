package id.peduli.registry.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameTokensTest {

    @Test
    void significantWordsLeaveOutInitialsAndRepeats() {
        assertThat(NameTokens.significantWords("m rizki rizki al pratama")).containsExactly("rizki", "pratama");
        assertThat(NameTokens.significantWords("m al")).isEmpty();
    }

    @Test
    void shortWordsGetOneDeletionLongWordsTwo() {
        assertThat(NameTokens.deletions("adi")).containsExactlyInAnyOrder("adi", "di", "ai", "ad");
        assertThat(NameTokens.deletions("wicaksono"))
                .contains("wicaksono", "icaksono", "wcksono", "wicakso")
                .hasSizeGreaterThan(30);
    }

    @Test
    void distanceCountsSubstitutionsInsertionsDeletionsAndSwaps() {
        assertThat(NameTokens.distance("andi", "andi", 2)).isZero();
        assertThat(NameTokens.distance("andi", "azdi", 2)).isEqualTo(1);
        assertThat(NameTokens.distance("andi", "adi", 2)).isEqualTo(1);
        assertThat(NameTokens.distance("andi", "nadi", 2)).isEqualTo(1);
        assertThat(NameTokens.distance("wicaksono", "wikcasono", 2)).isEqualTo(2);
        assertThat(NameTokens.distance("lestari", "lesatri", 2)).isEqualTo(1);
    }

    @Test
    void distanceStopsAtTheLimit() {
        assertThat(NameTokens.distance("sri", "wahyuni", 1)).isEqualTo(2);
        assertThat(NameTokens.distance("abcdef", "fedcba", 2)).isEqualTo(3);
    }

    @Test
    void longerWordsMayBeTwoEditsAway() {
        assertThat(NameTokens.allowedDistance("adi")).isEqualTo(1);
        assertThat(NameTokens.allowedDistance("susanto")).isEqualTo(2);
    }
}
