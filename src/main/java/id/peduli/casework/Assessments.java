package id.peduli.casework;

import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.shared.BusinessException;
import id.peduli.shared.InvalidInput;
import id.peduli.shared.InvalidInput.FieldProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessment templates (versioned) and the assessments scored with them. Recording checks the caller's write role for
 * the enrolment's unit first, then that every item of the template is scored within its scale.
 */
@Service
class Assessments {

    static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

    private final JdbcClient jdbc;
    private final Enrolments enrolments;
    private final AuditLog audit;

    Assessments(JdbcClient jdbc, Enrolments enrolments, AuditLog audit) {
        this.jdbc = jdbc;
        this.enrolments = enrolments;
        this.audit = audit;
    }

    // ------------------------------------------------------------------------------------------------ templates

    /** Publishes the next version of the template {@code command.code()}; earlier versions stay as they were. */
    @Transactional
    AssessmentTemplate publish(AssessmentTemplate.Command command) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.code() == null || !CODE.matcher(command.code()).matches()) {
            problems.add(new FieldProblem("code", "casework.programme.codeFormat"));
        }
        if (blank(command.name()) || blank(command.nameEn())) {
            problems.add(new FieldProblem("name", "validation.required"));
        }
        if (command.scaleMin() >= command.scaleMax() || command.scaleMin() < -10 || command.scaleMax() > 10) {
            problems.add(new FieldProblem("scaleMax", "casework.template.scaleInvalid"));
        }
        if (command.domains() == null
                || command.domains().isEmpty()
                || command.domains().stream()
                        .anyMatch(d -> d.items() == null
                                || d.items().isEmpty()
                                || blank(d.name())
                                || blank(d.nameEn())
                                || d.code() == null
                                || !CODE.matcher(d.code()).matches()
                                || d.items().stream().anyMatch(i -> blank(i.text()) || blank(i.textEn())))) {
            problems.add(new FieldProblem("domains", "casework.template.domains"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems, false);
        }
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from casework.assessment_template where code = ?")
                .param(command.code())
                .query(Integer.class)
                .single();
        long id = jdbc.sql("""
                        insert into casework.assessment_template (code, version, name, name_en, scale_min, scale_max)
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        command.code(),
                        version,
                        command.name().strip(),
                        command.nameEn().strip(),
                        command.scaleMin(),
                        command.scaleMax())
                .query(Long.class)
                .single();
        int dp = 0;
        for (AssessmentTemplate.DomainCommand domain : command.domains()) {
            long domainId = jdbc.sql("""
                            insert into casework.assessment_domain (template_id, code, name, name_en, position)
                            values (?, ?, ?, ?, ?) returning id
                            """)
                    .params(
                            id,
                            domain.code(),
                            domain.name().strip(),
                            domain.nameEn().strip(),
                            dp++)
                    .query(Long.class)
                    .single();
            int ip = 0;
            for (AssessmentTemplate.ItemCommand item : domain.items()) {
                jdbc.sql("""
                                insert into casework.assessment_item (domain_id, text, text_en, position)
                                values (?, ?, ?, ?)
                                """)
                        .params(domainId, item.text().strip(), item.textEn().strip(), ip++)
                        .update();
            }
        }
        return template(id).orElseThrow();
    }

    /** The newest version of every template. */
    List<AssessmentTemplate> latestTemplates() {
        return jdbc.sql("""
                        select id from casework.assessment_template t
                        where version = (select max(version) from casework.assessment_template where code = t.code)
                        order by name
                        """).query(Long.class).list().stream()
                .map(id -> template(id).orElseThrow())
                .toList();
    }

    /** Every version of every template, by name and newest version first (for the managers' page). */
    List<AssessmentTemplate> allTemplates() {
        return jdbc
                .sql("select id from casework.assessment_template order by name, code, version desc")
                .query(Long.class)
                .list()
                .stream()
                .map(id -> template(id).orElseThrow())
                .toList();
    }

    Optional<AssessmentTemplate> latest(String code) {
        return jdbc.sql("select id from casework.assessment_template where code = ? order by version desc limit 1")
                .param(code)
                .query(Long.class)
                .optional()
                .flatMap(this::template);
    }

    Optional<AssessmentTemplate> template(long id) {
        Optional<AssessmentTemplate> head = jdbc.sql("select * from casework.assessment_template where id = ?")
                .param(id)
                .query((rs, i) -> new AssessmentTemplate(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getInt("version"),
                        rs.getString("name"),
                        rs.getString("name_en"),
                        rs.getInt("scale_min"),
                        rs.getInt("scale_max"),
                        List.of()))
                .optional();
        if (head.isEmpty()) {
            return head;
        }
        Map<Long, List<AssessmentTemplate.Item>> items = new HashMap<>();
        jdbc.sql("""
                        select i.* from casework.assessment_item i
                        join casework.assessment_domain d on d.id = i.domain_id
                        where d.template_id = ? order by i.position
                        """).param(id).query(rs -> {
            items.computeIfAbsent(rs.getLong("domain_id"), k -> new ArrayList<>())
                    .add(new AssessmentTemplate.Item(rs.getLong("id"), rs.getString("text"), rs.getString("text_en")));
        });
        List<AssessmentTemplate.Domain> domains = jdbc.sql(
                        "select * from casework.assessment_domain where template_id = ? order by position")
                .param(id)
                .query((rs, i) -> new AssessmentTemplate.Domain(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("name_en"),
                        List.copyOf(items.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
        AssessmentTemplate t = head.get();
        return Optional.of(new AssessmentTemplate(
                t.id(), t.code(), t.version(), t.name(), t.nameEn(), t.scaleMin(), t.scaleMax(), domains));
    }

    // ---------------------------------------------------------------------------------------------- assessments

    /**
     * Records an assessment of the enrolment with every item of the template scored; the assessor is the signed-in
     * user.
     */
    @Transactional
    AssessmentView record(long enrolmentId, long templateId, LocalDate on, Map<Long, Integer> scores, String notes) {
        long unit = enrolments.requireEnrolment(enrolmentId, CaseworkRoles.WRITE);
        AssessmentTemplate template = template(templateId)
                .orElseThrow(() -> BusinessException.invalid("templateId", "casework.template.unknown"));
        List<FieldProblem> problems = new ArrayList<>();
        if (on == null) {
            problems.add(new FieldProblem("assessedOn", "validation.required"));
        } else if (on.isAfter(enrolments.today())) {
            problems.add(new FieldProblem("assessedOn", "casework.date.future"));
        }
        Map<Long, Integer> given = scores == null ? Map.of() : scores;
        for (AssessmentTemplate.Domain domain : template.domains()) {
            for (AssessmentTemplate.Item item : domain.items()) {
                Integer score = given.get(item.id());
                if (score == null) {
                    problems.add(new FieldProblem("score" + item.id(), "casework.assessment.scoreMissing"));
                } else if (score < template.scaleMin() || score > template.scaleMax()) {
                    problems.add(new FieldProblem(
                            "score" + item.id(),
                            "casework.assessment.scoreRange",
                            template.scaleMin(),
                            template.scaleMax()));
                }
            }
        }
        long known = template.domains().stream()
                .flatMap(d -> d.items().stream())
                .filter(i -> given.containsKey(i.id()))
                .count();
        if (known != given.size()) {
            problems.add(new FieldProblem("scores", "casework.assessment.foreignItem"));
        }
        if (notes != null && notes.length() > 2000) {
            problems.add(new FieldProblem("notes", "casework.notes.tooLong", 2000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems, false);
        }
        Enrolment.Actor by = Enrolments.actor();
        long id = jdbc.sql("""
                        insert into casework.assessment (enrolment_id, template_id, assessed_on, assessor_user_id,
                            assessor, notes)
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(enrolmentId, templateId, on, by.userId(), by.username(), Enrolment.blankToNull(notes))
                .query(Long.class)
                .single();
        given.forEach((item, score) -> jdbc.sql(
                        "insert into casework.assessment_score (assessment_id, item_id, score) values (?, ?, ?)")
                .params(id, item, score)
                .update());
        audit.record(AuditRecord.of(CaseworkAuditActions.ASSESS, "Assessment", id)
                .unit(unit)
                .purpose("enrolment " + enrolmentId)
                .change("template", null, template.code() + " v" + template.version()));
        return get(enrolmentId, id).orElseThrow();
    }

    /** The assessments of an enrolment, newest first (no check: the caller checked the enrolment). */
    List<AssessmentView> of(long enrolmentId) {
        return jdbc
                .sql("select id from casework.assessment where enrolment_id = ? order by assessed_on desc, id desc")
                .param(enrolmentId)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> get(enrolmentId, id).orElseThrow())
                .toList();
    }

    /** The assessment if it belongs to the enrolment. */
    Optional<AssessmentView> get(long enrolmentId, long assessmentId) {
        Map<Long, Integer> scores = new LinkedHashMap<>();
        jdbc.sql("select item_id, score from casework.assessment_score where assessment_id = ? order by item_id")
                .param(assessmentId)
                .query(rs -> {
                    scores.put(rs.getLong(1), rs.getInt(2));
                });
        return jdbc.sql("select * from casework.assessment where id = ? and enrolment_id = ?")
                .params(assessmentId, enrolmentId)
                .query((rs, i) -> new AssessmentView(
                        rs.getLong("id"),
                        rs.getLong("enrolment_id"),
                        rs.getLong("template_id"),
                        rs.getObject("assessed_on", LocalDate.class),
                        rs.getString("assessor"),
                        rs.getString("notes"),
                        Map.copyOf(scores)))
                .optional();
    }

    /**
     * Two assessments of the enrolment side by side: the mean score of each domain and the change from the first to
     * the second. Both must use the same template version.
     */
    AssessmentComparison compare(long enrolmentId, long firstId, long secondId) {
        AssessmentView first = get(enrolmentId, firstId)
                .orElseThrow(() -> BusinessException.notFound("casework.assessment.notFound", firstId));
        AssessmentView second = get(enrolmentId, secondId)
                .orElseThrow(() -> BusinessException.notFound("casework.assessment.notFound", secondId));
        if (first.templateId() != second.templateId()) {
            throw BusinessException.invalid("b", "casework.assessment.differentTemplates");
        }
        if (second.assessedOn().isBefore(first.assessedOn())) {
            AssessmentView swap = first;
            first = second;
            second = swap;
        }
        AssessmentTemplate template = template(first.templateId()).orElseThrow();
        List<AssessmentComparison.DomainChange> changes = new ArrayList<>();
        for (AssessmentTemplate.Domain domain : template.domains()) {
            BigDecimal a = mean(domain, first);
            BigDecimal b = mean(domain, second);
            changes.add(new AssessmentComparison.DomainChange(domain, a, b, b.subtract(a)));
        }
        return new AssessmentComparison(template, first, second, changes);
    }

    static BigDecimal mean(AssessmentTemplate.Domain domain, AssessmentView assessment) {
        int sum = 0;
        for (AssessmentTemplate.Item item : domain.items()) {
            sum += assessment.scores().getOrDefault(item.id(), 0);
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(domain.items().size()), 2, RoundingMode.HALF_UP);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank() || value.length() > 300;
    }
}
