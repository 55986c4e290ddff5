package id.peduli.audit;

import java.util.List;
import java.util.Map;

/**
 * Contribution: the words the audit viewer needs to show a module's entries in the reader's language. A module
 * publishes one bean naming the subject types it writes (the viewer shows the message {@code audit.subject.<Type>},
 * which the module adds to its own messages, and offers the types as a list to filter by) and, for changed fields
 * and purposes that hold a code, the message-key prefixes of their labels ({@code "basis" -> "basis."} shows
 * {@code CONSENT} as the label of {@code basis.CONSENT}). A field's own name is shown as the message
 * {@code audit.field.<field>} when there is one.
 *
 * <p>A purpose the system writes itself (not one a user chose or typed) is a code, never a sentence: either a plain
 * code ({@code SERVICE_DELIVERY}) or a code with arguments made by {@link #coded} ({@code LOCKOUT:15:5}), whose label
 * takes the arguments as <code>{0}</code>, <code>{1}</code>… A module that wrote sentences in an older version
 * translates them back into codes with {@link #codedPurpose}, so its old entries read in words too.
 */
public interface AuditLabels {

    /** The purpose of an entry, as a key of {@link #valueKeyPrefixes()}. */
    String PURPOSE = "purpose";

    /**
     * A purpose code with arguments, {@code CODE:arg:arg}: each argument a number or a short word without spaces or
     * colons (anything else would not be shown through the label).
     */
    static String coded(String code, Object... args) {
        StringBuilder purpose = new StringBuilder(code);
        for (Object arg : args) {
            purpose.append(':').append(arg);
        }
        return purpose.toString();
    }

    /** The subject types this module writes to the log, e.g. {@code Person}. */
    List<String> subjectTypes();

    /** Per changed field (or {@link #PURPOSE}), the message-key prefixes of the labels of its coded values. */
    default Map<String, List<String>> valueKeyPrefixes() {
        return Map.of();
    }

    /**
     * The code form ({@link #coded}) of a purpose this module wrote as a sentence in an older version, or null when
     * the purpose is not one of those.
     */
    default String codedPurpose(String purpose) {
        return null;
    }

    /**
     * A readable form of a value of {@code field} that no message can give (a region code: its name), or null when
     * this module has none. Called for the values shown on one page of the viewer.
     */
    default String describe(String field, String value) {
        return null;
    }
}
