package id.peduli.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NikTest {

    private static final Set<String> KNOWN = Set.of("33", "33.23", "33.23.01", "15", "15.71", "15.71.01");

    private static Nik.Check check(String nik, Character sex, LocalDate birth, Integer year) {
        return Nik.check(nik, sex, birth, year, KNOWN::contains);
    }

    private static String keys(java.util.List<Nik.Problem> problems) {
        return String.join(",", problems.stream().map(Nik.Problem::key).toList());
    }

    @Test
    void acceptsAWellFormedNikConsistentWithTheRecord() {
        Nik.Check check = check("3323015705900001", 'F', LocalDate.of(1990, 5, 17), null);
        assertThat(check.valid()).isTrue();
        assertThat(check.warnings()).isEmpty();
        assertThat(check.nik()).isEqualTo("3323015705900001");
    }

    @Test
    void ignoresSpacesAndDotsBetweenGroups() {
        assertThat(check("3323 01 170590 0001", 'M', LocalDate.of(1990, 5, 17), null)
                        .valid())
                .isTrue();
        assertThat(check("33.23.01.170590.0001", 'M', null, 1990).valid()).isTrue();
    }

    @Test
    void refusesWrongLengthsAndLetters() {
        assertThat(keys(check("332301170590001", 'M', null, 1990).errors())).isEqualTo("nik.length");
        assertThat(keys(check("33230117059000012", 'M', null, 1990).errors())).isEqualTo("nik.length");
        assertThat(keys(check("33230117O5900001", 'M', null, 1990).errors())).isEqualTo("nik.digitsOnly");
    }

    @Test
    void refusesUnknownProvincesImpossibleDaysMonthsAndSerials() {
        assertThat(keys(check("9923011705900001", 'M', null, 1990).errors())).isEqualTo("nik.unknownProvince");
        assertThat(keys(check("3323013505900001", 'M', null, 1990).errors())).isEqualTo("nik.day");
        assertThat(keys(check("3323017205900001", 'F', null, 1990).errors())).isEqualTo("nik.day");
        assertThat(keys(check("3323011713900001", 'M', null, 1990).errors())).isEqualTo("nik.month");
        assertThat(keys(check("3323011705900000", 'M', null, 1990).errors())).isEqualTo("nik.serial");
        assertThat(keys(check("3323013102900001", 'M', null, 1990).errors())).isEqualTo("nik.date");
    }

    @Test
    void unknownDistrictOrRegencyIsOnlyAWarning() {
        Nik.Check district = check("3323991705900001", 'M', LocalDate.of(1990, 5, 17), null);
        assertThat(district.valid()).isTrue();
        assertThat(keys(district.warnings())).isEqualTo("nik.unknownDistrict");
        Nik.Check regency = check("3399011705900001", 'M', LocalDate.of(1990, 5, 17), null);
        assertThat(keys(regency.warnings())).isEqualTo("nik.unknownRegency");
    }

    @Test
    void sexAndBirthDateMismatchesAreWarnings() {
        assertThat(keys(check("3323015705900001", 'M', LocalDate.of(1990, 5, 17), null)
                        .warnings()))
                .isEqualTo("nik.sexFemale");
        assertThat(keys(check("3323011705900001", 'F', LocalDate.of(1990, 5, 17), null)
                        .warnings()))
                .isEqualTo("nik.sexMale");
        assertThat(keys(check("3323011705900001", 'M', LocalDate.of(1991, 5, 17), null)
                        .warnings()))
                .isEqualTo("nik.birthDate");
        assertThat(keys(check("3323011705900001", 'M', null, 1988).warnings())).isEqualTo("nik.birthYear");
    }

    @Test
    void masksAllButTheFirstFourDigits() {
        assertThat(Nik.masked("3323015705900001")).isEqualTo("3323••••••••••••");
        assertThat(Nik.masked("3323011705900123")).isEqualTo("3323••••••••••••");
    }

    /**
     * A list row shows the masked NIK next to the region (district), the birth date and the sex. Those give digits
     * 1–12 of a NIK; the mask must leave the serial open, so that every serial from 0001 to 9999 stays possible.
     */
    @Test
    void aMaskedNikWithTheRowsOtherFieldsLeavesEverySerialPossible() {
        String nik = "3323015705900001";
        String masked = Nik.masked(nik);
        String district = "332301";
        LocalDate birth = LocalDate.of(1990, 5, 17);
        char sex = 'F';
        assertThat(masked).doesNotContain("0001").doesNotContain("1705", "0590");

        int candidates = 0;
        for (int serial = 0; serial <= 9999; serial++) {
            String candidate = district
                    + String.format(
                            "%02d%02d%02d", birth.getDayOfMonth() + 40, birth.getMonthValue(), birth.getYear() % 100)
                    + String.format("%04d", serial);
            if (fits(masked, candidate) && check(candidate, sex, birth, null).valid()) {
                candidates++;
            }
        }
        assertThat(candidates).isGreaterThanOrEqualTo(9_999);
    }

    /** The same for a family card number: region, issue date and serial. */
    @Test
    void aMaskedKkLeavesTheSerialOpen() {
        String kk = "3323012003150042";
        String masked = Nik.masked(kk);
        int candidates = 0;
        for (int serial = 0; serial <= 9999; serial++) {
            if (fits(masked, kk.substring(0, 12) + String.format("%04d", serial))) {
                candidates++;
            }
        }
        assertThat(candidates).isEqualTo(10_000);
        assertThat(masked).doesNotContain("0042");
    }

    private static boolean fits(String masked, String candidate) {
        if (masked.length() != candidate.length()) {
            return false;
        }
        for (int i = 0; i < masked.length(); i++) {
            if (masked.charAt(i) != '•' && masked.charAt(i) != candidate.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
