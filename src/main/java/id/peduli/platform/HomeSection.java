package id.peduli.platform;

import java.util.List;

/**
 * One role's part of the home page: the role, its grants (units), whether any module serves the role in this build,
 * whether the role counts tasks at all, the tasks waiting and the first steps.
 */
public record HomeSection(
        String role,
        List<PeduliPrincipal.RoleGrant> grants,
        boolean available,
        boolean countsTasks,
        List<HomeTask> todo,
        List<HomeTask> actions) {

    public HomeSection {
        grants = List.copyOf(grants);
        todo = List.copyOf(todo);
        actions = List.copyOf(actions);
    }

    /** The role counts tasks, and none is waiting. */
    public boolean nothingWaiting() {
        return countsTasks && todo.isEmpty();
    }
}
