package id.peduli.innovation;

import id.peduli.platform.NavContributor;
import id.peduli.platform.NavItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Menu entries of the units' side of S9: their innovations across the years and their replications. */
@Component
class InnovationRegisterNavigation implements NavContributor {

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem(
                        "main", "innovation.innovations", "/innovation/innovations", 412, Set.of(InnovationRoles.UNIT)),
                new NavItem(
                        "main",
                        "innovation.replications",
                        "/innovation/replications",
                        414,
                        Set.of(InnovationRoles.UNIT)));
    }
}
