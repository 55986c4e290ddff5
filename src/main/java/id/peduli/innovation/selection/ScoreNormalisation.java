package id.peduli.innovation.selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per-evaluator normalisation of the raw totals of one period, so that a severe and a lenient evaluator become
 * comparable.
 *
 * <p><b>z-score.</b> For every evaluator the mean {@code m} and the population standard deviation {@code s} (divided
 * by {@code n}, not {@code n − 1}) of all their raw totals in the period are computed; a score's {@code z = (raw − m) /
 * s}.
 *
 * <p><b>Rescaling to 0–100.</b> {@code normalised = 50 + 10 · z}, clamped to 0..100 (the “T-score” convention). It
 * was chosen over a min–max rescaling of all z over the period because it depends only on the evaluator's own scores:
 * one extreme score of another evaluator does not stretch or squeeze everybody's scale, adding a score changes only
 * the scores of that evaluator, and the figure reads the same every year (50 is the evaluator's average, 60 one
 * standard deviation above it). The clamp only bites beyond five standard deviations, which needs more than 25 scores
 * from that evaluator with one far outlier.
 *
 * <p><b>Evaluators with too few or identical scores.</b> An evaluator with fewer than {@link
 * Options#minScoresForOwnScale()} scores (2 by default) or whose scores are all equal gives no information about their
 * severity. Their scores are then measured against the pooled mean and standard deviation of all scores of the period
 * ({@link Basis#POOLED}), i.e. the evaluator is taken to be of average severity. If the pooled deviation is zero too
 * (a single score, or all scores equal), {@code z = 0} ({@link Basis#NONE}) and the normalised score is 50.
 *
 * <p><b>Per proposal.</b> The mean of the raw and of the normalised scores of all its evaluators. <b>Disagreement</b>
 * is flagged when the highest and the lowest normalised score of one proposal differ by more than {@link
 * Options#disagreementThreshold()} points (15 by default, i.e. one and a half standard deviations of an evaluator):
 * on the normalised scale, so that a severe and a lenient evaluator who agree on the proposal's quality are not
 * flagged just because of their different habits.
 */
public final class ScoreNormalisation {

    private ScoreNormalisation() {}

    /** One evaluator's raw total (0–100, see {@link Rubric#total}) of one proposal. */
    public record Score(long proposalId, long evaluatorId, double rawTotal) {}

    /** How a score's z was computed. */
    public enum Basis {
        /** Against the evaluator's own mean and deviation. */
        EVALUATOR,
        /** Against the period's pooled mean and deviation: too few or identical scores from the evaluator. */
        POOLED,
        /** No deviation anywhere: z = 0. */
        NONE
    }

    /** A score with its z and its normalised value 0–100. */
    public record NormalisedScore(
            long proposalId, long evaluatorId, double rawTotal, double z, double normalised, Basis basis) {}

    /** Mean raw and normalised score of one proposal over its evaluators, and whether they disagree. */
    public record ProposalScore(
            long proposalId,
            double meanRaw,
            double meanNormalised,
            int evaluatorCount,
            double normalisedSpread,
            boolean disagreement) {}

    /** Mean and population standard deviation of one evaluator's raw totals. */
    public record EvaluatorScale(long evaluatorId, int count, double mean, double standardDeviation) {}

    /**
     * @param disagreementThreshold highest minus lowest normalised score of one proposal above which it is flagged
     * @param minScoresForOwnScale fewest scores an evaluator needs for their own mean and deviation to be used
     */
    public record Options(double disagreementThreshold, int minScoresForOwnScale) {
        public Options {
            if (disagreementThreshold < 0 || minScoresForOwnScale < 2) {
                throw new IllegalArgumentException("threshold >= 0 and minScoresForOwnScale >= 2");
            }
        }

        public static Options defaults() {
            return new Options(15, 2);
        }
    }

    /**
     * The normalised scores, in the order of the input, the proposals in the order of their first score, and each
     * evaluator's scale.
     */
    public record Result(
            List<NormalisedScore> scores, List<ProposalScore> proposals, Map<Long, EvaluatorScale> evaluators) {}

    public static Result normalise(List<Score> scores) {
        return normalise(scores, Options.defaults());
    }

    /**
     * Normalises all scores of one period.
     *
     * @throws IllegalArgumentException if a raw total is outside 0–100 or not a number, or an evaluator scored one
     *     proposal twice
     */
    public static Result normalise(List<Score> scores, Options options) {
        Objects.requireNonNull(scores, "scores");
        Map<Long, double[]> sums = new HashMap<>(); // evaluator -> {n, sum, sum of squares}
        Set<Pair> pairs = new HashSet<>();
        double pooledSum = 0;
        for (Score score : scores) {
            double raw = score.rawTotal();
            if (!(raw >= 0 && raw <= 100)) {
                throw new IllegalArgumentException("raw total must be between 0 and 100");
            }
            if (!pairs.add(pairKey(score))) {
                throw new IllegalArgumentException(
                        "evaluator " + score.evaluatorId() + " scored proposal " + score.proposalId() + " twice");
            }
            double[] s = sums.computeIfAbsent(score.evaluatorId(), id -> new double[3]);
            s[0]++;
            s[1] += raw;
            pooledSum += raw;
        }
        int total = scores.size();
        double pooledMean = total == 0 ? 0 : pooledSum / total;
        double pooledSquares = 0;
        Map<Long, EvaluatorScale> scales = new LinkedHashMap<>();
        for (Score score : scores) {
            double[] s = sums.get(score.evaluatorId());
            double d = score.rawTotal() - s[1] / s[0];
            s[2] += d * d;
            double p = score.rawTotal() - pooledMean;
            pooledSquares += p * p;
        }
        double pooledSd = total == 0 ? 0 : Math.sqrt(pooledSquares / total);
        for (Score score : scores) {
            scales.computeIfAbsent(score.evaluatorId(), id -> {
                double[] s = sums.get(id);
                return new EvaluatorScale(id, (int) s[0], s[1] / s[0], Math.sqrt(s[2] / s[0]));
            });
        }

        List<NormalisedScore> normalised = new ArrayList<>(total);
        Map<Long, double[]> perProposal = new LinkedHashMap<>(); // {n, raw sum, normalised sum, min, max}
        for (Score score : scores) {
            EvaluatorScale scale = scales.get(score.evaluatorId());
            double z;
            Basis basis;
            if (scale.count() >= options.minScoresForOwnScale() && scale.standardDeviation() > EPSILON) {
                z = (score.rawTotal() - scale.mean()) / scale.standardDeviation();
                basis = Basis.EVALUATOR;
            } else if (pooledSd > EPSILON) {
                z = (score.rawTotal() - pooledMean) / pooledSd;
                basis = Basis.POOLED;
            } else {
                z = 0;
                basis = Basis.NONE;
            }
            double value = Math.max(0, Math.min(100, 50 + 10 * z));
            normalised.add(
                    new NormalisedScore(score.proposalId(), score.evaluatorId(), score.rawTotal(), z, value, basis));
            double[] p = perProposal.computeIfAbsent(
                    score.proposalId(), id -> new double[] {0, 0, 0, Double.MAX_VALUE, -Double.MAX_VALUE});
            p[0]++;
            p[1] += score.rawTotal();
            p[2] += value;
            p[3] = Math.min(p[3], value);
            p[4] = Math.max(p[4], value);
        }
        List<ProposalScore> proposals = new ArrayList<>(perProposal.size());
        perProposal.forEach((id, p) -> {
            double spread = p[4] - p[3];
            proposals.add(new ProposalScore(
                    id, p[1] / p[0], p[2] / p[0], (int) p[0], spread, spread > options.disagreementThreshold()));
        });
        return new Result(List.copyOf(normalised), List.copyOf(proposals), Map.copyOf(scales));
    }

    private static final double EPSILON = 1e-9;

    private record Pair(long proposalId, long evaluatorId) {}

    private static Pair pairKey(Score score) {
        return new Pair(score.proposalId(), score.evaluatorId());
    }
}
