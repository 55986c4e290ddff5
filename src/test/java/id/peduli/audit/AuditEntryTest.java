package id.peduli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.audit.AuditEntry.FieldChange;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    @Test
    void changedFieldsAreReadFromTheStoredList() {
        AuditEntry entry = withChanges("""
                [{"field": "name", "old": "Unit Lama", "new": "Unit Baru"},
                 {"field": "grant", "old": null, "new": "SITE_MENTOR@3"},
                 {"field": "password", "old": "••••", "new": "••••", "masked": true}]""");

        assertThat(entry.changedFields())
                .containsExactly(
                        new FieldChange("name", "Unit Lama", "Unit Baru"),
                        new FieldChange("grant", null, "SITE_MENTOR@3"),
                        new FieldChange("password", "••••", "••••"));
    }

    @Test
    void anEntryWithoutChangesHasNoChangedFields() {
        assertThat(withChanges(null).changedFields()).isEmpty();
    }

    @Test
    void somethingThatIsNotAListOfChangesIsShownWhole() {
        assertThat(withChanges("{\"note\": \"x\"}").changedFields())
                .containsExactly(new FieldChange(null, null, "{\"note\": \"x\"}"));
        assertThat(withChanges("not json").changedFields()).containsExactly(new FieldChange(null, null, "not json"));
    }

    private static AuditEntry withChanges(String changes) {
        return new AuditEntry(1, null, null, "admin", "UPDATE", "OrgUnit", "7", null, null, null, null, changes);
    }
}
