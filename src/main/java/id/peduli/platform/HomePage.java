package id.peduli.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the home page of the signed-in user: one part per role held, with the tasks waiting and the first steps the
 * modules contribute for that role ({@link HomeTaskSource}). A role that no module serves in this build (no line and
 * no menu entry of its own) is said to be not available yet, rather than shown an empty page.
 */
@Component
class HomePage {

    private static final Logger log = LoggerFactory.getLogger(HomePage.class);

    private final List<HomeTaskSource> sources;
    private final List<NavContributor> navigation;

    HomePage(List<HomeTaskSource> sources, List<NavContributor> navigation) {
        this.sources = sources;
        this.navigation = navigation;
    }

    /** The parts of the home page, in the order of the user's grants. */
    List<HomeSection> parts(PeduliPrincipal user) {
        List<HomeTask> all = new ArrayList<>();
        for (HomeTaskSource source : sources) {
            try {
                all.addAll(source.tasks(user));
            } catch (RuntimeException e) {
                // One module that cannot answer does not take the whole home page down with it.
                log.warn("A home task source failed: {}", source.getClass().getName(), e);
            }
        }
        Set<String> navRoles = new java.util.HashSet<>();
        navigation.stream().flatMap(c -> c.navItems().stream()).forEach(item -> navRoles.addAll(item.roles()));

        Map<String, List<PeduliPrincipal.RoleGrant>> grantsByRole = new LinkedHashMap<>();
        for (PeduliPrincipal.RoleGrant grant : user.grants()) {
            grantsByRole.computeIfAbsent(grant.role(), r -> new ArrayList<>()).add(grant);
        }
        Set<HomeTask> placed = new java.util.HashSet<>();
        List<HomeSection> parts = new ArrayList<>();
        for (Map.Entry<String, List<PeduliPrincipal.RoleGrant>> entry : grantsByRole.entrySet()) {
            String role = entry.getKey();
            boolean served = navRoles.contains(role)
                    || all.stream().anyMatch(t -> t.roles().contains(role));
            List<HomeTask> mine = all.stream()
                    .filter(t -> t.roles().contains(role) && !placed.contains(t))
                    .sorted(Comparator.comparingInt(HomeTask::order))
                    .toList();
            placed.addAll(mine);
            List<HomeTask> todo =
                    mine.stream().filter(t -> !t.isAction() && t.worthShowing()).toList();
            boolean anyTask = mine.stream().anyMatch(t -> !t.isAction());
            List<HomeTask> actions = mine.stream().filter(HomeTask::isAction).toList();
            parts.add(new HomeSection(role, entry.getValue(), served, anyTask, todo, actions));
        }
        return parts;
    }
}
