package id.peduli.platform;

import java.util.List;

/**
 * Contribution: what a module asks of the signed-in user on the home page. Each module publishes one bean that
 * answers, for the user's roles and units, the tasks waiting (with counts, already limited to the units the user may
 * see) and the first steps the user's roles can take there. Return nothing for a role the module does not serve; the
 * platform never names a module.
 */
@FunctionalInterface
public interface HomeTaskSource {

    List<HomeTask> tasks(PeduliPrincipal user);
}
