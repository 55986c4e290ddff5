package id.peduli.organization;

import id.peduli.platform.NavContributor;
import id.peduli.platform.NavItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class OrganizationNavigation implements NavContributor {

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem("main", "nav.myUnits", "/units", 100, Set.of()),
                new NavItem("admin", "nav.units", "/admin/units", 600, Set.of("SYSTEM_ADMIN")));
    }
}
