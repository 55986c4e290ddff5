package id.peduli.registry;

import id.peduli.organization.UnitScope;
import id.peduli.registry.person.Consents;
import id.peduli.registry.person.People;
import id.peduli.shared.BusinessException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of the registry: a person (within the caller's scope), and whether a purpose is covered
 * by consent or another lawful basis. Programmes call {@link #requireCovered} before enrolling someone.
 */
@Service
public class Registry {

    private final People people;
    private final Consents consents;
    private final UnitScope scope;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    Registry(
            People people,
            Consents consents,
            UnitScope scope,
            JdbcClient jdbc,
            Clock clock,
            @Value("${peduli.time-zone}") String zone) {
        this.people = people;
        this.consents = consents;
        this.scope = scope;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
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

    /**
     * Ids of the people registered in {@code unitId} (not merged away) whose {@code purpose} is covered today, oldest
     * registration first. Empty when the caller's grants do not cover the unit: a programme uses this to offer or
     * seed its participants without reading the registry's tables.
     */
    public List<Long> coveredIn(long unitId, String purpose) {
        if (!scope.covers(unitId, RegistryRoles.READ)) {
            return List.of();
        }
        consents.covered(-1, purpose); // refuses an undeclared purpose before anything is read
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return jdbc.sql("""
                        select p.id from registry.person p
                        where p.org_unit_id = ? and p.merged_into is null
                          and exists (select 1 from registry.consent c
                                      where c.person_id = p.id and c.purpose = ? and c.given_on <= ?
                                        and (c.withdrawn_on is null or c.withdrawn_on > ?))
                        order by p.id
                        """)
                .params(unitId, purpose, today, today)
                .query(Long.class)
                .list();
    }
}
