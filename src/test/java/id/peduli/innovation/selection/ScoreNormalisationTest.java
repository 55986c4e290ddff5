package id.peduli.innovation.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import id.peduli.innovation.selection.ScoreNormalisation.Basis;
import id.peduli.innovation.selection.ScoreNormalisation.NormalisedScore;
import id.peduli.innovation.selection.ScoreNormalisation.ProposalScore;
import id.peduli.innovation.selection.ScoreNormalisation.Result;
import id.peduli.innovation.selection.ScoreNormalisation.Score;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreNormalisationTest {

    private static final double E = 1e-3;

    /**
     * Evaluator 1 (severe) gives proposal 1 60 and proposal 2 80; evaluator 2 (lenient) gives proposal 1 80 and
     * proposal 3 90; evaluator 3 gives proposals 2 and 3 70 each (no spread: measured against the pooled scores).
     */
    private final List<Score> scores = List.of(
            new Score(1, 1, 60),
            new Score(2, 1, 80),
            new Score(1, 2, 80),
            new Score(3, 2, 90),
            new Score(2, 3, 70),
            new Score(3, 3, 70));

    @Test
    void zScoreWithinEachEvaluatorRescaledTo50Plus10z() {
        Result result = ScoreNormalisation.normalise(scores);
        List<NormalisedScore> n = result.scores();
        // evaluator 1: mean (60 + 80) / 2 = 70, sd √(((−10)² + 10²) / 2) = 10 → z −1, +1 → 40, 60
        assertThat(n.get(0).z()).isCloseTo(-1, within(E));
        assertThat(n.get(0).normalised()).isCloseTo(40, within(E));
        assertThat(n.get(1).normalised()).isCloseTo(60, within(E));
        assertThat(n.get(0).basis()).isEqualTo(Basis.EVALUATOR);
        // evaluator 2: mean 85, sd 5 → 80 is z −1 → 40; 90 is z +1 → 60
        assertThat(n.get(2).normalised()).isCloseTo(40, within(E));
        assertThat(n.get(3).normalised()).isCloseTo(60, within(E));
        // evaluator 3 has no spread: pooled mean (60+80+80+90+70+70)/6 = 450/6 = 75,
        // pooled sd √((15² + 5² + 5² + 15² + 5² + 5²)/6) = √(550/6) = 9.5743; z = (70 − 75)/9.5743 = −0.5222 → 44.778
        assertThat(n.get(4).basis()).isEqualTo(Basis.POOLED);
        assertThat(n.get(4).z()).isCloseTo(-0.5222, within(E));
        assertThat(n.get(4).normalised()).isCloseTo(44.778, within(E));
        assertThat(result.evaluators().get(1L).standardDeviation()).isCloseTo(10, within(E));
        assertThat(result.evaluators().get(3L).standardDeviation()).isEqualTo(0.0);
    }

    @Test
    void meanPerProposalAndDisagreementOnTheNormalisedScale() {
        List<ProposalScore> proposals = ScoreNormalisation.normalise(scores).proposals();
        assertThat(proposals).extracting(ProposalScore::proposalId).containsExactly(1L, 2L, 3L);
        // proposal 1: raw 60 and 80 differ by 20, but both are one sd below their evaluator's mean:
        // normalised 40 and 40 → mean 40, spread 0, no disagreement
        ProposalScore p1 = proposals.get(0);
        assertThat(p1.meanRaw()).isCloseTo(70, within(E));
        assertThat(p1.meanNormalised()).isCloseTo(40, within(E));
        assertThat(p1.normalisedSpread()).isCloseTo(0, within(E));
        assertThat(p1.disagreement()).isFalse();
        // proposal 2: 60 (evaluator 1) and 44.778 (evaluator 3) → mean 52.389, spread 15.222 > 15 → flagged
        ProposalScore p2 = proposals.get(1);
        assertThat(p2.meanNormalised()).isCloseTo(52.389, within(E));
        assertThat(p2.normalisedSpread()).isCloseTo(15.222, within(E));
        assertThat(p2.disagreement()).isTrue();
        assertThat(p2.evaluatorCount()).isEqualTo(2);
        // with a threshold of 16 the same spread is not flagged
        assertThat(ScoreNormalisation.normalise(scores, new ScoreNormalisation.Options(16, 2))
                        .proposals()
                        .get(1)
                        .disagreement())
                .isFalse();
    }

    @Test
    void singleScoreOfTheWholePeriodIsFifty() {
        NormalisedScore only = ScoreNormalisation.normalise(List.of(new Score(7, 9, 83)))
                .scores()
                .get(0);
        // no deviation anywhere: z = 0 → 50
        assertThat(only.basis()).isEqualTo(Basis.NONE);
        assertThat(only.normalised()).isEqualTo(50.0);
    }

    @Test
    void evaluatorWithOneScoreIsMeasuredAgainstThePeriod() {
        List<Score> s = List.of(new Score(1, 1, 70), new Score(2, 1, 90), new Score(3, 2, 90));
        NormalisedScore lone = ScoreNormalisation.normalise(s).scores().get(2);
        // pooled mean (70 + 90 + 90)/3 = 83.333, sd √((13.333² + 6.667² + 6.667²)/3) = √(266.667/3) = 9.428;
        // z = (90 − 83.333)/9.428 = 0.7071 → 57.071
        assertThat(lone.basis()).isEqualTo(Basis.POOLED);
        assertThat(lone.normalised()).isCloseTo(57.071, within(E));
    }

    @Test
    void extremeScoreIsClampedAtHundred() {
        List<Score> s = new ArrayList<>();
        for (int p = 1; p <= 29; p++) {
            s.add(new Score(p, 1, 50));
        }
        s.add(new Score(30, 1, 100));
        List<NormalisedScore> n = ScoreNormalisation.normalise(s).scores();
        // mean (29 · 50 + 100)/30 = 51.667; deviations −1.667 (29×) and 48.333;
        // sd = √((29 · 2.778 + 2336.1)/30) = √80.556 = 8.975; z(100) = 48.333/8.975 = 5.385 (= √29) → 103.9 → 100
        assertThat(n.get(29).z()).isCloseTo(Math.sqrt(29), within(E));
        assertThat(n.get(29).normalised()).isEqualTo(100.0);
        // z(50) = −1.667/8.975 = −0.1857 → 48.143
        assertThat(n.get(0).normalised()).isCloseTo(48.143, within(E));
    }

    @Test
    void refusesRawTotalsOutsideTheScaleAndDoubleScores() {
        assertThatThrownBy(() -> ScoreNormalisation.normalise(List.of(new Score(1, 1, 100.5))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoreNormalisation.normalise(List.of(new Score(1, 1, Double.NaN))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoreNormalisation.normalise(List.of(new Score(1, 1, 80), new Score(1, 1, 81))))
                .hasMessageContaining("twice");
    }

    @Test
    void emptyPeriod() {
        Result result = ScoreNormalisation.normalise(List.of());
        assertThat(result.scores()).isEmpty();
        assertThat(result.proposals()).isEmpty();
    }
}
