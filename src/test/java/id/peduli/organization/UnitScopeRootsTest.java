package id.peduli.organization;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.platform.PeduliPrincipal.RoleGrant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitScopeRootsTest {

    private final List<RoleGrant> grants = List.of(
            new RoleGrant("SOCIAL_WORKER", 4L, "PSAA Alyatama Jambi"),
            new RoleGrant("PROGRAM_MANAGER", 9L, "BBRSBG Kartini Temanggung"),
            new RoleGrant("SOCIAL_WORKER", 12L, "SW Peduli Temanggung"),
            new RoleGrant("AUDITOR", null, null));

    @Test
    void theRootsAreTheUnitsOfTheGrantsForTheAskedRoles() {
        UnitScope.Roots roots = UnitScope.Roots.of(grants, "SOCIAL_WORKER");

        assertThat(roots.all()).isFalse();
        assertThat(roots.roots()).containsExactlyInAnyOrder(4L, 12L);
        assertThat(roots.none()).isFalse();
    }

    @Test
    void aGrantWithoutAUnitCoversEveryUnit() {
        assertThat(UnitScope.Roots.of(grants, "AUDITOR", "DPO").all()).isTrue();
    }

    @Test
    void noRoleAskedMeansAnyGrant() {
        UnitScope.Roots roots = UnitScope.Roots.of(grants);

        assertThat(roots.all()).isTrue();
        assertThat(roots.roots()).isEqualTo(Set.of(4L, 9L, 12L));
    }

    @Test
    void aRoleNotHeldGivesNoUnits() {
        UnitScope.Roots roots = UnitScope.Roots.of(grants, "SYSTEM_ADMIN");

        assertThat(roots.none()).isTrue();
        assertThat(roots.all()).isFalse();
    }
}
