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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the processing log back, filtered and paged, newest first. */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    AuditTrail(JdbcClient jdbc, @Value("${peduli.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    public PageResult<AuditEntry> search(AuditFilter filter, int page, int size) {
        int pageSize = PageResult.clampSize(size);
        int pageNumber = Math.max(0, page);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
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
        long total = jdbc.sql("select count(*) from audit.entry" + clause)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditEntry> items = jdbc.sql("select * from audit.entry" + clause
                        + " order by occurred_at desc, id desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageSize)
                .param("offset", (long) pageNumber * pageSize)
                .query(AuditTrail::map)
                .list();
        return new PageResult<>(items, pageNumber, pageSize, total);
    }

    public List<String> actions() {
        return java.util.Arrays.stream(AuditAction.values()).map(Enum::name).toList();
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
