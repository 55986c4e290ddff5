package id.peduli.innovation.period;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The set-up page edits categories, rubric aspects and quota floors as rows of fields ({@code cat[3].code}, {@code
 * asp[3].weight}, {@code quota[3].minimum} …); {@link Periods} takes them as the lines of {@link PeriodForm}, which
 * is also what the API sends. This class turns the rows of a request into those lines, and lines back into rows to
 * show (leniently: a refused form is shown again exactly as typed).
 */
public final class PeriodRows {

    /** A category row. */
    public record CategoryRow(String code, String name) {}

    /** A rubric aspect row; {@code anchors} one description per line. */
    public record AspectRow(String code, String name, String weight, List<String> groups, String anchors) {

        public boolean answeredBy(String group) {
            return groups.contains(group);
        }
    }

    /** A quota floor row. */
    public record QuotaRow(String dimension, String value, String minimum) {}

    /** The request parameter telling that the form was sent as rows. */
    static final String MARKER = "rows";

    private static final Pattern ROW = Pattern.compile("(cat|asp|quota)\\[(\\d{1,19})]\\.(\\w+)");

    private PeriodRows() {}

    /**
     * The form with its categories, aspects and quota floors taken from the rows of {@code params}, when the page sent
     * rows; otherwise the form as it came. Rows left entirely blank are dropped; rows are kept in the order of their
     * index (rows added on the page get a larger index than the ones shown).
     */
    public static PeriodForm fromRows(PeriodForm form, Map<String, String[]> params) {
        if (!params.containsKey(MARKER)) {
            return form;
        }
        Map<String, TreeMap<Long, Map<String, String>>> rows = new TreeMap<>();
        params.forEach((name, values) -> {
            Matcher m = ROW.matcher(name);
            if (m.matches()) {
                rows.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                        .computeIfAbsent(Long.parseLong(m.group(2)), k -> new java.util.HashMap<>())
                        .put(
                                m.group(3),
                                String.join(
                                        ",",
                                        Arrays.stream(values)
                                                .map(PeriodRows::cell)
                                                .toList()));
            }
        });
        return new PeriodForm(
                form.year(),
                form.title(),
                form.registrationOpens(),
                form.unitDeadline(),
                form.submitDeadline(),
                form.screeningDeadline(),
                form.assessmentDeadline(),
                form.objectionDays(),
                form.passMark(),
                form.topFirst(),
                form.topFinal(),
                form.weightAssessment(),
                form.weightPresentation(),
                form.weightField(),
                lines(rows.get("cat"), "code", "name"),
                aspectLines(rows.get("asp")),
                lines(rows.get("quota"), "dimension", "value", "minimum"),
                form.version());
    }

    private static String lines(TreeMap<Long, Map<String, String>> rows, String... cells) {
        if (rows == null) {
            return "";
        }
        return rows.values().stream()
                .filter(r -> Arrays.stream(cells)
                        .anyMatch(c -> !r.getOrDefault(c, "").isBlank()))
                .map(r -> Arrays.stream(cells).map(c -> r.getOrDefault(c, "")).collect(Collectors.joining(" | ")))
                .collect(Collectors.joining("\n"));
    }

    private static String aspectLines(TreeMap<Long, Map<String, String>> rows) {
        if (rows == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : rows.values()) {
            String code = r.getOrDefault("code", "");
            String name = r.getOrDefault("name", "");
            String weight = r.getOrDefault("weight", "");
            String anchors = r.getOrDefault("anchors", "")
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .map(l -> l.replace(";", ","))
                    .collect(Collectors.joining(" ; "));
            if (code.isBlank() && name.isBlank() && weight.isBlank() && anchors.isBlank()) {
                continue;
            }
            out.add(code + " | " + weight + " | " + r.getOrDefault("groups", "") + " | " + name + " | " + anchors);
        }
        return String.join("\n", out);
    }

    /** A cell as typed, without the line and cell separators of the lines format. */
    private static String cell(String value) {
        return value == null ? "" : value.replace('|', '/').strip();
    }

    // ------------------------------------------------------------------------------------------------ to show

    public static List<CategoryRow> categories(PeriodForm form) {
        return split(form.categories(), 2).stream()
                .map(c -> new CategoryRow(c[0], c[1]))
                .toList();
    }

    public static List<AspectRow> aspects(PeriodForm form) {
        return split(form.aspects(), 5).stream()
                .map(c -> new AspectRow(
                        c[0],
                        c[3],
                        c[1],
                        Arrays.stream(c[2].split(","))
                                .map(String::strip)
                                .filter(g -> !g.isEmpty())
                                .toList(),
                        String.join("\n", c[4].split("\\s*;\\s*"))))
                .toList();
    }

    public static List<QuotaRow> quotas(PeriodForm form) {
        return split(form.quotaFloors(), 3).stream()
                .map(c -> new QuotaRow(c[0], c[1], c[2]))
                .toList();
    }

    /** The dimensions a quota floor may count by, as codes for the select. */
    public static List<String> dimensions() {
        return Arrays.stream(Period.QuotaDimension.values()).map(Enum::name).toList();
    }

    /** The participant types a quota floor may name, as codes for the suggestions. */
    public static List<String> participantTypes() {
        return Arrays.stream(ParticipantType.values()).map(Enum::name).toList();
    }

    /** The groups a rubric aspect may be answered by, as codes for the check boxes. */
    public static List<String> groups() {
        return Arrays.stream(ProposalGroup.values()).map(Enum::name).toList();
    }

    private static List<String[]> split(String text, int cells) {
        List<String[]> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = Arrays.copyOf(line.split("\\|", cells), cells);
            for (int i = 0; i < cells; i++) {
                parts[i] = parts[i] == null ? "" : parts[i].strip();
            }
            out.add(parts);
        }
        return out;
    }
}
