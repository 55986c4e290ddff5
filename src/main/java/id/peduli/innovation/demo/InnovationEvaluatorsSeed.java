package id.peduli.innovation.demo;

import id.peduli.access.NewUserCommand;
import id.peduli.access.Role;
import id.peduli.access.UserCommand;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.DemoSeed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Three more evaluators for the demo, so that a score of the current period within ±5 of the pass mark finds a second
 * evaluator: each of a different agency (a city, a province and a state enterprise, none of them the demo proposals'
 * agencies or above them), registered for the current period with a cap. The accounts are made through the access
 * module with the demo password; the story's thirteen accounts stay as they are.
 */
@Component
public class InnovationEvaluatorsSeed implements DemoSeed {

    static final int CAP = 60;

    /** A demo evaluator: username, full name and the agency of their evaluator grant (a top unit of the tree). */
    record DemoEvaluator(String username, String fullName, String agency) {}

    static final List<DemoEvaluator> EVALUATORS = List.of(
            new DemoEvaluator("evaluator.surabaya", "Dr. Rina Wulandari", "Pemerintah Kota Surabaya"),
            new DemoEvaluator("evaluator.jambi", "Ir. Bambang Sutrisno, M.Si.", "Pemerintah Provinsi Jambi"),
            new DemoEvaluator("evaluator.pos", "Dra. Fitri Handayani", "PT Pos Indonesia (Persero)"));

    private final Users users;
    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final String password;

    InnovationEvaluatorsSeed(
            Users users,
            Organizations organizations,
            JdbcClient jdbc,
            Clock clock,
            @Value("${peduli.time-zone:Asia/Jakarta}") String zone,
            @Value("${peduli.demo.password}") String password) {
        this.users = users;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.password = password;
    }

    @Override
    public String name() {
        return "innovation-evaluators-v1";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("demo-v1", "innovation-v1");
    }

    @Override
    public int order() {
        return 610;
    }

    @Override
    public void load() {
        int year = LocalDate.now(clock.withZone(zone)).getYear();
        Long period = jdbc.sql("select id from innovation.period where year = ?")
                .param(year)
                .query(Long.class)
                .optional()
                .orElse(null);
        for (DemoEvaluator e : EVALUATORS) {
            OrgUnit agency = organizations.tree().stream()
                    .filter(u -> u.parentId() == null && u.name().equals(e.agency()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("demo agency missing: " + e.agency()));
            UserView user = users.findByUsername(e.username())
                    .orElseGet(() -> users.createDemo(new NewUserCommand(
                            e.username(),
                            password,
                            new UserCommand(e.fullName(), e.username() + "@demo.peduli.id", null, "id", true),
                            false)));
            boolean granted = user.grants().stream()
                    .anyMatch(g -> g.role() == Role.EVALUATOR && agency.id() == (g.unitId() == null ? -1 : g.unitId()));
            if (!granted) {
                users.addGrant(user.id(), Role.EVALUATOR, agency.id());
            }
            if (period != null) {
                jdbc.sql("""
                                insert into innovation.period_evaluator (period_id, user_id, username, full_name,
                                    home_unit_id, cap)
                                values (?, ?, ?, ?, ?, ?) on conflict (period_id, user_id) do nothing
                                """)
                        .params(period, user.id(), e.username(), e.fullName(), agency.id(), CAP)
                        .update();
            }
        }
    }
}
