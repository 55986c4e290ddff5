package id.peduli.access;

import id.peduli.organization.Organizations;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.platform.PeduliPrincipal.RoleGrant;
import id.peduli.shared.BusinessException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may act for which organisation unit. A grant covers its unit and everything below it; a grant without a unit
 * covers every unit. Used from Java and from security expressions: {@code @PreAuthorize("@access.covers(#unitId,
 * 'SYSTEM_ADMIN')")}.
 */
@Component("access")
public class Access {

    private final Organizations organizations;

    Access(Organizations organizations) {
        this.organizations = organizations;
    }

    public Optional<PeduliPrincipal> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PeduliPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    public boolean hasAnyRole(String... roles) {
        return currentUser().map(p -> Arrays.stream(roles).anyMatch(p::hasRole)).orElse(false);
    }

    /** True when the current user holds one of {@code roles} for {@code unitId} (or a unit above it). */
    public boolean covers(Long unitId, String... roles) {
        Optional<PeduliPrincipal> user = currentUser();
        if (user.isEmpty()) {
            return false;
        }
        Set<String> wanted = Set.of(roles);
        for (RoleGrant grant : user.get().grants()) {
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

    /**
     * The roots of the units the current user may act for with one of {@code roles}; empty when none. {@link
     * Scope#all()} is true when one grant covers every unit.
     */
    public Scope scope(String... roles) {
        Set<String> wanted = Set.of(roles);
        Set<Long> roots = new LinkedHashSet<>();
        boolean all = false;
        for (RoleGrant grant : currentUser().map(PeduliPrincipal::grants).orElse(java.util.List.of())) {
            if (wanted.contains(grant.role())) {
                if (grant.unitId() == null) {
                    all = true;
                } else {
                    roots.add(grant.unitId());
                }
            }
        }
        return new Scope(all, Set.copyOf(roots));
    }

    /** A set of subtrees: every unit, or the units below the given roots. */
    public record Scope(boolean all, Set<Long> roots) {

        public boolean none() {
            return !all && roots.isEmpty();
        }
    }
}
