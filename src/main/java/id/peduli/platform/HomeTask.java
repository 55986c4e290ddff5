package id.peduli.platform;

import java.util.Objects;
import java.util.Set;

/**
 * One line of a role's part of the home page. A <em>task</em> has a count of things waiting ("3 consent forms to
 * renew"): its message {@code labelKey} receives the count as {@code {0}}, and it is shown only when the count is
 * above zero. An <em>action</em> ({@code count == null}) is a first step the role can always take ("Register a
 * person"). An <em>alert</em> is a task without a number ("No backup yet"). {@code roles} names the roles the line belongs to: the home page shows it under the first of the user's
 * roles it lists, and a role that no module gives a line or a menu entry is told that its part of Peduli is not in
 * this build yet.
 */
public record HomeTask(String labelKey, Long count, String href, int order, Set<String> roles, boolean shownCount) {

    public HomeTask {
        Objects.requireNonNull(labelKey);
        Objects.requireNonNull(href);
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A home task belongs to at least one role: " + labelKey);
        }
    }

    /** Something waiting for the user, counted. */
    public static HomeTask task(String labelKey, long count, String href, int order, String... roles) {
        return new HomeTask(labelKey, count, href, order, Set.of(roles), true);
    }

    /** Something waiting for the user that is not counted ("No backup yet"): shown as a task, without a number. */
    public static HomeTask alert(String labelKey, String href, int order, String... roles) {
        return new HomeTask(labelKey, 1L, href, order, Set.of(roles), false);
    }

    /** A first step the role can always take. */
    public static HomeTask action(String labelKey, String href, int order, String... roles) {
        return new HomeTask(labelKey, null, href, order, Set.of(roles), false);
    }

    public boolean isAction() {
        return count == null;
    }

    /** Whether the home page shows it: every action, and a task with something waiting. */
    public boolean worthShowing() {
        return count == null || count > 0;
    }
}
