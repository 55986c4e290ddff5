package id.peduli.backup;

import id.peduli.platform.NavContributor;
import id.peduli.platform.NavItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class BackupNavigation implements NavContributor {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("admin", "nav.backups", "/admin/backups", 900, Set.of("SYSTEM_ADMIN")));
    }
}
