package id.peduli.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.platform.FieldEncryptionForTools;
import id.peduli.registry.identity.Kk;
import id.peduli.registry.identity.Nik;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A KK number in an import file is judged by the same rule as on the household page ({@link Kk}): a number the page
 * refuses is refused in the file with the same message, and one the page accepts is accepted. The import used to
 * skip the province check that the page made.
 */
class ImportKkRuleTest {

    private static final Nik.RegionLookup JAMBI_ONLY = Set.of("15", "15.71", "15.71.01")::contains;
    private static final String KEY = Base64.getEncoder().encodeToString("a-key-of-thirty-two-bytes-length".getBytes());

    private final ImportField[] fields = {
        ImportField.FULL_NAME,
        ImportField.SEX,
        ImportField.BIRTH_DATE,
        ImportField.HOUSEHOLD_KEY,
        ImportField.RELATIONSHIP_TO_HEAD,
        ImportField.KK_NUMBER,
        ImportField.KK_VALID_FROM
    };

    @Test
    void aKkOfAnUnknownProvinceIsRefusedLikeOnTheHouseholdPage() {
        String kk = "9971010101010001";
        assertThat(Kk.check(kk, JAMBI_ONLY).errors())
                .extracting(Nik.Problem::key)
                .containsExactly("kk.unknownProvince");
        StringBuilder out = new StringBuilder();
        assertThat(stage(kk, out)).isFalse();
        assertThat(out).contains("\"kk_number\"").contains("kk.unknownProvince");
    }

    @Test
    void aKkThePageAcceptsIsAcceptedInTheFile() {
        String kk = "1571010101010001";
        assertThat(Kk.check(kk, JAMBI_ONLY).valid()).isTrue();
        StringBuilder out = new StringBuilder();
        assertThat(stage(kk, out)).isTrue();
    }

    @Test
    void lettersAndWrongLengthGiveThePagesMessages() {
        StringBuilder out = new StringBuilder();
        assertThat(stage("15710101A1010001", out)).isFalse();
        assertThat(out).contains("kk.digitsOnly");
        out = new StringBuilder();
        assertThat(stage("157101010101", out)).isFalse();
        assertThat(out).contains("kk.length");
    }

    private boolean stage(String kk, StringBuilder out) {
        int[] columns = new int[ImportField.values().length];
        Arrays.fill(columns, -1);
        for (int i = 0; i < fields.length; i++) {
            columns[fields[i].ordinal()] = i;
        }
        ImportRowRules rules = new ImportRowRules(
                columns, JAMBI_ONLY, FieldEncryptionForTools.withKey(KEY), false, LocalDate.of(2026, 11, 30), 1, 1);
        String[] values = {"Siti Aminah", "P", "1990-05-13", "keluarga-1", "KEPALA", kk, "2020-01-01"};
        return rules.stage(new ImportFile.Cells(2, values, new boolean[0]), ImportRowRules.Target.CHECK, out);
    }
}
