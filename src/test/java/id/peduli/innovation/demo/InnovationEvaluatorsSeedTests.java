package id.peduli.innovation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.PeduliTest;
import id.peduli.access.Role;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.innovation.CompetitionTestData;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.evaluation.AssignmentView;
import id.peduli.innovation.evaluation.Evaluations;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's extra evaluators: three accounts of three agencies, registered for the current period with a cap, loaded
 * twice without doubling anything; with them, the demo evaluator's score near the pass mark finds a second evaluator.
 */
@PeduliTest
class InnovationEvaluatorsSeedTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSeedAddsEvaluatorsOfThreeAgenciesForTheCurrentPeriod() {
        InnovationTestSupport.ensureSeed(context);
        InnovationEvaluatorsSeed seed = context.getBean(InnovationEvaluatorsSeed.class);
        assertThat(seed.name()).isEqualTo("innovation-evaluators-v1");
        assertThat(seed.dependsOn()).contains("demo-v1", "innovation-v1");
        for (int i = 0; i < 2; i++) {
            InnovationTestSupport.as(
                    context,
                    "admin",
                    () -> context.getBean(TransactionTemplate.class).execute(s -> {
                        seed.load();
                        return null;
                    }));
        }
        long period = InnovationTestSupport.currentPeriod(jdbc);
        Users users = context.getBean(Users.class);
        for (InnovationEvaluatorsSeed.DemoEvaluator e : InnovationEvaluatorsSeed.EVALUATORS) {
            UserView user = users.findByUsername(e.username()).orElseThrow();
            assertThat(user.enabled()).isTrue();
            assertThat(user.grants())
                    .filteredOn(g -> g.role() == Role.EVALUATOR)
                    .hasSize(1);
            assertThat(context.getBean(UserDetailsService.class).loadUserByUsername(e.username()))
                    .isNotNull();
            assertThat(jdbc.sql("select cap from innovation.period_evaluator where period_id = ? and user_id = ?")
                            .params(period, user.id())
                            .query(Integer.class)
                            .list())
                    .containsExactly(InnovationEvaluatorsSeed.CAP);
        }

        // the demo evaluator scores one of their current-period proposals 80: a second evaluator is assigned at once
        long evaluator = users.findByUsername("evaluator").orElseThrow().id();
        Long assignment = jdbc.sql("""
                        select a.id from innovation.evaluator_assignment a join innovation.proposal p on p.id = a.proposal_id
                        where a.evaluator_id = ? and p.period_id = ? and a.submitted_at is null and p.state = 'ASSIGNED'
                            and (select count(*) from innovation.evaluator_assignment b where b.proposal_id = p.id) = 1
                        order by a.id limit 1
                        """)
                .params(evaluator, period)
                .query(Long.class)
                .optional()
                .orElse(null);
        assertThat(assignment).as("an unscored demo assignment").isNotNull();
        var sheet = CompetitionTestData.score(context, "evaluator", assignment, 8);
        List<AssignmentView> both =
                context.getBean(Evaluations.class).ofProposal(sheet.proposal().id());
        assertThat(both).hasSize(2);
        assertThat(both).filteredOn(AssignmentView::secondOpinion).hasSize(1);
    }
}
