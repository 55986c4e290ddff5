package id.peduli.region;

import id.peduli.platform.NavContributor;
import id.peduli.platform.NavItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class RegionNavigation implements NavContributor {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("main", "nav.regions", "/regions", 800, Set.of()));
    }
}
