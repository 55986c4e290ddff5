package id.peduli.registry;

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
    void masksAllButTheFirstAndLastFourDigits() {
        assertThat(Nik.masked("3323015705900001")).isEqualTo("3323••••••••0001");
    }
}
