package id.peduli.audit;

import id.peduli.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the processing log back, filtered and paged, newest first. The viewer's search is limited to the entries the
 * reader may see ({@link AuditScope}); counting stops at {@link #COUNT_LIMIT}, so that a page never counts the whole
 * table.
 */
@Service
public class AuditTrail {

    /** Matching entries are counted up to this many; beyond it the total reads "more than". */
    public static final int COUNT_LIMIT = 10_000;

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final ObjectProvider<AuditScope> scope;
    private final ObjectProvider<AuditActions> declaredActions;

    AuditTrail(
            JdbcClient jdbc,
            @Value("${peduli.time-zone}") String zone,
            ObjectProvider<AuditScope> scope,
            ObjectProvider<AuditActions> declaredActions) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
        this.scope = scope;
        this.declaredActions = declaredActions;
    }

    /** What the current user may read of the log; nothing when no module answers. */
    public AuditScope.Visible visible() {
        AuditScope answer = scope.getIfAvailable();
        return answer == null ? AuditScope.Visible.nothing() : answer.visibleToCurrentUser();
    }

    /**
     * The log viewer's search: the entries matching {@code filter} among those the current user may read (an
     * auditor or DPO of a unit: that unit's subtree; a national one: everything).
     */
    public PageResult<AuditEntry> search(AuditFilter filter, int page, int size) {
        return search(filter, page, size, visible());
    }

    /**
     * The entries about one record, newest first, for a module that has itself checked that the current user may
     * read that record (the history of a person's profile).
     */
    public List<AuditEntry> history(String subjectType, String subjectId, int limit) {
        return jdbc.sql("select * from audit.entry where subject_type = ? and subject_id = ?"
                        + " order by occurred_at desc, id desc limit ?")
                .params(subjectType, subjectId, Math.max(1, Math.min(limit, 500)))
                .query(AuditTrail::map)
                .list();
    }

    PageResult<AuditEntry> search(AuditFilter filter, int page, int size, AuditScope.Visible visible) {
        int pageSize = PageResult.clampSize(size);
        int pageNumber = PageResult.clampPage(page, pageSize);
        if (visible.none()) {
            return new PageResult<>(List.of(), pageNumber, pageSize, 0);
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!visible.all()) {
            where.add("org_unit_id in (:visibleUnits)");
            params.put("visibleUnits", List.copyOf(visible.units()));
        }
        if (notBlank(filter.username())) {
            where.add("lower(username) = lower(:username)");
            params.put("username", filter.username().trim());
        }
        if (notBlank(filter.action())) {
            where.add("action = :action");
            params.put("action", filter.action().trim());
        }
        if (notBlank(filter.subjectType())) {
            where.add("subject_type = :subjectType");
            params.put("subjectType", filter.subjectType().trim());
        }
        if (notBlank(filter.subjectId())) {
            where.add("subject_id = :subjectId");
            params.put("subjectId", filter.subjectId().trim());
        }
        if (filter.orgUnitId() != null) {
            where.add("org_unit_id = :unit");
            params.put("unit", filter.orgUnitId());
        }
        if (filter.from() != null) {
            where.add("occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.add("occurred_at < :to");
            params.put(
                    "to",
                    Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        // Counted up to the limit only: the log grows without end, and a page must not read all of it.
        long counted = jdbc.sql("select count(*) from (select 1 from audit.entry" + clause + " limit :countLimit) c")
                .params(params)
                .param("countLimit", COUNT_LIMIT + 1)
                .query(Long.class)
                .single();
        boolean exact = counted <= COUNT_LIMIT;
        long total = Math.min(counted, COUNT_LIMIT);
        long offset = PageResult.offset(pageNumber, pageSize);
        if (offset >= total) {
            return new PageResult<>(List.of(), pageNumber, pageSize, total, exact);
        }
        List<AuditEntry> items = jdbc.sql("select * from audit.entry" + clause
                        + " order by occurred_at desc, id desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageSize)
                .param("offset", offset)
                .query(AuditTrail::map)
                .list();
        return new PageResult<>(items, pageNumber, pageSize, total, exact);
    }

    /**
     * The log entry for reading the log: what was asked for (each filter and the page, as fields the viewer shows in
     * words: an action filter by its label), never what was found.
     */
    static AuditRecord readRecord(AuditFilter filter, int page) {
        AuditRecord record = AuditRecord.of(AuditAction.VIEW, "AuditLog", null);
        filtered(record, "username", filter.username());
        filtered(record, "action", filter.action());
        filtered(record, "subjectType", filter.subjectType());
        filtered(record, "subjectId", filter.subjectId());
        filtered(record, "orgUnitId", filter.orgUnitId());
        filtered(record, "from", filter.from());
        filtered(record, "to", filter.to());
        return record.change("page", null, page + 1);
    }

    private static void filtered(AuditRecord record, String field, Object value) {
        if (value != null && !value.toString().isBlank()) {
            record.change(field, null, value.toString());
        }
    }

    /** The codes of the general actions, then those the modules declare through {@link AuditActions}. */
    public List<String> actions() {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        AuditAction.GENERAL.forEach(a -> codes.add(a.code()));
        declaredActions.orderedStream().forEach(d -> d.actions().forEach(a -> codes.add(a.code())));
        return List.copyOf(codes);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    static AuditEntry map(ResultSet rs, int i) throws SQLException {
        long user = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : user;
        long unit = rs.getLong("org_unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                userId,
                rs.getString("username"),
                rs.getString("action"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                unitId,
                rs.getString("purpose"),
                rs.getString("client_address"),
                rs.getString("user_agent"),
                rs.getString("changes"));
    }
}
