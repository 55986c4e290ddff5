package id.peduli.casework;

import id.peduli.shared.BusinessException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goals from an assessment into a plan: each domain scored below the top of the template's scale becomes a goal whose
 * baseline is the domain's mean score, whose target is one step higher (at most the top), whose independence level is
 * the mean placed on the 1–5 level scale, and whose component follows the domain (daily living → care, social →
 * therapy, vocational → vocational). The goals are written in the caller's language, reviewed in three months.
 */
@Service
class AssessmentGoals {

    /** The ATENSI component a domain of the workshop's skills template serves. */
    static final Map<String, RehabComponent> COMPONENTS = Map.of(
            "DAILY_LIVING", RehabComponent.CARE,
            "SOCIAL", RehabComponent.THERAPY,
            "VOCATIONAL", RehabComponent.VOCATIONAL);

    private final Assessments assessments;
    private final Plans plans;
    private final Enrolments enrolments;
    private final MessageSource messages;

    AssessmentGoals(Assessments assessments, Plans plans, Enrolments enrolments, MessageSource messages) {
        this.assessments = assessments;
        this.plans = plans;
        this.enrolments = enrolments;
        this.messages = messages;
    }

    /** The goals the assessment suggests (nothing is written), reviewed on {@code reviewOn}. */
    List<GoalCommand> propose(long enrolmentId, long assessmentId, LocalDate reviewOn, Locale locale) {
        AssessmentView assessment = assessments
                .get(enrolmentId, assessmentId)
                .orElseThrow(() -> BusinessException.notFound("casework.assessment.notFound", assessmentId));
        AssessmentTemplate template =
                assessments.template(assessment.templateId()).orElseThrow();
        boolean english = "en".equals(locale.getLanguage());
        List<GoalCommand> goals = new ArrayList<>();
        for (AssessmentTemplate.Domain domain : template.domains()) {
            BigDecimal mean = Assessments.mean(domain, assessment);
            BigDecimal max = BigDecimal.valueOf(template.scaleMax());
            if (mean.compareTo(max) >= 0) {
                continue;
            }
            BigDecimal target = mean.add(BigDecimal.ONE).min(max).setScale(0, RoundingMode.CEILING);
            String name = domain.label(english).toLowerCase(locale);
            goals.add(new GoalCommand(
                    messages.getMessage("casework.fromAssessment.goal", new Object[] {name}, locale),
                    COMPONENTS.get(domain.code()),
                    messages.getMessage(
                            "casework.fromAssessment.baseline",
                            new Object[] {
                                mean.stripTrailingZeros().toPlainString(),
                                template.scaleMin(),
                                template.scaleMax(),
                                date(assessment.assessedOn(), locale)
                            },
                            locale),
                    messages.getMessage(
                            "casework.fromAssessment.target", new Object[] {target.toPlainString(), name}, locale),
                    level(mean, template),
                    reviewOn));
        }
        return goals;
    }

    /**
     * Writes a new plan with the goals the assessment suggests; refused when every domain is already at the top of
     * the scale (there is nothing to work towards).
     */
    @Transactional
    PlanView plan(long enrolmentId, long assessmentId, LocalDate reviewOn, Locale locale) {
        enrolments.requireEnrolment(enrolmentId, CaseworkRoles.WRITE);
        LocalDate review = reviewOn == null ? enrolments.today().plusMonths(3) : reviewOn;
        List<GoalCommand> goals = propose(enrolmentId, assessmentId, review, locale);
        if (goals.isEmpty()) {
            throw BusinessException.invalid("assessment", "casework.fromAssessment.nothing");
        }
        AssessmentView assessment = assessments.get(enrolmentId, assessmentId).orElseThrow();
        PlanView plan = plans.create(
                enrolmentId,
                messages.getMessage(
                        "casework.fromAssessment.title", new Object[] {date(assessment.assessedOn(), locale)}, locale),
                review,
                goals.get(0),
                assessment.assessedOn());
        for (GoalCommand goal : goals.subList(1, goals.size())) {
            plan = plans.addGoal(enrolmentId, plan.id(), goal);
        }
        return plan;
    }

    static String date(LocalDate day, Locale locale) {
        return day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
    }

    /** The mean placed on the five independence levels: the bottom of the scale is level 1, the top level 5. */
    static int level(BigDecimal mean, AssessmentTemplate template) {
        double span = template.scaleMax() - template.scaleMin();
        double position = (mean.doubleValue() - template.scaleMin()) / span;
        return (int) Math.max(1, Math.min(5, Math.round(1 + position * 4)));
    }
}
