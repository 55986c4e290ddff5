package id.peduli.innovation.selection;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The assessment rubric of a period: aspects with weights and a scale (1–10 by default).
 *
 * <p>The raw total of one evaluator's scores is the weighted mean of the aspect scores expressed as a share of the
 * scale's top and multiplied by 100: {@code total = 100 · Σ(weight · score) / (Σ weight · scaleMax)}. With the default
 * weights (they add up to 100) and a scale of 1–10 an aspect scored 10 contributes its full weight, all aspects at 10
 * give 100 and all at 1 give 10. The pass mark (85 by default) is read on this scale.
 *
 * @param aspects the aspects in the order the evaluator sees them; codes are unique and weights positive
 * @param scaleMin lowest score an evaluator may give an aspect
 * @param scaleMax highest score an evaluator may give an aspect
 */
public record Rubric(List<Aspect> aspects, int scaleMin, int scaleMax) {

    /** One aspect: a code (stable, used as key of the scores) and a positive weight. */
    public record Aspect(String code, int weight) {
        public Aspect {
            Objects.requireNonNull(code, "code");
            if (weight <= 0) {
                throw new IllegalArgumentException("weight of " + code + " must be positive");
            }
        }
    }

    public Rubric {
        aspects = List.copyOf(aspects);
        if (aspects.isEmpty()) {
            throw new IllegalArgumentException("a rubric needs at least one aspect");
        }
        if (scaleMin < 0 || scaleMax <= scaleMin) {
            throw new IllegalArgumentException("scale must satisfy 0 <= min < max");
        }
        Set<String> codes = new HashSet<>();
        for (Aspect aspect : aspects) {
            if (!codes.add(aspect.code())) {
                throw new IllegalArgumentException("aspect " + aspect.code() + " appears twice");
            }
        }
    }

    /**
     * The eleven aspects of the domain guide with their default weights (adding up to 100), scale 1–10. Replication
     * and special groups add their own aspects to a copy of this list.
     */
    public static Rubric defaults() {
        return new Rubric(
                List.of(
                        new Aspect("background", 10),
                        new Aspect("category-fit", 5),
                        new Aspect("sdg-priority", 5),
                        new Aspect("description", 5),
                        new Aspect("innovativeness", 15),
                        new Aspect("transferability", 15),
                        new Aspect("resources", 5),
                        new Aspect("sustainability", 10),
                        new Aspect("evaluation-results", 15),
                        new Aspect("stakeholders", 10),
                        new Aspect("lessons-learned", 5)),
                1,
                10);
    }

    /** Sum of the weights. */
    public int totalWeight() {
        int sum = 0;
        for (Aspect aspect : aspects) {
            sum += aspect.weight();
        }
        return sum;
    }

    /**
     * The raw total 0–100 of one evaluator's aspect scores.
     *
     * @param scores the score of every aspect, by aspect code
     * @throws IllegalArgumentException if an aspect has no score, a score is outside the scale, or a code is not an
     *     aspect of this rubric
     */
    public double total(Map<String, Integer> scores) {
        Objects.requireNonNull(scores, "scores");
        long weighted = 0;
        for (Aspect aspect : aspects) {
            Integer score = scores.get(aspect.code());
            if (score == null) {
                throw new IllegalArgumentException("aspect " + aspect.code() + " has no score");
            }
            if (score < scaleMin || score > scaleMax) {
                throw new IllegalArgumentException(
                        "score of " + aspect.code() + " must be between " + scaleMin + " and " + scaleMax);
            }
            weighted += (long) aspect.weight() * score;
        }
        if (scores.size() != aspects.size()) {
            Map<String, Integer> unknown = new LinkedHashMap<>(scores);
            aspects.forEach(aspect -> unknown.remove(aspect.code()));
            throw new IllegalArgumentException("not an aspect of this rubric: " + unknown.keySet());
        }
        return 100.0 * weighted / ((double) totalWeight() * scaleMax);
    }
}
