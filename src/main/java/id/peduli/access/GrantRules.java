package id.peduli.access;

import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.shared.BusinessException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the current administrator may do to which users and grants.
 *
 * <ul>
 *   <li>A national administrator (SYSTEM_ADMIN without a unit) sees and manages every user.
 *   <li>A unit administrator (SYSTEM_ADMIN for a unit) sees and manages only users whose every grant lies in the
 *       subtrees of their SYSTEM_ADMIN grants; everyone else, including users without any grant, answers like a
 *       missing user. When they create a user they must give a first grant in their scope.
 *   <li>Grants are given or taken away only for units the administrator's SYSTEM_ADMIN grant covers; grants for every
 *       unit and the roles SYSTEM_ADMIN, DPO and AUDITOR only by a national administrator; nobody changes their own
 *       grants.
 * </ul>
 */
@Component
class GrantRules {

    /** Roles that open the whole administration, the processing log or data protection: national grants only. */
    static final Set<Role> NATIONAL_ONLY = Set.of(Role.SYSTEM_ADMIN, Role.DPO, Role.AUDITOR);

    private final Access access;
    private final Organizations organizations;
    private final Users users;

    GrantRules(Access access, Organizations organizations, Users users) {
        this.access = access;
        this.organizations = organizations;
        this.users = users;
    }

    /** True when the current user holds SYSTEM_ADMIN for every unit. */
    boolean national() {
        return access.global(Role.SYSTEM_ADMIN.name());
    }

    /** The units whose users the current administrator manages; null when they manage every user. */
    Collection<Long> managedUnits() {
        Access.Scope scope = access.scope(Role.SYSTEM_ADMIN.name());
        if (scope.all()) {
            return null;
        }
        return organizations.subtrees(scope.roots()).stream().map(OrgUnit::id).toList();
    }

    /**
     * Refuses a user outside the current administrator's scope exactly like a missing one. Call it before anything
     * of the user is loaded or any input is validated.
     */
    void requireManaged(long userId) {
        Collection<Long> units = managedUnits();
        if (units != null && !users.isWithin(userId, units)) {
            throw BusinessException.notFound("user.notFound", userId);
        }
    }

    /** Checks a grant for user {@code userId}: never one's own, and only what {@link #requireGrantable} allows. */
    void requireGrantable(long userId, Role role, Long unitId) {
        if (access.currentUser().map(p -> p.userId() == userId).orElse(false)) {
            throw new BusinessException(403, "role", "grant.ownGrants");
        }
        requireGrantable(role, unitId);
    }

    /** A unit administrator creating a user must give the first grant, or the user would be outside their scope. */
    void requireFirstGrant(Role role, Long unitId) {
        if (role == null) {
            if (!national()) {
                throw BusinessException.invalid("role", "grant.firstRequired");
            }
            return;
        }
        requireGrantable(role, unitId);
    }

    void requireGrantable(Role role, Long unitId) {
        if (role == null) {
            throw BusinessException.invalid("role", "grant.roleRequired");
        }
        if (unitId == null) {
            if (!national()) {
                throw new BusinessException(403, "unitId", "grant.globalNotAllowed");
            }
            return;
        }
        if (NATIONAL_ONLY.contains(role) && !national()) {
            throw new BusinessException(403, "role", "grant.nationalRoleOnly");
        }
        if (!organizations.exists(unitId)) {
            throw BusinessException.invalid("unitId", "grant.unitNotFound", unitId);
        }
        if (!access.covers(unitId, Role.SYSTEM_ADMIN.name())) {
            throw new BusinessException(403, "unitId", "grant.unitOutOfScope");
        }
    }

    /**
     * A grant made on a page names its unit: there is no default. A grant for every unit (no unit) is given only when
     * the administrator also confirmed the whole country, so that it is never given by leaving the unit empty; a unit
     * together with that confirmation is contradictory and refused as well.
     */
    void requireUnitChosen(Long unitId, Boolean wholeCountry) {
        boolean confirmed = Boolean.TRUE.equals(wholeCountry);
        if (unitId == null && !confirmed) {
            throw BusinessException.invalid("unitId", national() ? "grant.unitOrWholeCountry" : "grant.unitRequired");
        }
        if (unitId != null && confirmed) {
            throw BusinessException.invalid("unitId", "grant.unitAndWholeCountry");
        }
    }

    /**
     * The API's form of {@link #requireUnitChosen}: a request without {@code unitId} gives a grant for every unit only
     * when it also says {@code "wholeCountry": true}; a unit together with that confirmation is refused. Called after
     * {@link #requireGrantable}, so that an administrator who may not give such a grant at all is told so first.
     */
    void requireWholeCountryConfirmed(Long unitId, Boolean wholeCountry) {
        boolean confirmed = Boolean.TRUE.equals(wholeCountry);
        if (unitId == null && !confirmed) {
            throw BusinessException.invalid("wholeCountry", "grant.api.wholeCountryRequired");
        }
        if (unitId != null && confirmed) {
            throw BusinessException.invalid("wholeCountry", "grant.api.unitAndWholeCountry");
        }
    }

    /** The units the current administrator may give grants for, in tree order. */
    List<OrgUnit> grantableUnits() {
        Access.Scope scope = access.scope(Role.SYSTEM_ADMIN.name());
        return scope.all() ? organizations.tree() : organizations.subtrees(scope.roots());
    }
}
