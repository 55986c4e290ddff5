package id.peduli.registry.person;

import id.peduli.access.Access;
import id.peduli.registry.ProfileTab;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every module's profile tabs, in order; a key used twice or written wrongly stops the start. */
@Component
class ProfileTabs {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final List<ProfileTab> tabs;
    private final Access access;

    ProfileTabs(ObjectProvider<ProfileTab> contributions, Access access) {
        this.tabs = contributions
                .orderedStream()
                .sorted(Comparator.comparingInt(ProfileTab::order).thenComparing(ProfileTab::key))
                .toList();
        this.access = access;
        Set<String> keys = new HashSet<>();
        for (ProfileTab tab : tabs) {
            if (!KEY.matcher(tab.key()).matches() || !keys.add(tab.key())) {
                throw new IllegalStateException("Profile tab key invalid or used twice: " + tab.key());
            }
        }
    }

    /** The tabs the current user sees for a person of this unit. */
    List<ProfileTab.Shown> visible(long personId, Long unitId) {
        return tabs.stream()
                .filter(t -> access.covers(unitId, t.roles()))
                .map(t -> new ProfileTab.Shown(t.key(), t.labelKey(), t.fragmentUrl(personId)))
                .toList();
    }
}
