package id.peduli.registry;

import id.peduli.access.Access;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.HomeTask;
import id.peduli.platform.HomeTaskSource;
import id.peduli.platform.PeduliPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's part of the home page: the consents to renew (given by a parent or guardian for someone who has
 * since come of age, within the user's units), the user's own import jobs waiting for the next step, and the first
 * steps each role may take (only registering for the roles that may register).
 */
@Component
class RegistryHomeTasks implements HomeTaskSource {

    /** The roles of {@code RegistryRoles}, repeated here so that this contribution stands on its own. */
    private static final String[] READ = {
        "SOCIAL_WORKER", "SITE_MENTOR", "PROGRAM_MANAGER", "UNIT_HEAD", "LOGISTICS_OFFICER", "DPO"
    };

    private static final String[] WRITE = {"SOCIAL_WORKER", "SITE_MENTOR", "PROGRAM_MANAGER"};
    private static final String[] IMPORT = {"SOCIAL_WORKER", "PROGRAM_MANAGER"};

    /** Age from which a person gives consent himself. */
    static final int AGE_OF_CONSENT = 18;

    private final JdbcClient jdbc;
    private final Access access;
    private final Organizations organizations;
    private final Clock clock;
    private final ZoneId zone;

    RegistryHomeTasks(
            JdbcClient jdbc,
            Access access,
            Organizations organizations,
            Clock clock,
            @Value("${peduli.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.access = access;
        this.organizations = organizations;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public List<HomeTask> tasks(PeduliPrincipal user) {
        List<HomeTask> tasks = new ArrayList<>();
        String[] writes = held(user, WRITE);
        if (writes.length > 0) {
            tasks.add(HomeTask.task("home.registry.consentsToRenew", consentsToRenew(writes), "/people", 200, writes));
        }
        String[] imports = held(user, IMPORT);
        if (imports.length > 0) {
            tasks.add(HomeTask.task(
                    "home.registry.importsWaiting", importsWaiting(user.userId()), "/people/import", 210, imports));
        }
        String[] reads = held(user, READ);
        if (reads.length > 0) {
            tasks.add(HomeTask.action("home.registry.search", "/people", 250, reads));
        }
        if (writes.length > 0) {
            tasks.add(HomeTask.action("home.registry.register", "/people/new", 260, writes));
        }
        if (imports.length > 0) {
            tasks.add(HomeTask.action("home.registry.import", "/people/import", 270, imports));
        }
        return tasks;
    }

    /**
     * Consents given by a parent or guardian, still in force, for a person who has come of age since: the person
     * now gives consent himself.
     */
    long consentsToRenew(String... roles) {
        Access.Scope scope = access.scope(roles);
        if (scope.none()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String unitFilter = "";
        List<Long> units = List.of();
        if (!scope.all()) {
            units = organizations.subtrees(scope.roots()).stream()
                    .map(OrgUnit::id)
                    .toList();
            if (units.isEmpty()) {
                return 0;
            }
            unitFilter = " and p.org_unit_id in (:units)";
        }
        var spec = jdbc.sql("""
                        select count(*) from registry.consent c join registry.person p on p.id = c.person_id
                        where c.withdrawn_on is null and c.basis = 'CONSENT' and c.given_by in ('PARENT', 'GUARDIAN')
                          and p.merged_into is null and p.birth_date is not null
                          and p.birth_date <= :adultBornBy and c.given_on < p.birth_date + make_interval(years => :age)
                        """ + unitFilter)
                .param("adultBornBy", today.minusYears(AGE_OF_CONSENT))
                .param("age", AGE_OF_CONSENT);
        if (!units.isEmpty()) {
            spec = spec.param("units", units);
        }
        return spec.query(Long.class).single();
    }

    /** The user's own imports that wait for him: uploaded but not checked, or checked but not yet imported. */
    long importsWaiting(long userId) {
        return jdbc.sql("""
                        select count(*) from registry.import_job
                        where owner_id = ? and status in ('UPLOADED', 'VALIDATED') and file_deleted_at is null
                        """).param(userId).query(Long.class).single();
    }

    private static String[] held(PeduliPrincipal user, String[] roles) {
        return Arrays.stream(roles).filter(user::hasRole).toArray(String[]::new);
    }
}
