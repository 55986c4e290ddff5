package id.peduli.platform;

import java.util.Set;

/**
 * One entry of the main menu. {@code roles} lists who sees it; an empty set means every signed-in user. Items with
 * the same {@code group} are shown together under that group's label.
 */
public record NavItem(String group, String labelKey, String href, int order, Set<String> roles) {

    public NavItem {
        roles = Set.copyOf(roles);
    }

    public boolean visibleTo(PeduliPrincipal principal) {
        return principal != null && (roles.isEmpty() || roles.stream().anyMatch(principal::hasRole));
    }
}
