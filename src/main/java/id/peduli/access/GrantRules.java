package id.peduli.access;

import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.shared.BusinessException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which grants the current administrator may give or take away: only for units their own SYSTEM_ADMIN grant
 * covers, and grants for every unit only when they are a national administrator themselves.
 */
@Component
class GrantRules {

    private final Access access;
    private final Organizations organizations;

    GrantRules(Access access, Organizations organizations) {
        this.access = access;
        this.organizations = organizations;
    }

    void requireGrantable(Role role, Long unitId) {
        if (role == null) {
            throw BusinessException.invalid("role", "grant.roleRequired");
        }
        if (unitId == null) {
            if (!access.global(Role.SYSTEM_ADMIN.name())) {
                throw new BusinessException(403, "unitId", "grant.globalNotAllowed");
            }
            return;
        }
        if (!organizations.exists(unitId)) {
            throw BusinessException.invalid("unitId", "grant.unitNotFound", unitId);
        }
        if (!access.covers(unitId, Role.SYSTEM_ADMIN.name())) {
            throw new BusinessException(403, "unitId", "grant.unitOutOfScope");
        }
    }

    /** The units the current administrator may give grants for, in tree order. */
    List<OrgUnit> grantableUnits() {
        Access.Scope scope = access.scope(Role.SYSTEM_ADMIN.name());
        return scope.all() ? organizations.tree() : organizations.subtrees(scope.roots());
    }
}
