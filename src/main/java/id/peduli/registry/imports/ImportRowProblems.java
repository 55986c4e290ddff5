package id.peduli.registry.imports;

/** The problems of one import row, collected as a JSON array of {@code [column, "E"|"W", key, [args]]}. */
final class ImportRowProblems {

    private final StringBuilder json = new StringBuilder();
    private final java.util.EnumSet<ImportField> fields = java.util.EnumSet.noneOf(ImportField.class);
    private boolean anyError;
    private boolean anyWarning;

    void error(ImportField field, String key, Object... args) {
        add(field, "E", key, args);
        anyError = true;
    }

    void warning(ImportField field, String key, Object... args) {
        add(field, "W", key, args);
        anyWarning = true;
    }

    boolean has(ImportField field) {
        return fields.contains(field);
    }

    private void add(ImportField field, String severity, String key, Object... args) {
        fields.add(field);
        json.append(json.isEmpty() ? "[" : ",");
        json.append("[\"")
                .append(field.column())
                .append("\",\"")
                .append(severity)
                .append("\",\"");
        json.append(key).append("\",[");
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            ImportCopyText.jsonString(json, String.valueOf(args[i]));
        }
        json.append("]]");
    }

    String json() {
        return json.isEmpty() ? null : json + "]";
    }

    boolean hasErrors() {
        return anyError;
    }

    boolean hasWarnings() {
        return anyWarning;
    }
}
