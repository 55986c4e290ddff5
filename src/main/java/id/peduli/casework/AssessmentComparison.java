package id.peduli.casework;

import java.math.BigDecimal;
import java.util.List;

/** Two assessments of one enrolment with the same template, side by side: the mean score per domain and its change. */
public record AssessmentComparison(
        AssessmentTemplate template, AssessmentView first, AssessmentView second, List<DomainChange> domains) {

    public record DomainChange(
            AssessmentTemplate.Domain domain, BigDecimal first, BigDecimal second, BigDecimal change) {}
}
