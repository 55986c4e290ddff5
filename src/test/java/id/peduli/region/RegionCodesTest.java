package id.peduli.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"33", "33.23", "33.23.01", "33.23.01.2001", "15", "96.01.01.1001"})
    void acceptsDottedCodesOfEveryLevel(String code) {
        assertThat(RegionCodes.isWellFormed(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "3",
                "333",
                "3323",
                "33.2",
                "33.23.1",
                "33.23.01.201",
                "33.23.01.20011",
                "332301",
                "33-23",
                "33.23.",
                ".33",
                " 33",
                "33 ",
                "33.23.01.2001.01",
                "ab",
                "33.2a",
                "３３"
            })
    void refusesEverythingElse(String code) {
        assertThat(RegionCodes.isWellFormed(code)).isFalse();
        assertThat(RegionCodes.levelOf(code)).isZero();
        assertThat(RegionCodes.lineage(code)).isEmpty();
    }

    @Test
    void knowsTheLevelAndParentOfACode() {
        assertThat(RegionCodes.levelOf("33")).isEqualTo(RegionCodes.PROVINCE);
        assertThat(RegionCodes.levelOf("33.23")).isEqualTo(RegionCodes.REGENCY);
        assertThat(RegionCodes.levelOf("33.23.01")).isEqualTo(RegionCodes.DISTRICT);
        assertThat(RegionCodes.levelOf("33.23.01.2001")).isEqualTo(RegionCodes.VILLAGE);

        assertThat(RegionCodes.parentOf("33.23.01.2001")).isEqualTo("33.23.01");
        assertThat(RegionCodes.parentOf("33.23.01")).isEqualTo("33.23");
        assertThat(RegionCodes.parentOf("33.23")).isEqualTo("33");
        assertThat(RegionCodes.parentOf("33")).isNull();
        assertThat(RegionCodes.parentOf("nonsense")).isNull();
    }

    @Test
    void givesAncestorsFromTheProvinceDown() {
        assertThat(RegionCodes.lineage("33.23.01.2001")).containsExactly("33", "33.23", "33.23.01", "33.23.01.2001");
        assertThat(RegionCodes.lineage("34")).containsExactly("34");

        assertThat(RegionCodes.ancestorAt("33.23.01.2001", 1)).isEqualTo("33");
        assertThat(RegionCodes.ancestorAt("33.23.01.2001", 3)).isEqualTo("33.23.01");
        assertThat(RegionCodes.ancestorAt("33.23.01.2001", 4)).isEqualTo("33.23.01.2001");
        assertThat(RegionCodes.ancestorAt("33.23", 3)).isNull();
        assertThat(RegionCodes.ancestorAt("33.23", 0)).isNull();
        assertThat(RegionCodes.ancestorAt(null, 1)).isNull();
    }
}
