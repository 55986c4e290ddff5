package id.peduli.access;

import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.HomeTask;
import id.peduli.platform.HomeTaskSource;
import id.peduli.platform.PeduliPrincipal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * User administration on the home page of a system administrator: accounts locked after failed sign-ins and accounts
 * without any role (national administrators only: an account without a role lies in no unit), within the units the
 * administrator's grants cover.
 */
@Component
class AccessHomeTasks implements HomeTaskSource {

    private static final String ADMIN = Role.SYSTEM_ADMIN.name();

    private final JdbcClient jdbc;
    private final Access access;
    private final Organizations organizations;
    private final Clock clock;

    AccessHomeTasks(JdbcClient jdbc, Access access, Organizations organizations, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Override
    public List<HomeTask> tasks(PeduliPrincipal user) {
        if (!user.hasRole(ADMIN)) {
            return List.of();
        }
        Access.Scope scope = access.scope(ADMIN);
        List<HomeTask> tasks = new ArrayList<>();
        tasks.add(HomeTask.task("home.access.locked", locked(scope), "/admin/users", 100, ADMIN));
        if (scope.all()) {
            tasks.add(HomeTask.task("home.access.withoutRole", withoutRole(), "/admin/users", 110, ADMIN));
        }
        tasks.add(HomeTask.action("home.access.newUser", "/admin/users/new", 150, ADMIN));
        return tasks;
    }

    /** Accounts locked right now, whose every grant lies within the administrator's units (all for a national one). */
    long locked(Access.Scope scope) {
        if (scope.none()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (scope.all()) {
            return jdbc.sql("select count(*) from access.user_account where locked_until > ?")
                    .param(now)
                    .query(Long.class)
                    .single();
        }
        List<Long> units =
                organizations.subtrees(scope.roots()).stream().map(OrgUnit::id).toList();
        if (units.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from access.user_account u where u.locked_until > :now
                          and exists (select 1 from access.role_grant g where g.user_id = u.id)
                          and not exists (select 1 from access.role_grant g where g.user_id = u.id
                              and (g.org_unit_id is null or g.org_unit_id not in (:units)))
                        """)
                .param("now", now)
                .param("units", units)
                .query(Long.class)
                .single();
    }

    long withoutRole() {
        return jdbc.sql("""
                        select count(*) from access.user_account u where u.enabled
                          and not exists (select 1 from access.role_grant g where g.user_id = u.id)
                        """).query(Long.class).single();
    }
}
