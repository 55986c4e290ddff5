package id.peduli.casework;

import id.peduli.platform.NavContributor;
import id.peduli.platform.NavItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class CaseworkNavigation implements NavContributor {

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem("main", "casework.caseload.title", "/casework/caseload", 300, Set.of(CaseworkRoles.READ)),
                new NavItem("main", "casework.referrals", "/casework/referrals", 310, Set.of(CaseworkRoles.READ)),
                new NavItem("main", "casework.templates", "/casework/templates", 320, Set.of(CaseworkRoles.MANAGE)));
    }
}
