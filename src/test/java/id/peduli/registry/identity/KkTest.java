package id.peduli.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The family card number rule that the household page, the API and the import share. */
class KkTest {

    private static final Nik.RegionLookup JAMBI_ONLY = Set.of("15", "15.71", "15.71.01")::contains;

    @Test
    void sixteenDigitsOfAKnownProvinceAreAccepted() {
        Kk.Check check = Kk.check("1571 0101 0101 0001", JAMBI_ONLY);
        assertThat(check.valid()).isTrue();
        assertThat(check.kk()).isEqualTo("1571010101010001");
    }

    @Test
    void lettersWrongLengthAndUnknownProvinceAreRefused() {
        assertThat(Kk.check("15710101A1010001", JAMBI_ONLY).errors())
                .extracting(Nik.Problem::key)
                .containsExactly("kk.digitsOnly");
        assertThat(Kk.check("157101010101", JAMBI_ONLY).errors())
                .extracting(Nik.Problem::key)
                .containsExactly("kk.length");
        assertThat(Kk.check("9971010101010001", JAMBI_ONLY).errors())
                .extracting(Nik.Problem::key)
                .containsExactly("kk.unknownProvince");
    }

    @Test
    void aBlankNumberIsNoNumberAtAll() {
        assertThat(Kk.check(" . ", JAMBI_ONLY).kk()).isNull();
        assertThat(Kk.check(null, JAMBI_ONLY).valid()).isTrue();
    }
}
