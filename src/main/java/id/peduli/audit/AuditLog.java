package id.peduli.audit;

import id.peduli.platform.PeduliPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes entries to the processing log. Joins the caller's transaction, so an entry is kept exactly when the change
 * it describes is kept. Actor, client address and user agent are taken from the current request and sign-in.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(AuditRecord record) {
        Long userId = record.userId();
        String username = record.username();
        if (username == null) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof PeduliPrincipal principal) {
                userId = principal.userId();
                username = principal.username();
            } else if (authentication != null && authentication.isAuthenticated()) {
                username = authentication.getName();
            }
        }
        String address = record.clientAddress();
        String agent = null;
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            address = request.getRemoteAddr();
            agent = truncate(request.getHeader("User-Agent"), 300);
        }
        String changes = record.hasChanges() ? json.writeValueAsString(changesAsMaps(record.changes())) : null;
        jdbc.sql("""
                        insert into audit.entry (occurred_at, user_id, username, action, subject_type, subject_id,
                            org_unit_id, purpose, client_address, user_agent, changes)
                        values (:at, :userId, :username, :action, :subjectType, :subjectId, :unit, :purpose,
                            :address, :agent, cast(:changes as jsonb))
                        """)
                .param("at", Timestamp.from(clock.instant()))
                .param("userId", userId)
                .param("username", truncate(username, 100))
                .param("action", record.action().name())
                .param("subjectType", record.subjectType())
                .param("subjectId", truncate(record.subjectId(), 100))
                .param("unit", record.orgUnitId())
                .param("purpose", truncate(record.purpose(), 500))
                .param("address", truncate(address, 64))
                .param("agent", agent)
                .param("changes", changes)
                .update();
    }

    /**
     * The client address of the current request, or null outside a request. A module that starts background work on
     * behalf of a request keeps it and passes it to {@link AuditRecord#clientAddress} for the entries that work writes.
     */
    public static String requestAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr()
                : null;
    }

    private static List<Map<String, Object>> changesAsMaps(List<AuditRecord.Change> changes) {
        return changes.stream()
                .map(c -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("field", c.field());
                    m.put("old", c.before());
                    m.put("new", c.after());
                    if (c.masked()) {
                        m.put("masked", true);
                    }
                    return m;
                })
                .toList();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
