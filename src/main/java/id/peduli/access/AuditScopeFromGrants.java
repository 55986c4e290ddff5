package id.peduli.access;

import id.peduli.audit.AuditScope;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Answers the audit module which log entries the current user may read: those of the subtrees of their AUDITOR and
 * DPO grants; everything only for a grant without a unit. A grant on a top-level unit (a ministry, a regency, a state
 * enterprise) is not national: the tree has many top-level units, as in the user administration (ADR 2).
 */
@Component
class AuditScopeFromGrants implements AuditScope {

    static final String[] AUDITING = {"AUDITOR", "DPO"};

    private final Access access;
    private final Organizations organizations;

    AuditScopeFromGrants(Access access, Organizations organizations) {
        this.access = access;
        this.organizations = organizations;
    }

    @Override
    public Visible visibleToCurrentUser() {
        Access.Scope scope = access.scope(AUDITING);
        if (scope.all()) {
            return new Visible(true, java.util.Set.of());
        }
        if (scope.none()) {
            return Visible.nothing();
        }
        return new Visible(
                false,
                organizations.subtrees(scope.roots()).stream().map(OrgUnit::id).collect(Collectors.toSet()));
    }
}
