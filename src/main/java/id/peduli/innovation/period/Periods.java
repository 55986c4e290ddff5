package id.peduli.innovation.period;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.innovation.period.Period.Aspect;
import id.peduli.innovation.period.Period.Category;
import id.peduli.innovation.period.Period.QuotaDimension;
import id.peduli.innovation.period.Period.QuotaFloor;
import id.peduli.shared.BusinessException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Competition periods (S0): set-up by the secretariat, copying from the previous year, lookups for every stage. */
@Service
public class Periods {

    public static final AuditAction SETUP = AuditAction.of("PERIOD_SETUP");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Periods(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Period> list() {
        return jdbc.sql("select * from innovation.period order by year desc").query((rs, n) -> map(rs)).list().stream()
                .map(this::withParts)
                .toList();
    }

    public Optional<Period> find(long id) {
        return jdbc.sql("select * from innovation.period where id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional()
                .map(this::withParts);
    }

    public Period get(long id) {
        return find(id).orElseThrow(() -> BusinessException.notFound("innovation.period.notFound", id));
    }

    public Optional<Period> byYear(int year) {
        return jdbc.sql("select id from innovation.period where year = ?")
                .param(year)
                .query(Long.class)
                .optional()
                .flatMap(this::find);
    }

    /** The period taking proposals on {@code today}, else the latest one. */
    public Optional<Period> current(LocalDate today) {
        return jdbc.sql("""
                        select id from innovation.period order by (registration_opens <= :today and :today <=
                            assessment_deadline) desc, year desc limit 1
                        """)
                .param("today", Date.valueOf(today))
                .query(Long.class)
                .optional()
                .flatMap(this::find);
    }

    @Transactional
    public Period create(PeriodForm form) {
        Parsed parsed = parse(form);
        long id;
        try {
            id = jdbc.sql("""
                            insert into innovation.period (year, title, registration_opens, unit_deadline,
                                submit_deadline, screening_deadline, assessment_deadline, objection_days, pass_mark,
                                top_first, top_final, weight_assessment, weight_presentation, weight_field)
                            values (:year, :title, :opens, :unit, :submit, :screening, :assessment, :objection,
                                :pass, :first, :final, :wa, :wp, :wf)
                            returning id
                            """).paramSource(params(form)).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("year", "innovation.period.yearTaken", form.year());
        }
        writeParts(id, parsed);
        audit.record(AuditRecord.of(SETUP, "Period", id)
                .change("year", null, form.year())
                .change("passMark", null, form.passMark()));
        return get(id);
    }

    @Transactional
    public Period update(long id, PeriodForm form) {
        Period current = get(id);
        Parsed parsed = parse(form);
        var params = params(form);
        params.put("id", id);
        params.put("version", form.version() == null ? -1 : form.version());
        int updated;
        try {
            updated = jdbc.sql("""
                            update innovation.period set year = :year, title = :title, registration_opens = :opens,
                                unit_deadline = :unit, submit_deadline = :submit, screening_deadline = :screening,
                                assessment_deadline = :assessment, objection_days = :objection, pass_mark = :pass,
                                top_first = :first, top_final = :final, weight_assessment = :wa,
                                weight_presentation = :wp, weight_field = :wf, version = version + 1
                            where id = :id and version = :version
                            """).paramSource(params).update();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("year", "innovation.period.yearTaken", form.year());
        }
        if (updated == 0) {
            throw new OptimisticLockingFailureException("period " + id + " changed");
        }
        jdbc.sql("delete from innovation.period_category where period_id = ?")
                .param(id)
                .update();
        jdbc.sql("delete from innovation.rubric_aspect where period_id = ?")
                .param(id)
                .update();
        jdbc.sql("delete from innovation.quota_floor where period_id = ?")
                .param(id)
                .update();
        writeParts(id, parsed);
        audit.record(AuditRecord.of(SETUP, "Period", id)
                .change("year", current.year(), form.year())
                .change("passMark", current.passMark(), form.passMark())
                .change("topFirst", current.topFirst(), form.topFirst())
                .change("topFinal", current.topFinal(), form.topFinal()));
        return get(id);
    }

    /** A new period for {@code year} with the settings of {@code source}, every date moved by the years between. */
    @Transactional
    public Period copy(long sourceId, int year) {
        Period source = get(sourceId);
        int shift = year - source.year();
        PeriodForm form = PeriodForm.of(source);
        return create(new PeriodForm(
                year,
                source.title().replace(String.valueOf(source.year()), String.valueOf(year)),
                source.registrationOpens().plusYears(shift),
                source.unitDeadline().plusYears(shift),
                source.submitDeadline().plusYears(shift),
                source.screeningDeadline().plusYears(shift),
                source.assessmentDeadline().plusYears(shift),
                form.objectionDays(),
                form.passMark(),
                form.topFirst(),
                form.topFinal(),
                form.weightAssessment(),
                form.weightPresentation(),
                form.weightField(),
                form.categories(),
                form.aspects(),
                form.quotaFloors(),
                null));
    }

    @Transactional
    public void openObjectionWindow(long periodId, java.time.Instant at) {
        jdbc.sql("update innovation.period set objection_opens_at = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(at), periodId)
                .update();
    }

    @Transactional
    void closeAssessment(long periodId, boolean closed) {
        jdbc.sql("update innovation.period set assessment_closed = ?, version = version + 1 where id = ?")
                .params(closed, periodId)
                .update();
    }

    // ------------------------------------------------------------------------------------------------ parsing

    record Parsed(List<Category> categories, List<Aspect> aspects, List<QuotaFloor> quotas) {}

    /** Checks the whole form before anything is written; the first problem is refused with its field. */
    static Parsed parse(PeriodForm form) {
        if (form.year() == null || form.year() < 2000 || form.year() > 2100) {
            throw BusinessException.invalid("year", "innovation.period.yearInvalid");
        }
        if (form.title() == null || form.title().isBlank() || form.title().length() > 200) {
            throw BusinessException.invalid("title", "validation.required");
        }
        LocalDate[] dates = {
            form.registrationOpens(),
            form.unitDeadline(),
            form.submitDeadline(),
            form.screeningDeadline(),
            form.assessmentDeadline()
        };
        String[] names = {
            "registrationOpens", "unitDeadline", "submitDeadline", "screeningDeadline", "assessmentDeadline"
        };
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] == null) {
                throw BusinessException.invalid(names[i], "validation.required");
            }
            if (i > 0 && dates[i].isBefore(dates[i - 1])) {
                throw BusinessException.invalid(names[i], "innovation.period.datesOrder");
            }
        }
        if (form.passMark() == null || form.passMark() < 0 || form.passMark() > 100) {
            throw BusinessException.invalid("passMark", "innovation.period.passMarkInvalid");
        }
        if (form.topFirst() == null
                || form.topFirst() < 1
                || form.topFinal() == null
                || form.topFinal() < 1
                || form.topFinal() > form.topFirst()) {
            throw BusinessException.invalid("topFinal", "innovation.period.topInvalid");
        }
        if (form.objectionDays() == null || form.objectionDays() < 1 || form.objectionDays() > 60) {
            throw BusinessException.invalid("objectionDays", "innovation.period.objectionInvalid");
        }
        int wa = nz(form.weightAssessment());
        int wp = nz(form.weightPresentation());
        int wf = nz(form.weightField());
        if (wa < 0 || wp < 0 || wf < 0 || wa + wp + wf != 100) {
            throw BusinessException.invalid("weightAssessment", "innovation.period.weightsInvalid");
        }
        List<Category> categories = new ArrayList<>();
        for (String[] cells : lines(form.categories(), 2, "categories")) {
            requireCode(cells[0], "categories");
            categories.add(new Category(cells[0], cells[1]));
        }
        if (categories.isEmpty()) {
            throw BusinessException.invalid("categories", "innovation.period.categoriesRequired");
        }
        List<Aspect> aspects = new ArrayList<>();
        for (String[] cells : lines(form.aspects(), 3, 5, "aspects")) {
            requireCode(cells[0], "aspects");
            int weight = integer(cells[1], "aspects");
            if (weight < 0 || weight > 100) {
                throw BusinessException.invalid("aspects", "innovation.period.lineInvalid", String.join(" | ", cells));
            }
            List<ProposalGroup> groups = new ArrayList<>();
            for (String g : cells[2].split(",")) {
                groups.add(parseEnum(ProposalGroup.class, g.trim(), "aspects"));
            }
            String name = cells.length > 3 ? cells[3] : "";
            String anchors = cells.length > 4 ? String.join("\n", cells[4].split("\\s*;\\s*")) : "";
            if (name.length() > 200 || anchors.length() > 4000) {
                throw BusinessException.invalid("aspects", "innovation.period.lineInvalid", cells[0]);
            }
            aspects.add(new Aspect(cells[0], weight, List.copyOf(groups), name, anchors.strip()));
        }
        int common = aspects.stream()
                .filter(a -> a.groups().containsAll(PeriodDefaults.ALL))
                .mapToInt(Aspect::weight)
                .sum();
        // every group answers the shared aspects, so every group has a rubric of weight 100 at least
        if (common != 100) {
            throw BusinessException.invalid("aspects", "innovation.period.rubricWeights", common);
        }
        List<QuotaFloor> quotas = new ArrayList<>();
        for (String[] cells : lines(form.quotaFloors(), 3, "quotaFloors")) {
            QuotaDimension dimension = parseEnum(QuotaDimension.class, cells[0], "quotaFloors");
            int minimum = integer(cells[2], "quotaFloors");
            if (minimum < 0 || minimum > form.topFirst()) {
                throw BusinessException.invalid(
                        "quotaFloors", "innovation.period.lineInvalid", String.join(" | ", cells));
            }
            String value = quotaValue(dimension, cells[1], categories);
            if (value == null) {
                throw BusinessException.invalid(
                        "quotaFloors", "innovation.period.lineInvalid", String.join(" | ", cells));
            }
            quotas.add(new QuotaFloor(dimension, value, minimum));
        }
        requireUnique(categories.stream().map(Category::code).toList(), "categories");
        requireUnique(aspects.stream().map(Aspect::code).toList(), "aspects");
        requireUnique(quotas.stream().map(q -> q.dimension() + "|" + q.value()).toList(), "quotaFloors");
        return new Parsed(categories, aspects, quotas);
    }

