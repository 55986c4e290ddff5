package id.peduli.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatsWithDotsAsThousandSeparators() {
        assertThat(Money.of(1_250_000).format()).isEqualTo("Rp 1.250.000");
        assertThat(Money.of(0).format()).isEqualTo("Rp 0");
        assertThat(Money.of(999).format()).isEqualTo("Rp 999");
        assertThat(Money.of(1_000).format()).isEqualTo("Rp 1.000");
        assertThat(Money.of(-75_500).format()).isEqualTo("-Rp 75.500");
        assertThat(Money.of(12_345_678_901L).format()).isEqualTo("Rp 12.345.678.901");
    }

    @Test
    void indonesianWords() {
        assertThat(Money.of(1_250_000).indonesianWords()).isEqualTo("satu juta dua ratus lima puluh ribu rupiah");
        assertThat(Money.of(0).indonesianWords()).isEqualTo("nol rupiah");
        assertThat(Money.of(1).indonesianWords()).isEqualTo("satu rupiah");
        assertThat(Money.of(11).indonesianWords()).isEqualTo("sebelas rupiah");
        assertThat(Money.of(15).indonesianWords()).isEqualTo("lima belas rupiah");
        assertThat(Money.of(100).indonesianWords()).isEqualTo("seratus rupiah");
        assertThat(Money.of(1_000).indonesianWords()).isEqualTo("seribu rupiah");
        assertThat(Money.of(1_100).indonesianWords()).isEqualTo("seribu seratus rupiah");
        assertThat(Money.of(21_000).indonesianWords()).isEqualTo("dua puluh satu ribu rupiah");
        assertThat(Money.of(101_000).indonesianWords()).isEqualTo("seratus satu ribu rupiah");
        assertThat(Money.of(2_000_000_000L).indonesianWords()).isEqualTo("dua miliar rupiah");
        assertThat(Money.of(-5_000).indonesianWords()).isEqualTo("minus lima ribu rupiah");
        assertThat(Money.of(317_019).indonesianWords()).isEqualTo("tiga ratus tujuh belas ribu sembilan belas rupiah");
    }

    @Test
    void englishWords() {
        assertThat(Money.of(1_250_000).englishWords()).isEqualTo("one million two hundred fifty thousand rupiah");
        assertThat(Money.of(0).englishWords()).isEqualTo("zero rupiah");
        assertThat(Money.of(1_000).englishWords()).isEqualTo("one thousand rupiah");
        assertThat(Money.of(317_019).englishWords()).isEqualTo("three hundred seventeen thousand nineteen rupiah");
        assertThat(Money.of(45_000).englishWords()).isEqualTo("forty-five thousand rupiah");
        assertThat(Money.of(1_250_000).words(Locale.ENGLISH))
                .isEqualTo(Money.of(1_250_000).englishWords());
        assertThat(Money.of(1_250_000).words(Locale.forLanguageTag("id")))
                .isEqualTo(Money.of(1_250_000).indonesianWords());
    }

    @Test
    void arithmeticIsExactAndRefusesOverflow() {
        assertThat(Money.of(1_000).plus(Money.of(250)).times(3)).isEqualTo(Money.of(3_750));
        assertThat(Money.of(100).minus(Money.of(250))).isEqualTo(Money.of(-150));
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE).plus(Money.of(1))).isInstanceOf(ArithmeticException.class);
        assertThat(Money.of(Long.MAX_VALUE).indonesianWords()).endsWith("tujuh rupiah");
    }
}
