package id.peduli.access;

import id.peduli.organization.UnitScope;
import id.peduli.platform.PeduliPrincipal;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may act for which organisation unit, for every module that may depend on access. It answers with {@link
 * UnitScope}, the one place that turns the signed-in user's grants and the organisation tree into units: a grant
 * covers its unit and everything below it; a grant without a unit covers every unit. Used from Java and from security
 * expressions: {@code @PreAuthorize("@access.covers(#unitId, 'SYSTEM_ADMIN')")}.
 */
@Component("access")
public class Access {

    private final UnitScope units;

    Access(UnitScope units) {
        this.units = units;
    }

    public Optional<PeduliPrincipal> currentUser() {
        return UnitScope.currentUser();
    }

    public boolean hasAnyRole(String... roles) {
        return units.hasAnyRole(roles);
    }

    /** True when the current user holds one of {@code roles} for {@code unitId} (or a unit above it). */
    public boolean covers(Long unitId, String... roles) {
        return units.covers(unitId, roles);
    }

    /** Of {@code unitIds}, those one of {@code roles} covers, in one query (units that do not exist are not). */
    public java.util.Set<Long> covered(java.util.Collection<Long> unitIds, String... roles) {
        return units.covered(unitIds, roles);
    }

    /**
     * For security expressions on an object of {@code unitId}: true when one of {@code roles} covers the unit. A user
     * who holds one of the roles only for other units is told the object does not exist (404 with {@code
     * notFoundKey} and the unit id, exactly as for a missing one); a user without any of the roles gets false (403).
     */
    public boolean coversOrNotFound(Long unitId, String notFoundKey, String... roles) {
        return units.coversOrNotFound(unitId, notFoundKey, roles);
    }

    /** True when one of {@code roles} is held for every unit (a grant without a unit). */
    public boolean global(String... roles) {
        return units.global(roles);
    }

    /**
     * The roots of the units the current user may act for with one of {@code roles}; empty when none. {@link
     * Scope#all()} is true when one grant covers every unit.
     */
    public Scope scope(String... roles) {
        if (roles.length == 0) {
            return new Scope(false, Set.of());
        }
        UnitScope.Roots roots = UnitScope.roots(roles);
        return new Scope(roots.all(), roots.roots());
    }

    /** A set of subtrees: every unit, or the units below the given roots. */
    public record Scope(boolean all, Set<Long> roots) {

        public boolean none() {
            return !all && roots.isEmpty();
        }
    }
}
