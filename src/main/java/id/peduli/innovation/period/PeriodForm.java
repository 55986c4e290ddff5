package id.peduli.innovation.period;

import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * A period as the set-up form and the API send it. Categories, rubric and quota floors travel as lines: {@code CODE |
 * name}, {@code CODE | weight | GROUP,GROUP [| name [| anchor ; anchor …]]} and {@code DIMENSION | value | minimum}.
 * The set-up page edits them as rows ({@link PeriodRows}) and sends these lines; the API takes them as they are.
 */
public record PeriodForm(
        Integer year,
        String title,
        LocalDate registrationOpens,
        LocalDate unitDeadline,
        LocalDate submitDeadline,
        LocalDate screeningDeadline,
        LocalDate assessmentDeadline,
        Integer objectionDays,
        Double passMark,
        Integer topFirst,
        Integer topFinal,
        Integer weightAssessment,
        Integer weightPresentation,
        Integer weightField,
        String categories,
        String aspects,
        String quotaFloors,
        Integer version) {

    /** The defaults of the domain guide for a new period of {@code year}. */
    public static PeriodForm defaults(int year) {
        return new PeriodForm(
                year,
                "Kompetisi Inovasi Pelayanan Publik " + year,
                LocalDate.of(year, 1, 15),
                LocalDate.of(year, 3, 15),
                LocalDate.of(year, 3, 31),
                LocalDate.of(year, 4, 30),
                LocalDate.of(year, 5, 31),
                PeriodDefaults.OBJECTION_DAYS,
                PeriodDefaults.PASS_MARK,
                PeriodDefaults.TOP_FIRST,
                PeriodDefaults.TOP_FINAL,
                40,
                40,
                20,
                PeriodDefaults.CATEGORIES.stream()
                        .map(c -> c.code() + " | " + c.name())
                        .collect(Collectors.joining("\n")),
                PeriodDefaults.ASPECTS.stream().map(PeriodForm::line).collect(Collectors.joining("\n")),
                PeriodDefaults.QUOTAS.stream()
                        .map(q -> q.dimension() + " | " + q.value() + " | " + q.minimum())
                        .collect(Collectors.joining("\n")),
                null);
    }

    public static PeriodForm of(Period p) {
        return new PeriodForm(
                p.year(),
                p.title(),
                p.registrationOpens(),
                p.unitDeadline(),
                p.submitDeadline(),
                p.screeningDeadline(),
                p.assessmentDeadline(),
                p.objectionDays(),
                p.passMark(),
                p.topFirst(),
                p.topFinal(),
                p.weightAssessment(),
                p.weightPresentation(),
                p.weightField(),
                p.categories().stream().map(c -> c.code() + " | " + c.name()).collect(Collectors.joining("\n")),
                p.aspects().stream().map(PeriodForm::line).collect(Collectors.joining("\n")),
                p.quotaFloors().stream()
                        .map(q -> q.dimension() + " | " + q.value() + " | " + q.minimum())
                        .collect(Collectors.joining("\n")),
                p.version());
    }

    private static String line(Period.Aspect a) {
        String line = a.code() + " | " + a.weight() + " | "
                + a.groups().stream().map(Enum::name).collect(Collectors.joining(","));
        if (!a.name().isEmpty() || !a.anchors().isEmpty()) {
            line += " | " + a.name();
        }
        if (!a.anchors().isEmpty()) {
            line += " | " + String.join(" ; ", a.anchorLines());
        }
        return line;
    }
}
