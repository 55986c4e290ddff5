package id.peduli.access;

import id.peduli.platform.NavContributor;
import id.peduli.platform.NavItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class AccessNavigation implements NavContributor {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("admin", "nav.users", "/admin/users", 610, Set.of(Role.SYSTEM_ADMIN.name())));
    }
}
