package id.peduli.innovation.period;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One competition period (S0): its year, deadlines per stage, rubric, pass mark, Top-N sizes, quota floors and the
 * weights of the decision-support score.
 */
public record Period(
        long id,
        int year,
        String title,
        LocalDate registrationOpens,
        LocalDate unitDeadline,
        LocalDate submitDeadline,
        LocalDate screeningDeadline,
        LocalDate assessmentDeadline,
        int objectionDays,
        double passMark,
        int topFirst,
        int topFinal,
        int weightAssessment,
        int weightPresentation,
        int weightField,
        int scaleMax,
        Instant objectionOpensAt,
        boolean assessmentClosed,
        int version,
        List<Category> categories,
        List<Aspect> aspects,
        List<QuotaFloor> quotaFloors) {

    /** A category of the period (they change yearly). */
    @Schema(name = "InnovationPeriodCategory")
    public record Category(String code, String name) {}

    /**
     * An aspect of the rubric, its weight, the groups that answer it, its name (may be empty: the page then shows the
     * translated label of its code) and the anchor descriptions of the scale, one per line.
     */
    @Schema(name = "InnovationRubricAspect")
    public record Aspect(String code, int weight, List<ProposalGroup> groups, String name, String anchors) {

        public Aspect {
            name = name == null ? "" : name;
            anchors = anchors == null ? "" : anchors;
        }

        public Aspect(String code, int weight, List<ProposalGroup> groups) {
            this(code, weight, groups, "", "");
        }

        /** The anchor descriptions, one per line, without blank lines. */
        public List<String> anchorLines() {
            return anchors.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }

        public boolean answeredBy(ProposalGroup group) {
            return groups.contains(group);
        }
    }

    /** At least {@code minimum} proposals of the Top 99 where {@code dimension} is {@code value}. */
    @Schema(name = "InnovationQuotaFloor")
    public record QuotaFloor(QuotaDimension dimension, String value, int minimum) {}

    /** What a quota floor counts by. */
    @Schema(name = "InnovationQuotaDimension")
    public enum QuotaDimension {
        CATEGORY,
        GROUP,
        PARTICIPANT_TYPE,
        THREE_T
    }

    public List<Aspect> aspectsFor(ProposalGroup group) {
        return aspects.stream().filter(a -> a.answeredBy(group)).toList();
    }

    /** The end of the objection window, once the Top 99 proposal was published. */
    public Instant objectionClosesAt() {
        return objectionOpensAt == null ? null : objectionOpensAt.plus(java.time.Duration.ofDays(objectionDays));
    }

    public String categoryName(String code) {
        return categories.stream()
                .filter(c -> c.code().equals(code))
                .map(Category::name)
                .findFirst()
                .orElse(code == null ? "" : code);
    }
}