    /** The value of a quota floor as stored, or null when it names nothing of its dimension. */
    private static String quotaValue(QuotaDimension dimension, String text, List<Category> categories) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return switch (dimension) {
            case CATEGORY -> categories.stream().anyMatch(c -> c.code().equals(upper)) ? upper : null;
            case GROUP ->
                Arrays.stream(ProposalGroup.values()).anyMatch(g -> g.name().equals(upper)) ? upper : null;
            case PARTICIPANT_TYPE ->
                Arrays.stream(ParticipantType.values()).anyMatch(t -> t.name().equals(upper)) ? upper : null;
            case THREE_T -> upper.equals("TRUE") || upper.equals("FALSE") ? upper.toLowerCase(Locale.ROOT) : null;
        };
    }

    private static List<String[]> lines(String text, int cells, String field) {
        return lines(text, cells, cells, field);
    }

    /** Lines of {@code min} to {@code max} cells; the cells up to {@code min} must not be empty. */
    private static List<String[]> lines(String text, int min, int max, String field) {
        List<String[]> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts =
                    Arrays.stream(line.split("\\|", max)).map(String::trim).toArray(String[]::new);
            if (parts.length < min || Arrays.stream(parts).limit(min).anyMatch(String::isEmpty)) {
                throw BusinessException.invalid(field, "innovation.period.lineInvalid", line.trim());
            }
            out.add(parts);
        }
        return out;
    }

    private static void requireCode(String code, String field) {
        if (!CODE.matcher(code).matches()) {
            throw BusinessException.invalid(field, "innovation.period.codeInvalid", code);
        }
    }

    private static void requireUnique(List<String> keys, String field) {
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (!seen.add(key)) {
                throw BusinessException.invalid(field, "innovation.period.duplicateLine", key);
            }
        }
    }

    private static int integer(String text, String field) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw BusinessException.invalid(field, "innovation.period.lineInvalid", text);
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid(field, "innovation.period.lineInvalid", text);
        }
    }

    private static int nz(Integer value) {
        return value == null ? -1 : value;
    }

    private static java.util.Map<String, Object> params(PeriodForm form) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("year", form.year());
        p.put("title", form.title().trim());
        p.put("opens", Date.valueOf(form.registrationOpens()));
        p.put("unit", Date.valueOf(form.unitDeadline()));
        p.put("submit", Date.valueOf(form.submitDeadline()));
        p.put("screening", Date.valueOf(form.screeningDeadline()));
        p.put("assessment", Date.valueOf(form.assessmentDeadline()));
        p.put("objection", form.objectionDays());
        p.put("pass", form.passMark());
        p.put("first", form.topFirst());
        p.put("final", form.topFinal());
        p.put("wa", form.weightAssessment());
        p.put("wp", form.weightPresentation());
        p.put("wf", form.weightField());
        return p;
    }

    private void writeParts(long id, Parsed parsed) {
        int i = 0;
        for (Category c : parsed.categories()) {
            jdbc.sql("insert into innovation.period_category (period_id, code, name, ordinal) values (?, ?, ?, ?)")
                    .params(id, c.code(), c.name(), i++)
                    .update();
        }
        i = 0;
        for (Aspect a : parsed.aspects()) {
            jdbc.sql("insert into innovation.rubric_aspect (period_id, code, weight, groups, ordinal, name, anchors) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            a.code(),
                            a.weight(),
                            String.join(",", a.groups().stream().map(Enum::name).toList()),
                            i++,
                            a.name(),
                            a.anchors())
                    .update();
        }
        for (QuotaFloor q : parsed.quotas()) {
            jdbc.sql("insert into innovation.quota_floor (period_id, dimension, value, minimum) values (?, ?, ?, ?)")
                    .params(id, q.dimension().name(), q.value(), q.minimum())
                    .update();
        }
    }

    private Period withParts(Period p) {
        List<Category> categories = jdbc.sql(
                        "select code, name from innovation.period_category where period_id = ? order by ordinal")
                .param(p.id())
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2)))
                .list();
        List<Aspect> aspects = jdbc.sql(
                        "select code, weight, groups, name, anchors from innovation.rubric_aspect where period_id = ? "
                                + "order by ordinal")
                .param(p.id())
                .query((rs, n) -> new Aspect(
                        rs.getString(1),
                        rs.getInt(2),
                        Arrays.stream(rs.getString(3).split(","))
                                .map(ProposalGroup::valueOf)
                                .toList(),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
        List<QuotaFloor> quotas = jdbc.sql("select dimension, value, minimum from innovation.quota_floor where "
                        + "period_id = ? order by dimension, value")
                .param(p.id())
                .query((rs, n) ->
                        new QuotaFloor(QuotaDimension.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3)))
                .list();
        return new Period(
                p.id(),
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
                p.scaleMax(),
                p.objectionOpensAt(),
                p.assessmentClosed(),
                p.version(),
                categories,
                aspects,
                quotas);
    }

    private static Period map(ResultSet rs) throws SQLException {
        Timestamp opens = rs.getTimestamp("objection_opens_at");
        return new Period(
                rs.getLong("id"),
                rs.getInt("year"),
                rs.getString("title"),
                rs.getDate("registration_opens").toLocalDate(),
                rs.getDate("unit_deadline").toLocalDate(),
                rs.getDate("submit_deadline").toLocalDate(),
                rs.getDate("screening_deadline").toLocalDate(),
                rs.getDate("assessment_deadline").toLocalDate(),
                rs.getInt("objection_days"),
                rs.getDouble("pass_mark"),
                rs.getInt("top_first"),
                rs.getInt("top_final"),
                rs.getInt("weight_assessment"),
                rs.getInt("weight_presentation"),
                rs.getInt("weight_field"),
                rs.getInt("scale_max"),
                opens == null ? null : opens.toInstant(),
                rs.getBoolean("assessment_closed"),
                rs.getInt("version"),
                List.of(),
                List.of(),
                List.of());
    }
}
