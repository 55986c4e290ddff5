package id.peduli.audit;

import id.peduli.platform.Ui;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit viewer's words for one reader: actions, subject types, fields, purposes and coded values by their labels
 * in the reader's language (from the messages of the modules that declare them, see {@link AuditLabels}), the code
 * itself only where no label exists.
 */
public final class AuditWords {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** A grant as the access module writes it: role, "@", unit id or "*" for every unit. */
    private static final Pattern CODE_AT = Pattern.compile("([A-Z][A-Z0-9_]*)@(\\*|\\d+)");
    /** A code with arguments, see {@link AuditLabels#coded}. */
    private static final Pattern CODE_ARGS = Pattern.compile("([A-Z][A-Z0-9_]*)((?::[\\w.-]{0,60})+)");

    private final Ui ui;
    private final List<String> subjectTypes;
    private final Map<String, List<String>> prefixes;
    private final List<AuditLabels> labels;

    AuditWords(Ui ui, List<AuditLabels> labels) {
        this.ui = ui;
        Set<String> types = new LinkedHashSet<>();
        Map<String, List<String>> merged = new java.util.HashMap<>();
        for (AuditLabels l : labels) {
            types.addAll(l.subjectTypes());
            l.valueKeyPrefixes()
                    .forEach((field, keys) -> merged.computeIfAbsent(field, f -> new ArrayList<>())
                            .addAll(keys));
        }
        Collator collator = Collator.getInstance(ui.locale());
        this.subjectTypes = types.stream()
                .sorted(Comparator.comparing(this::subject, collator))
                .toList();
        this.prefixes = merged;
        this.labels = List.copyOf(labels);
    }

    /** The declared subject types, sorted by their label, for the filter list. */
    public List<String> subjectTypes() {
        return subjectTypes;
    }

    public String action(String code) {
        return labelOr("audit.action." + code, code);
    }

    public String subject(String type) {
        return type == null ? "" : labelOr("audit.subject." + type, type);
    }

    public String field(String name) {
        return name == null ? "" : labelOr("audit.field." + name, name);
    }

    /**
     * The purpose as written, or the label of the purpose code it is (with its arguments), also for a sentence that a
     * module once wrote and now writes as a code.
     */
    public String purpose(String purpose) {
        if (purpose == null) {
            return "";
        }
        for (AuditLabels l : labels) {
            String coded = l.codedPurpose(purpose);
            if (coded != null) {
                return value(AuditLabels.PURPOSE, coded);
            }
        }
        return value(AuditLabels.PURPOSE, purpose);
    }

    /** A changed value: the label of its code when the field's declaring module gives one, else as stored. */
    public String value(String field, String value) {
        if (value == null) {
            return "—";
        }
        for (AuditLabels l : labels) {
            String described = l.describe(field, value);
            if (described != null) {
                return described;
            }
        }
        String labelled = label(field, value);
        if (labelled != null) {
            return labelled;
        }
        if (CODE.matcher(value).matches()) {
            return value;
        }
        Matcher withArgs = CODE_ARGS.matcher(value);
        if (withArgs.matches()) {
            String key = labelKey(field, withArgs.group(1));
            if (key != null) {
                return ui.t(key, (Object[]) withArgs.group(2).substring(1).split(":", -1));
            }
        }
        Matcher at = CODE_AT.matcher(value);
        if (at.matches()) {
            String label = label(field, at.group(1));
            if (label != null) {
                String unit = "*".equals(at.group(2)) ? ui.t("grant.allUnits") : ui.t("audit.unitNumber", at.group(2));
                return label + " · " + unit;
            }
        }
        return value;
    }

    private String label(String field, String code) {
        String key = labelKey(field, code);
        return key == null ? null : ui.t(key);
    }

    private String labelKey(String field, String code) {
        for (String prefix : prefixes.getOrDefault(field, List.of())) {
            if (ui.has(prefix + code)) {
                return prefix + code;
            }
        }
        return null;
    }

    private String labelOr(String key, String fallback) {
        return ui.has(key) ? ui.t(key) : fallback;
    }
}
