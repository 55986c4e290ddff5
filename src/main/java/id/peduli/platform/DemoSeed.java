package id.peduli.platform;

import java.util.List;
import java.util.Set;

/**
 * One module's part of the demonstration data, loaded on the first start in demo mode only. The demo module runs every
 * seed once, in the order of {@link #dependsOn()} and then {@link #order()}, each in one transaction together with the
 * record that it completed: a start that crashed mid-seed leaves nothing of that seed behind and runs it again.
 *
 * <p>The seed runs with a system authentication holding a national SYSTEM_ADMIN grant. A seed that needs another
 * role calls its module's package-private operations (which carry no method security) rather than signing in.
 */
public interface DemoSeed {

    /** Unique name recorded once completed, e.g. {@code "registry-people-v1"}; a new version loads again. */
    String name();

    /** Names of the seeds that must have completed before this one (for example the story's units and accounts). */
    default Set<String> dependsOn() {
        return Set.of();
    }

    /** Among seeds whose dependencies are met, lower runs first. */
    default int order() {
        return 500;
    }

    /** Demo accounts this seed creates, shown on the sign-in page in demo mode. */
    default List<Account> accounts() {
        return List.of();
    }

    /** Creates the data; runs inside the seed's transaction. */
    void load();

    /** A demo account: the username and the name of the role it demonstrates (an {@code access.Role} constant). */
    record Account(String username, String role) {}
}
