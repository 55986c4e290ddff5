package id.peduli.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One entry of the processing log as read back. {@code changes} is the JSON list of changed fields, if any. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        Long userId,
        String username,
        String action,
        String subjectType,
        String subjectId,
        Long orgUnitId,
        String purpose,
        String clientAddress,
        String userAgent,
        String changes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The changed fields for people to read; a value that cannot be read as a list of changes comes back whole. */
    public List<FieldChange> changedFields() {
        if (changes == null || changes.isBlank()) {
            return List.of();
        }
        try {
            JsonNode list = JSON.readTree(changes);
            if (!list.isArray()) {
                return List.of(new FieldChange(null, null, changes));
            }
            List<FieldChange> fields = new ArrayList<>();
            for (JsonNode change : list) {
                fields.add(new FieldChange(text(change, "field"), text(change, "old"), text(change, "new")));
            }
            return fields;
        } catch (JacksonException e) {
            return List.of(new FieldChange(null, null, changes));
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** One changed field: its name, and its value before and after (null when there was none). */
    public record FieldChange(String field, String before, String after) {}
}
