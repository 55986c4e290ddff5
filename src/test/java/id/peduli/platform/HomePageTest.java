package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which roles the home page calls "not in this build yet": those no module serves, whatever their name. */
class HomePageTest {

    private static PeduliPrincipal user(String... roles) {
        List<PeduliPrincipal.RoleGrant> grants = java.util.Arrays.stream(roles)
                .map(r -> new PeduliPrincipal.RoleGrant(r, 7L, "Unit"))
                .toList();
        return new PeduliPrincipal() {
            @Override
            public long userId() {
                return 1;
            }

            @Override
            public String username() {
                return "u";
            }

            @Override
            public String fullName() {
                return "U";
            }

            @Override
            public List<RoleGrant> grants() {
                return grants;
            }
        };
    }

    @Test
    void aRoleIsAvailableAsSoonAsAModuleGivesItATaskOrAMenuEntry() {
        HomeTaskSource evaluation = user -> user.hasRole("EVALUATOR")
                ? List.of(HomeTask.task("eval.toScore", 3, "/evaluation", 10, "EVALUATOR"))
                : List.of();
        NavContributor secretariat =
                () -> List.of(new NavItem("main", "nav.competition", "/competition", 10, Set.of("SECRETARIAT")));
        NavContributor everyone = () -> List.of(new NavItem("main", "nav.home", "/", 0, Set.of()));

        List<HomeSection> parts = new HomePage(List.of(evaluation), List.of(secretariat, everyone))
                .parts(user("EVALUATOR", "SECRETARIAT", "PANELIST"));

        assertThat(parts).extracting(HomeSection::role).containsExactly("EVALUATOR", "SECRETARIAT", "PANELIST");
        assertThat(parts).extracting(HomeSection::available).containsExactly(true, true, false);
        assertThat(parts.get(0).todo()).extracting(HomeTask::count).containsExactly(3L);
    }

    @Test
    void aTaskWithNothingWaitingIsNotListedAndTheRoleIsToldNothingWaits() {
        HomeTaskSource source = user -> List.of(
                HomeTask.task("a.none", 0, "/a", 1, "SOCIAL_WORKER"),
                HomeTask.action("a.start", "/a/new", 2, "SOCIAL_WORKER"));

        HomeSection part = new HomePage(List.of(source), List.of())
                .parts(user("SOCIAL_WORKER"))
                .get(0);

        assertThat(part.todo()).isEmpty();
        assertThat(part.nothingWaiting()).isTrue();
        assertThat(part.actions()).extracting(HomeTask::href).containsExactly("/a/new");
    }

    @Test
    void aTaskOfTwoRolesIsShownOnceUnderTheFirstAndAFailingSourceIsLeftOut() {
        HomeTaskSource shared = user -> List.of(HomeTask.task("b.waiting", 2, "/b", 1, "DPO", "AUDITOR"));
        HomeTaskSource broken = user -> {
            throw new IllegalStateException("down");
        };

        List<HomeSection> parts = new HomePage(List.of(broken, shared), List.of()).parts(user("AUDITOR", "DPO"));

        assertThat(parts.get(0).todo()).hasSize(1);
        assertThat(parts.get(1).todo()).isEmpty();
        assertThat(parts.get(1).available()).isTrue();
    }
}
