package id.peduli.audit;

import java.time.LocalDate;

/** Filters of the log viewer; every field is optional. Dates are inclusive days in the configured time zone. */
public record AuditFilter(
        String username,
        String action,
        String subjectType,
        String subjectId,
        Long orgUnitId,
        LocalDate from,
        LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    String query() {
        StringBuilder q = new StringBuilder();
        append(q, "username", username);
        append(q, "action", action);
        append(q, "subjectType", subjectType);
        append(q, "subjectId", subjectId);
        append(q, "orgUnitId", orgUnitId == null ? null : orgUnitId.toString());
        append(q, "from", from == null ? null : from.toString());
        append(q, "to", to == null ? null : to.toString());
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null && !value.isBlank()) {
            if (!q.isEmpty()) {
                q.append('&');
            }
            q.append(name)
                    .append('=')
                    .append(java.net.URLEncoder.encode(value.trim(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
