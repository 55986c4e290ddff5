package id.peduli.innovation.evaluation;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.innovation.CompetitionTestData;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.proposal.ProposalState;
import id.peduli.shared.BusinessException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The automatic assignment as the secretariat runs it: conflict-free (own agency, an agency above or below, declared
 * conflicts), within caps, balanced, manual assignments kept; a declared conflict withdraws the assignment; a score
 * within ±5 of the pass mark brings a second evaluator; all of it also through the API.
 */
@PeduliTest
class AutoAssignmentTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** Evaluator of Pemkab Temanggung (its Dinas Sosial), Pemkot Surabaya and the demo evaluator of KemenPAN-RB. */
    private long temanggung;

    private long surabaya;

    private long[] setUp() {
        InnovationTestSupport.ensureSeed(context);
        temanggung = CompetitionTestData.evaluator(context, "penilai.temanggung", "Dinas Sosial Kabupaten Temanggung");
        surabaya = CompetitionTestData.evaluator(context, "penilai.surabaya", "Pemerintah Kota Surabaya");
        long period = CompetitionTestData.period(context);
        long fromTemanggung = CompetitionTestData.passedProposal(
                context, period, "Dinas Sosial Kabupaten Temanggung", "Layanan Dinsos Temanggung");
        long fromSurabaya =
                CompetitionTestData.passedProposal(context, period, "Pemerintah Kota Surabaya", "Layanan Surabaya");
        long fromMenpan = CompetitionTestData.passedProposal(
                context, period, "Deputi Bidang Pelayanan Publik", "Layanan Deputi Pelayanan Publik");
        return new long[] {period, fromTemanggung, fromSurabaya, fromMenpan};
    }

    @Test
    void everyPassedProposalGetsOneEvaluatorWithoutAConflictAndWithinTheCaps() throws Exception {
        long[] data = setUp();
        long period = data[0];
        long demoEvaluator = jdbc.sql("select id from access.user_account where username = 'evaluator'")
                .query(Long.class)
                .single();
        // the demo evaluator may take one proposal of this period only
        jdbc.sql("insert into innovation.period_evaluator (period_id, user_id, username, full_name, cap) values "
                        + "(?, ?, 'evaluator', 'Prof. Hadi Susanto', 1)")
                .params(period, demoEvaluator)
                .update();
        long extra =
                CompetitionTestData.passedProposal(context, period, "BBRSBG Kartini Temanggung", "Layanan Kartini");
        // one assignment by hand first: it stays and counts
        InnovationTestSupport.as(
                context,
                "sekretariat",
                () -> context.getBean(Evaluations.class).assign(extra, "penilai.surabaya", false));

        mvc.perform(bearer(post("/api/v1/innovation/periods/" + period + "/assignments/auto"), context, "sekretariat")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("avoidSameProvince"));
        mvc.perform(bearer(post("/api/v1/innovation/periods/" + period + "/assignments/auto"), context, "sekretariat")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"avoidSameProvince\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigned").value(3))
                .andExpect(jsonPath("$.unassigned").isEmpty())
                .andExpect(jsonPath("$.waiting").isEmpty());

        List<Map<String, Object>> rows = jdbc.sql("""
                        select a.proposal_id, a.evaluator_id from innovation.evaluator_assignment a
                        join innovation.proposal p on p.id = a.proposal_id where p.period_id = ?
                        """).param(period).query().listOfRows();
        assertThat(rows).hasSize(4);
        for (long proposal : new long[] {data[1], data[2], data[3], extra}) {
            assertThat(rows)
                    .filteredOn(r -> ((Number) r.get("proposal_id")).longValue() == proposal)
                    .hasSize(1);
            assertThat(jdbc.sql("select state from innovation.proposal where id = ?")
                            .param(proposal)
                            .query(String.class)
                            .single())
                    .isEqualTo("ASSIGNED");
        }
        assertThat(evaluatorOf(rows, data[1])).isNotEqualTo(temanggung); // own agency
        assertThat(evaluatorOf(rows, data[2])).isNotEqualTo(surabaya); // own agency
        assertThat(evaluatorOf(rows, data[3])).isNotEqualTo(demoEvaluator); // a unit below the evaluator's ministry
        assertThat(evaluatorOf(rows, extra)).isEqualTo(surabaya); // the manual assignment stayed
        assertThat(rows.stream().filter(r -> ((Number) r.get("evaluator_id")).longValue() == demoEvaluator))
                .hasSizeLessThanOrEqualTo(1);

        // the secretariat's page shows the evaluators with their loads
        mvc.perform(get("/innovation/periods/" + period + "/assignments").with(as(context, "sekretariat")))
                .andExpect(status().isOk());
        mvc.perform(get("/innovation/periods/" + period + "/assignments").with(as(context, "evaluator")))
                .andExpect(status().isForbidden());
        // running it from the page answers with a redirect and the result as a message: a reload runs nothing again
        mvc.perform(post("/innovation/periods/" + period + "/assignments/auto")
                        .with(as(context, "sekretariat"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/innovation/periods/" + period + "/assignments"))
                .andExpect(flash().attributeCount(1));
    }

    @Test
    void aDeclaredConflictWithdrawsTheAssignmentAndTheNextRunChoosesSomeoneElse() throws Exception {
        long[] data = setUp();
        long period = data[0];
        long proposal = data[3];
        InnovationTestSupport.as(
                context,
                "sekretariat",
                () -> context.getBean(Evaluations.class).assign(proposal, "penilai.temanggung", false));
        long assignment = CompetitionTestData.assignmentOf(jdbc, proposal, temanggung);

        mvc.perform(bearer(
                                post("/api/v1/innovation/evaluations/" + assignment + "/conflict"),
                                context,
                                "penilai.temanggung")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(bearer(
                                post("/api/v1/innovation/evaluations/" + assignment + "/conflict"),
                                context,
                                "penilai.temanggung")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Pengusul adalah kerabat dekat saya\"}"))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("select count(*) from innovation.evaluator_assignment where id = ?")
                        .param(assignment)
                        .query(Long.class)
                        .single())
                .isZero();
        // by hand: refused now
        assertThatThrownBy(() -> InnovationTestSupport.as(
                        context,
                        "sekretariat",
                        () -> context.getBean(Evaluations.class).assign(proposal, "penilai.temanggung", false)))
                .isInstanceOf(BusinessException.class)
                .hasFieldOrPropertyWithValue("messageKey", "innovation.assignment.conflict");
        // automatically: somebody else
        InnovationTestSupport.as(
                context,
                "sekretariat",
                () -> context.getBean(AutoAssignments.class).run(period, false));
        List<Long> evaluators = jdbc.sql(
                        "select evaluator_id from innovation.evaluator_assignment where proposal_id = ?")
                .param(proposal)
                .query(Long.class)
                .list();
        assertThat(evaluators).hasSize(1).doesNotContain(temanggung);

        // the secretariat withdraws an assignment that has not been scored; the proposal waits for the next run
        long other = CompetitionTestData.assignmentOf(jdbc, proposal, evaluators.get(0));
        mvc.perform(bearer(delete("/api/v1/innovation/assignments/" + other), context, "sekretariat"))
                .andExpect(status().isNoContent());
        mvc.perform(bearer(get("/api/v1/innovation/periods/" + period + "/assignments"), context, "sekretariat"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.waiting[?(@.proposalId == " + proposal + ")]")
                        .isNotEmpty());
    }

    @Test
    void aScoreNearThePassMarkBringsASecondEvaluatorAndTheProposalWaitsForIt() throws Exception {
        long[] data = setUp();
        long proposal = data[1]; // Dinas Sosial Temanggung: not for penilai.temanggung
        InnovationTestSupport.as(
                context,
                "sekretariat",
                () -> context.getBean(Evaluations.class).assign(proposal, "penilai.surabaya", false));
        long first = CompetitionTestData.assignmentOf(jdbc, proposal, surabaya);

        // 8 on every aspect: 80, exactly 5 below the pass mark of 85
        ScoreSheet sheet = CompetitionTestData.score(context, "penilai.surabaya", first, 8);
        assertThat(sheet.assignment().total()).isEqualByComparingTo("80");
        assertThat(sheet.proposal().state()).isEqualTo(ProposalState.ASSIGNED);
        List<AssignmentView> assignments = context.getBean(Evaluations.class).ofProposal(proposal);
        assertThat(assignments).hasSize(2);
        AssignmentView second = assignments.stream()
                .filter(AssignmentView::secondOpinion)
                .findFirst()
                .orElseThrow();
        assertThat(second.evaluatorId()).isNotIn(surabaya, temanggung);

        String username = jdbc.sql("select username from access.user_account where id = ?")
                .param(second.evaluatorId())
                .query(String.class)
                .single();
        ScoreSheet done = CompetitionTestData.score(context, username, second.id(), 9);
        assertThat(done.proposal().state()).isEqualTo(ProposalState.SCORED);
        assertThat(done.proposal().assessmentScore()).isEqualByComparingTo("85");

        // the secretariat's page of that proposal shows both evaluators with their normalised scores
        mvc.perform(get("/innovation/proposals/" + proposal).with(as(context, "sekretariat")))
                .andExpect(status().isOk());
        mvc.perform(post("/innovation/assignments/" + first + "/withdraw")
                        .with(as(context, "sekretariat"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from innovation.evaluator_assignment where id = ?")
                        .param(first)
                        .query(Long.class)
                        .single())
                .as("a scored assignment is not withdrawn")
                .isEqualTo(1);
    }

    @Test
    void theSecondEvaluatorRunAvoidsTheProposalsProvinceWhenAsked() throws Exception {
        InnovationTestSupport.ensureSeed(context);
        // of Pemprov Jawa Tengah: no agency conflict with a Temanggung proposal, but the same province (33)
        long jateng =
                CompetitionTestData.evaluator(context, "penilai.jateng", "Biro Organisasi Setda Provinsi Jawa Tengah");
        long demoEvaluator = jdbc.sql("select id from access.user_account where username = 'evaluator'")
                .query(Long.class)
                .single();
        long period = CompetitionTestData.period(context);
        long proposal = CompetitionTestData.passedProposal(
                context, period, "Dinas Sosial Kabupaten Temanggung", "Layanan Provinsi Sama");
        // scored 82 by the demo evaluator: within 5 of the pass mark, waiting for a second evaluator
        jdbc.sql("update innovation.proposal set state = 'ASSIGNED' where id = ?")
                .param(proposal)
                .update();
        jdbc.sql("""
                        insert into innovation.evaluator_assignment (proposal_id, evaluator_id, evaluator_name,
                            second_opinion, assigned_by, assigned_at, submitted_at, total)
                        values (?, ?, 'Prof. Hadi Susanto', false, 'sekretariat', now(), now(), 82)
                        """).params(proposal, demoEvaluator).update();
        // every other evaluator declared a conflict: only the one of the same province is left
        jdbc.sql("""
                        insert into innovation.conflict_declaration (proposal_id, evaluator_id, reason)
                        select distinct ?, g.user_id, 'uji' from access.role_grant g
                        where g.role = 'EVALUATOR' and g.user_id not in (?, ?)
                        """).params(proposal, demoEvaluator, jateng).update();

        mvc.perform(bearer(
                                post("/api/v1/innovation/periods/" + period + "/assignments/second-evaluators"),
                                context,
                                "sekretariat")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"avoidSameProvince\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigned").value(0))
                .andExpect(jsonPath("$.unassigned[?(@.proposalId == " + proposal + ")]")
                        .isNotEmpty());
        assertThat(evaluatorsOf(proposal)).containsExactly(demoEvaluator);
        // from the page, with the box ticked: still nobody
        mvc.perform(post("/innovation/periods/" + period + "/assignments/second")
                        .with(as(context, "sekretariat"))
                        .with(csrf())
                        .param("avoidSameProvince", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(evaluatorsOf(proposal)).containsExactly(demoEvaluator);
        // without it, the evaluator of the same province is the second evaluator
        mvc.perform(bearer(
                                post("/api/v1/innovation/periods/" + period + "/assignments/second-evaluators"),
                                context,
                                "sekretariat")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"avoidSameProvince\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigned").value(1));
        assertThat(evaluatorsOf(proposal)).containsExactlyInAnyOrder(demoEvaluator, jateng);
    }

    private List<Long> evaluatorsOf(long proposal) {
        return jdbc.sql("select evaluator_id from innovation.evaluator_assignment where proposal_id = ?")
                .param(proposal)
                .query(Long.class)
                .list();
    }

    private static long evaluatorOf(List<Map<String, Object>> rows, long proposal) {
        return rows.stream()
                .filter(r -> ((Number) r.get("proposal_id")).longValue() == proposal)
                .map(r -> ((Number) r.get("evaluator_id")).longValue())
                .findFirst()
                .orElseThrow();
    }
}
