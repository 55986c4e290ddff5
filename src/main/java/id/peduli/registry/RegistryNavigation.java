package id.peduli.registry;

import id.peduli.platform.NavContributor;
import id.peduli.platform.NavItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class RegistryNavigation implements NavContributor {

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem("main", "nav.people", "/people", 200, Set.of(RegistryRoles.READ)),
                new NavItem("main", "nav.peopleImport", "/people/import", 210, Set.of(RegistryRoles.IMPORT)));
    }
}
