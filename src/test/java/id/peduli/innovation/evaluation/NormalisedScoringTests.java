package id.peduli.innovation.evaluation;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.innovation.CompetitionTestData;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.award.Panel;
import id.peduli.innovation.proposal.ProposalState;
import id.peduli.innovation.proposal.ProposalView;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The normalised scores as stored after real scoring, with numbers checked by hand.
 *
 * <p>Evaluator A (lenient) gives P1 70 and P2 60: mean 65, deviation 5, so P1 is z = +1 (normalised 60) and P2 z = −1
 * (40). Evaluator B (severe) gives P1 30 and P3 50: mean 40, deviation 10, so P1 is z = −1 (40) and P3 z = +1 (60).
 * P1: raw mean 50, normalised mean 50, spread 20 > 15, disagreement. P2: raw 60, normalised 40. P3: raw 50,
 * normalised 60. By raw scores P2 leads; by normalised scores P3 leads, then P1, then P2.
 */
@PeduliTest
class NormalisedScoringTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStoredScoresAreTheNormalisedOnesAndTheRankingFollowsThem() throws Exception {
        InnovationTestSupport.ensureSeed(context);
        long period = CompetitionTestData.period(context);
        long a = CompetitionTestData.evaluator(context, "penilai.surabaya", "Pemerintah Kota Surabaya");
        long b = CompetitionTestData.evaluator(context, "penilai.jambi", "Pemerintah Provinsi Jambi");
        long p1 = CompetitionTestData.passedProposal(context, period, "BBRSBG Kartini Temanggung", "Skor Satu");
        long p2 = CompetitionTestData.passedProposal(context, period, "BBRSBG Kartini Temanggung", "Skor Dua");
        long p3 = CompetitionTestData.passedProposal(context, period, "PSAA Alyatama Jambi", "Skor Tiga");
        Evaluations evaluations = context.getBean(Evaluations.class);
        InnovationTestSupport.as(context, "sekretariat", () -> {
            evaluations.assign(p1, "penilai.surabaya", false);
            evaluations.assign(p1, "penilai.jambi", false);
            evaluations.assign(p2, "penilai.surabaya", false);
            return evaluations.assign(p3, "penilai.jambi", false);
        });

        ScoreSheet first = CompetitionTestData.score(
                context, "penilai.surabaya", CompetitionTestData.assignmentOf(jdbc, p1, a), 7);
        assertThat(first.assignment().total()).isEqualByComparingTo("70");
        assertThat(first.proposal().state()).isEqualTo(ProposalState.ASSIGNED); // B has not scored yet
        CompetitionTestData.score(context, "penilai.surabaya", CompetitionTestData.assignmentOf(jdbc, p2, a), 6);
        CompetitionTestData.score(context, "penilai.jambi", CompetitionTestData.assignmentOf(jdbc, p1, b), 3);
        CompetitionTestData.score(context, "penilai.jambi", CompetitionTestData.assignmentOf(jdbc, p3, b), 5);

        PeriodScores scores = context.getBean(PeriodScores.class);
        ProposalScores s1 = scores.of(p1);
        assertThat(s1.raw()).isEqualByComparingTo("50");
        assertThat(s1.normalised()).isEqualByComparingTo("50");
        assertThat(s1.spread()).isEqualByComparingTo("20");
        assertThat(s1.disagreement()).isTrue();
        assertThat(s1.evaluators())
                .extracting(ProposalScores.EvaluatorScore::raw, ProposalScores.EvaluatorScore::normalised)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("70.00"), new BigDecimal("60.00")),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("30.00"), new BigDecimal("40.00")));
        ProposalScores s2 = scores.of(p2);
        assertThat(s2.raw()).isEqualByComparingTo("60");
        assertThat(s2.normalised()).isEqualByComparingTo("40");
        assertThat(s2.disagreement()).isFalse();
        ProposalScores s3 = scores.of(p3);
        assertThat(s3.raw()).isEqualByComparingTo("50");
        assertThat(s3.normalised()).isEqualByComparingTo("60");
        assertThat(scores.disagreements(period)).containsExactly(p1);

        // every proposal is scored now, and the panel's ranking goes by the normalised scores
        Panel panel = context.getBean(Panel.class);
        List<Long> ranked =
                panel.ranking(period, 10).stream().map(ProposalView::id).toList();
        assertThat(ranked).containsExactly(p3, p1, p2);

        // the panel sees raw, normalised and the flag on the ranking page and through the API
        mvc.perform(get("/innovation/periods/" + period + "/ranking").with(as(context, "panelis")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"disagreement-" + p1 + "\"")));
        mvc.perform(bearer(get("/api/v1/innovation/proposals/" + p1 + "/scores"), context, "sekretariat"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.raw").value(50.0))
                .andExpect(jsonPath("$.normalised").value(50.0))
                .andExpect(jsonPath("$.disagreement").value(true))
                .andExpect(jsonPath("$.evaluators[0].normalised").value(60.0));
        mvc.perform(bearer(get("/api/v1/innovation/periods/" + period + "/ranking"), context, "panelis"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].proposalId").value(p3))
                .andExpect(jsonPath("$[1].disagreement").value(true));
    }
}
