package id.peduli.innovation.proposal;

import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.ProposalGroup;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** How far the rubric's questions are answered: per question, and in total. */
public record Completeness(List<Item> items, int answered, int total) {

    /** An answer counts when it has at least this many characters. */
    public static final int MIN_ANSWER = 30;

    @Schema(name = "InnovationAnswerCompleteness")
    public record Item(String aspectCode, int weight, String answer, boolean complete) {}

    public int missing() {
        return total - answered;
    }

    public int percent() {
        return total == 0 ? 100 : answered * 100 / total;
    }

    static Completeness of(Period period, ProposalGroup group, java.util.Map<String, String> answers) {
        List<Item> items = period.aspectsFor(group).stream()
                .map(a -> {
                    String answer = answers.getOrDefault(a.code(), "");
                    return new Item(a.code(), a.weight(), answer, answer.strip().length() >= MIN_ANSWER);
                })
                .toList();
        int answered = (int) items.stream().filter(Item::complete).count();
        return new Completeness(items, answered, items.size());
    }
}
