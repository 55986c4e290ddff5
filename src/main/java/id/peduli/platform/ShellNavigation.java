package id.peduli.platform;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class ShellNavigation implements NavContributor {

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem("main", "nav.home", "/", 0, Set.of()),
                new NavItem("help", "nav.apiDocs", "/api/docs/ui", 900, Set.of()),
                new NavItem("help", "nav.about", "/about", 910, Set.of()));
    }
}
