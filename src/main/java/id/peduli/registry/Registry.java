package id.peduli.registry;

import id.peduli.registry.person.Consents;
import id.peduli.registry.person.People;
import id.peduli.shared.BusinessException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of the registry: a person (within the caller's scope), and whether a purpose is covered
 * by consent or another lawful basis. Programmes call {@link #requireCovered} before enrolling someone.
 */
@Service
public class Registry {

    private final People people;
    private final Consents consents;

    Registry(People people, Consents consents) {
        this.people = people;
        this.consents = consents;
    }

    /** The person if they exist and the current user's grants cover their unit (checked before the record is read). */
    public Optional<PersonView> person(long personId) {
        try {
            people.requireScope(personId, RegistryRoles.READ);
        } catch (BusinessException e) {
            return Optional.empty();
        }
        return people.find(personId).filter(p -> p.mergedInto() == null);
    }

    public boolean isCovered(long personId, String purpose) {
        return consents.covered(personId, purpose);
    }

    /** Refuses with a clear message when no active consent or lawful basis covers {@code purpose}. */
    public void requireCovered(long personId, String purpose) {
        if (!isCovered(personId, purpose)) {
            throw BusinessException.invalid("consent", "consent.missing", purpose);
        }
    }
}
