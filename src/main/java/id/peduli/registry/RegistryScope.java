package id.peduli.registry;

import id.peduli.registry.person.Households;
import id.peduli.registry.person.People;
import org.springframework.stereotype.Component;

/**
 * The registry's scope checks for security expressions, so that an endpoint with a request body checks the person or
 * household of its path before the body is read: {@code @PreAuthorize("… and @registryScope.person(#id)")}. Each
 * answers true, or "not found" (404, as for a missing id) when the record lies outside the caller's units.
 */
@Component("registryScope")
class RegistryScope {

    private final People people;
    private final Households households;

    RegistryScope(People people, Households households) {
        this.people = people;
        this.households = households;
    }

    public boolean person(long id) {
        people.requireScope(id, RegistryRoles.READ);
        return true;
    }

    public boolean household(long householdId) {
        households.requireScope(householdId);
        return true;
    }
}
