package id.peduli.registry.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.registry.RegistryRoles;
import id.peduli.shared.InvalidInput;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PersonExportRulesTest {

    @Test
    void cellsThatASpreadsheetWouldEvaluateGetAnApostrophe() {
        assertThat(PersonExport.neutralised("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(PersonExport.neutralised("+62 812")).isEqualTo("'+62 812");
        assertThat(PersonExport.neutralised("-1+1")).isEqualTo("'-1+1");
        assertThat(PersonExport.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(PersonExport.neutralised("\tx")).isEqualTo("'\tx");
        assertThat(PersonExport.neutralised("\rx")).isEqualTo("'\rx");
        assertThat(PersonExport.neutralised("Siti = Lestari")).isEqualTo("Siti = Lestari");
        assertThat(PersonExport.neutralised("")).isEmpty();
        assertThat(PersonExport.neutralised(null)).isNull();
    }

    @Test
    void aReasonIsRequiredWithTenToFiveHundredCharacters() {
        assertThatThrownBy(() -> PersonExport.checkedReason(null))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("peopleSearch.export.reasonRequired"));
        assertThatThrownBy(() -> PersonExport.checkedReason("  kurang  "))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("peopleSearch.export.reasonLength"));
        assertThatThrownBy(() -> PersonExport.checkedReason("x".repeat(501))).isInstanceOf(InvalidInput.class);
        assertThat(PersonExport.checkedReason("  Laporan triwulan  ")).isEqualTo("Laporan triwulan");
        assertThat(PersonExport.checkedReason("x".repeat(500))).hasSize(500);
    }

    @Test
    void theSecurityExpressionsNameTheRoleLists() {
        assertThat(RegistryRoles.READ_EXPRESSION).isEqualTo(expression(RegistryRoles.READ));
        assertThat(RegistryRoles.EXPORT_EXPRESSION).isEqualTo(expression(RegistryRoles.EXPORT));
    }

    private static String expression(String[] roles) {
        return Arrays.stream(roles)
                .map(r -> "'" + r + "'")
                .collect(Collectors.joining(", ", "@access.hasAnyRole(", ")"));
    }
}
