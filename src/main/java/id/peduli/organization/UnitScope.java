package id.peduli.organization;

import id.peduli.platform.PeduliPrincipal;
import id.peduli.platform.PeduliPrincipal.RoleGrant;
import id.peduli.shared.BusinessException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that answers which units the signed-in user may act for, and in which role. The grants come from
 * {@link PeduliPrincipal} (the access module signs users in and puts them there); the tree comes from {@link
 * Organizations}. A grant covers its unit and everything below it; a grant without a unit covers every unit. A grant
 * on a top-level unit is not national: the tree has many top-level units.
 *
 * <p>{@code access.Access} answers with this class for every other module; the organisation module's own controllers
 * use it as the bean {@code unitScope} in security expressions, so that the module does not call back into access:
 * {@code @PreAuthorize("@unitScope.unit(#id, 'SYSTEM_ADMIN')")}.
 */
@Component("unitScope")
public class UnitScope {

    private final Organizations organizations;

    UnitScope(Organizations organizations) {
        this.organizations = organizations;
    }

    /** The signed-in user, if any. */
    public static Optional<PeduliPrincipal> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PeduliPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /**
     * The roots of the units the signed-in user may act for with one of {@code roles} (no roles: any grant); empty
     * when none. {@link Roots#all()} is true when one of those grants covers every unit.
     */
    public static Roots roots(String... roles) {
        return Roots.of(currentUser().map(PeduliPrincipal::grants).orElse(List.of()), roles);
    }

    public boolean hasAnyRole(String... roles) {
        return currentUser().map(p -> Arrays.stream(roles).anyMatch(p::hasRole)).orElse(false);
    }

    /**
     * Of {@code unitIds}, those the signed-in user holds one of {@code roles} for (on the unit or above it), in one
     * query: for checks over many units, where {@link #covers} asks once per unit. Units that do not exist are not
     * covered.
     */
    public Set<Long> covered(java.util.Collection<Long> unitIds, String... roles) {
        if (roles.length == 0) {
            return Set.of();
        }
        Roots roots = roots(roles);
        if (roots.all()) {
            return organizations.existing(unitIds);
        }
        return organizations.within(unitIds, roots.roots());
    }

    /** True when the signed-in user holds one of {@code roles} for {@code unitId} (or a unit above it). */
    public boolean covers(Long unitId, String... roles) {
        Set<String> wanted = Set.of(roles);
        for (RoleGrant grant : currentUser().map(PeduliPrincipal::grants).orElse(List.of())) {
            if (!wanted.contains(grant.role())) {
                continue;
            }
            if (grant.unitId() == null) {
                return true;
            }
            if (unitId != null && organizations.isWithin(unitId, grant.unitId())) {
                return true;
            }
        }
        return false;
    }

    /**
     * For security expressions on an object of {@code unitId}: true when one of {@code roles} covers the unit. A user
     * who holds one of the roles only for other units is told the object does not exist (404 with {@code
     * notFoundKey} and the unit id, exactly as for a missing one); a user without any of the roles gets false (403).
     */
    public boolean coversOrNotFound(Long unitId, String notFoundKey, String... roles) {
        if (covers(unitId, roles)) {
            return true;
        }
        if (hasAnyRole(roles)) {
            throw BusinessException.notFound(notFoundKey, unitId);
        }
        return false;
    }

    /** True when one of {@code roles} is held for every unit (a grant without a unit). */
    public boolean global(String... roles) {
        Set<String> wanted = Set.of(roles);
        return currentUser()
                .map(p -> p.grants().stream().anyMatch(g -> g.unitId() == null && wanted.contains(g.role())))
                .orElse(false);
    }

    /** A unit the caller acts on with one of {@code roles}: 404 "unit not found" outside the caller's units. */
    public boolean unit(Long id, String... roles) {
        return coversOrNotFound(id, "org.notFound", roles);
    }

    /**
     * A new parent for a unit the caller administers: a unit under one of his SYSTEM_ADMIN grants, or no parent (a new
     * top-level unit) for a national administrator only. A unit outside his subtrees is "not found".
     */
    public boolean parent(Long parentId) {
        return parentId == null ? global("SYSTEM_ADMIN") : unit(parentId, "SYSTEM_ADMIN");
    }

    /** A set of subtrees: every unit, or the units at or below the given roots. */
    public record Roots(boolean all, Set<Long> roots) {

        /** The subtrees that {@code grants} give for one of {@code roles} (no roles: for any role). */
        public static Roots of(List<RoleGrant> grants, String... roles) {
            Set<String> wanted = Set.of(roles);
            Set<Long> roots = new LinkedHashSet<>();
            boolean all = false;
            for (RoleGrant grant : grants) {
                if (wanted.isEmpty() || wanted.contains(grant.role())) {
                    if (grant.unitId() == null) {
                        all = true;
                    } else {
                        roots.add(grant.unitId());
                    }
                }
            }
            return new Roots(all, Set.copyOf(roots));
        }

        public boolean none() {
            return !all && roots.isEmpty();
        }
    }
}
