package id.peduli.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry to write: action, subject, organisation unit, purpose and, for changes, the fields that changed.
 * Built fluently: {@code AuditRecord.of(AuditAction.UPDATE, "OrgUnit", id).unit(id).change("name", a, b)}.
 */
public final class AuditRecord {

    private final AuditAction action;
    private final String subjectType;
    private final String subjectId;
    private Long orgUnitId;
    private String purpose;
    private String username;
    private Long userId;
    private String clientAddress;
    private final List<Change> changes = new ArrayList<>();

    private AuditRecord(AuditAction action, String subjectType, String subjectId) {
        this.action = Objects.requireNonNull(action);
        this.subjectType = subjectType;
        this.subjectId = subjectId;
    }

    public static AuditRecord of(AuditAction action, String subjectType, Object subjectId) {
        return new AuditRecord(action, subjectType, subjectId == null ? null : String.valueOf(subjectId));
    }

    public AuditRecord unit(Long orgUnitId) {
        this.orgUnitId = orgUnitId;
        return this;
    }

    public AuditRecord purpose(String purpose) {
        this.purpose = purpose;
        return this;
    }

    /** Names the actor when there is no signed-in user yet (failed sign-in, lockout). */
    public AuditRecord actor(Long userId, String username) {
        this.userId = userId;
        this.username = username;
        return this;
    }

    /**
     * The client address of the request that started the work, for an entry written outside any request (a
     * background job such as an import): capture it with {@link AuditLog#requestAddress()} when the job is started.
     * Ignored when the entry is written during a request, whose own address is taken.
     */
    public AuditRecord clientAddress(String clientAddress) {
        this.clientAddress = clientAddress;
        return this;
    }

    /** Records a changed field; nothing is recorded when old and new are equal. */
    public AuditRecord change(String field, Object oldValue, Object newValue) {
        String before = oldValue == null ? null : String.valueOf(oldValue);
        String after = newValue == null ? null : String.valueOf(newValue);
        if (!Objects.equals(before, after)) {
            changes.add(new Change(field, before, after, false));
        }
        return this;
    }

    /** Records that a sensitive field changed without writing its values. */
    public AuditRecord sensitiveChange(String field, boolean changed) {
        if (changed) {
            changes.add(new Change(field, "••••", "••••", true));
        }
        return this;
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    AuditAction action() {
        return action;
    }

    String subjectType() {
        return subjectType;
    }

    String subjectId() {
        return subjectId;
    }

    Long orgUnitId() {
        return orgUnitId;
    }

    String purpose() {
        return purpose;
    }

    String username() {
        return username;
    }

    Long userId() {
        return userId;
    }

    String clientAddress() {
        return clientAddress;
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    record Change(String field, String before, String after, boolean masked) {}
}
