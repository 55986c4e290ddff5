package id.peduli.innovation;

import id.peduli.innovation.notification.Notifications;
import id.peduli.platform.NavBadgeSource;
import id.peduli.platform.PeduliPrincipal;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** The number of unread competition messages beside the inbox in the main menu, on every page. */
@Component
class InnovationNavBadges implements NavBadgeSource {

    private final Notifications notifications;

    InnovationNavBadges(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public List<NavBadge> badges(PeduliPrincipal user) {
        if (Arrays.stream(InnovationRoles.ANY).noneMatch(user::hasRole)) {
            return List.of();
        }
        return List.of(new NavBadge("/innovation/inbox", notifications.unread(user.userId()), "nav.badge.unread"));
    }
}
