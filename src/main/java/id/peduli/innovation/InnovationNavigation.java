package id.peduli.innovation;

import id.peduli.platform.NavContributor;
import id.peduli.platform.NavItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The competition's menu entries: proposals and inbox for everyone taking part, and one entry per role's desk. */
@Component
class InnovationNavigation implements NavContributor {

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem("main", "innovation.nav", "/innovation", 400, Set.of(InnovationRoles.ANY)),
                new NavItem("main", "innovation.inbox", "/innovation/inbox", 410, Set.of(InnovationRoles.ANY)),
                new NavItem("main", "innovation.evaluations", "/innovation/evaluations", 420, Set.of("EVALUATOR")),
                new NavItem("main", "innovation.periods", "/innovation/periods", 430, Set.of("SECRETARIAT")));
    }
}
