package id.peduli.registry.imports;

import java.util.HexFormat;

/**
 * Writes values as PostgreSQL COPY text (tab-separated, backslash escapes, {@code \\N} for null, bytea as hex) and as
 * JSON strings, for the staging lines of an import.
 */
final class ImportCopyText {

    private static final HexFormat HEX = HexFormat.of();

    private ImportCopyText() {}

    static void field(StringBuilder out, String value) {
        escaped(out, value);
        out.append('\t');
    }

    static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }

    static void last(StringBuilder out, String value) {
        escaped(out, value);
        out.append('\n');
    }

    static void bytes(StringBuilder out, byte[] value) {
        if (value == null) {
            out.append("\\N\t");
        } else {
            out.append("\\\\x").append(HEX.formatHex(value)).append('\t');
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
    static void escaped(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    static void jsonString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
