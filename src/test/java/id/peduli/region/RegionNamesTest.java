package id.peduli.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionNamesTest {

    @Test
    void normalisesCasePunctuationAndSpacing() {
        assertThat(RegionNames.normalise("Kabupaten Temanggung")).isEqualTo("kabupaten temanggung");
        assertThat(RegionNames.normalise("  TEMANG  ")).isEqualTo("temang");
        assertThat(RegionNames.normalise("Lubuk Pakam I,II")).isEqualTo("lubuk pakam i ii");
        assertThat(RegionNames.normalise("Kota Bau-Bau")).isEqualTo("kota bau bau");
    }

    @Test
    void dropsApostrophesAndQuotesInsideWords() {
        assertThat(RegionNames.normalise("Pasi Kuala Ba'u")).isEqualTo("pasi kuala bau");
        assertThat(RegionNames.normalise("Regapu’u")).isEqualTo("regapuu");
        assertThat(RegionNames.normalise("Ra\"as")).isEqualTo("raas");
    }

    @Test
    void leavesNoLikeWildcards() {
        assertThat(RegionNames.normalise("100%_x")).isEqualTo("100 x");
        assertThat(RegionNames.normalise("%")).isEmpty();
        assertThat(RegionNames.normalise(null)).isEmpty();
    }
}
