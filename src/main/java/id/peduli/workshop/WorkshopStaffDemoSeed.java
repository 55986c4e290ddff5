package id.peduli.workshop;

import id.peduli.access.NewUserCommand;
import id.peduli.access.Role;
import id.peduli.access.UserCommand;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.DemoSeed;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The social worker of BBRSBG Kartini, the centre that runs the SW Peduli sites: the demo account {@code
 * pekerja.kartini}, who records placements in work and their follow-ups at the centre's sites (the story's social
 * worker, {@code pekerja.alyatama}, works for PSAA Alyatama in Jambi). Looks for the account and its grant first, so it
 * also completes a database loaded by an earlier version.
 */
@Component
class WorkshopStaffDemoSeed implements DemoSeed {

    static final String NAME = "workshop-staff-v1";
    static final String SOCIAL_WORKER = "pekerja.kartini";
    static final String CENTRE = "BBRSBG Kartini Temanggung";

    private final Organizations organizations;
    private final Users users;
    private final String password;

    WorkshopStaffDemoSeed(Organizations organizations, Users users, @Value("${peduli.demo.password}") String password) {
        this.organizations = organizations;
        this.users = users;
        this.password = password;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("demo-v1");
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public List<Account> accounts() {
        return List.of(new Account(SOCIAL_WORKER, Role.SOCIAL_WORKER.name()));
    }

    @Override
    public void load() {
        Long centre = organizations.tree().stream()
                .filter(u -> u.name().equals(CENTRE))
                .map(OrgUnit::id)
                .findFirst()
                .orElse(null);
        if (centre == null) {
            return;
        }
        UserView user = users.findByUsername(SOCIAL_WORKER)
                .orElseGet(() -> users.createDemo(new NewUserCommand(
                        SOCIAL_WORKER,
                        password,
                        new UserCommand("Ratna Kusumawati", SOCIAL_WORKER + "@demo.peduli.id", null, "id", true),
                        false)));
        boolean granted = user.grants().stream()
                .anyMatch(g -> g.role() == Role.SOCIAL_WORKER && Objects.equals(g.unitId(), centre));
        if (!granted) {
            users.addGrant(user.id(), Role.SOCIAL_WORKER, centre);
        }
    }
}
