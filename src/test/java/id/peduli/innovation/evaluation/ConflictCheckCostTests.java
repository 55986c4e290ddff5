package id.peduli.innovation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import id.peduli.PeduliTest;
import id.peduli.access.Role;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.innovation.CompetitionTestData;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.selection.EvaluatorAssignment;
import id.peduli.organization.Organizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

/**
 * What one conflict check reads: the few units involved, by id, never the whole organisation tree; and the same answers
 * as the rule over the whole tree.
 */
@PeduliTest
class ConflictCheckCostTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oneCheckReadsOnlyTheUnitsItNeeds() {
        InnovationTestSupport.ensureSeed(context);
        long temanggungUnit = CompetitionTestData.unit(context, "Dinas Sosial Kabupaten Temanggung");
        long deputy = CompetitionTestData.unit(context, "Deputi Bidang Pelayanan Publik");
        CompetitionTestData.evaluator(context, "penilai.temanggung", "Dinas Sosial Kabupaten Temanggung");
        Users users = context.getBean(Users.class);
        UserView local = users.findByUsername("penilai.temanggung").orElseThrow();
        UserView demo = users.findByUsername("evaluator").orElseThrow();
        Organizations organizations =
                spy((Organizations) AopTestUtils.getTargetObject(context.getBean(Organizations.class)));
        ConflictsOfInterest conflicts = new ConflictsOfInterest(jdbc, organizations);

        // own agency (Pemkab Temanggung above its Dinas Sosial); a directorate below the demo evaluator's ministry
        assertThat(conflicts.of(local, Role.EVALUATOR, 0, temanggungUnit))
                .contains(EvaluatorAssignment.Conflict.SUBORDINATE_AGENCY);
        assertThat(conflicts.of(demo, Role.EVALUATOR, 0, deputy))
                .contains(EvaluatorAssignment.Conflict.SUBORDINATE_AGENCY);
        assertThat(conflicts.of(demo, Role.EVALUATOR, 0, temanggungUnit)).isEmpty();

        int units = context.getBean(Organizations.class).tree().size();
        long reads = mockingDetails(organizations).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals("find"))
                .count();
        System.out.printf("three conflict checks read %d units by id; the whole tree has %d units%n", reads, units);
        verify(organizations, never()).tree();
        verify(organizations, atMost(15)).find(anyLong());
        assertThat(reads).isLessThan(units);
    }
}
