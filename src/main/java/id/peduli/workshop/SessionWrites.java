package id.peduli.workshop;

import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the entries of a batch that {@link SessionRecorder} has checked, in a few statements for the whole batch
 * (arrays unnested by PostgreSQL) inside the recorder's transaction: the sessions of the days, the claims of the entry
 * ids (an id another request claimed meanwhile is not written again), attendance (one row per session and
 * participant: present when any entry says so) and the production lines. The audit log gets one record per session
 * written to, with the number of entries and lines.
 */
@Component
class SessionWrites {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    SessionWrites(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A checked entry: its place in the batch, the site, the day, the participant's person and presence. */
    record Accepted(int index, SessionEntry entry, long siteId, LocalDate day, long personId, boolean present) {
        String sessionKey() {
            return siteId + "/" + day;
        }
    }

    /** The entry ids claimed by this batch, and the session of every site and day written to. */
    record Written(Set<UUID> claimed, Map<String, Long> sessions) {}

    Written write(List<Accepted> accepted, Long userId) {
        if (accepted.isEmpty()) {
            return new Written(Set.of(), Map.of());
        }
        Map<String, Long> sessions = sessions(accepted, userId);
        Set<UUID> claimed = claim(accepted, sessions, userId);
        List<Accepted> mine = accepted.stream()
                .filter(a -> claimed.contains(a.entry().entryId()))
                .toList();
        attendance(mine, sessions, userId);
        production(mine, sessions, userId);
        Map<String, long[]> perSession = new LinkedHashMap<>();
        for (Accepted a : mine) {
            long[] n = perSession.computeIfAbsent(a.sessionKey(), k -> new long[3]);
            n[0]++;
            n[1] += a.entry().lines().size();
            n[2] = a.siteId();
        }
        perSession.forEach((key, n) ->
                audit.record(AuditRecord.of(SessionRecorder.RECORD_SESSION, "WorkshopSession", sessions.get(key))
                        .unit(n[2])
                        .change("entries", null, n[0])
                        .change("lines", null, n[1])));
        return new Written(claimed, sessions);
    }

    private Map<String, Long> sessions(List<Accepted> accepted, Long userId) {
        Map<String, Accepted> days = new LinkedHashMap<>();
        accepted.forEach(a -> days.putIfAbsent(a.sessionKey(), a));
        Long[] site = days.values().stream().map(Accepted::siteId).toArray(Long[]::new);
        String[] day = days.values().stream().map(a -> a.day().toString()).toArray(String[]::new);
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                        insert into workshop.session (site_id, held_on, created_by)
                        select s, d::date, ? from unnest(?::bigint[], ?::text[]) as t(s, d)
                        on conflict (site_id, held_on) do update set site_id = excluded.site_id
                        returning site_id, held_on, id
                        """).params(userId, site, day).query(rs -> {
            ids.put(rs.getLong(1) + "/" + rs.getObject(2, LocalDate.class), rs.getLong(3));
        });
        return ids;
    }

    private Set<UUID> claim(List<Accepted> accepted, Map<String, Long> sessions, Long userId) {
        int n = accepted.size();
        String[] entry = new String[n];
        Long[] site = new Long[n];
        Long[] session = new Long[n];
        Long[] enrolment = new Long[n];
        for (int i = 0; i < n; i++) {
            Accepted a = accepted.get(i);
            entry[i] = a.entry().entryId().toString();
            site[i] = a.siteId();
            session[i] = sessions.get(a.sessionKey());
            enrolment[i] = a.entry().participantId();
        }
        Set<UUID> claimed = new HashSet<>();
        jdbc.sql("""
                        insert into workshop.offline_entry (entry_id, site_id, session_id, enrolment_id, received_by)
                        select e::uuid, s, x, p, ? from unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[])
                            as t(e, s, x, p)
                        on conflict (entry_id) do nothing
                        returning entry_id
                        """).params(userId, entry, site, session, enrolment).query(rs -> {
            claimed.add(rs.getObject(1, UUID.class));
        });
        return claimed;
    }

    /** One row per session and participant, present when any of its entries says so, the last entry's id kept. */
    private void attendance(List<Accepted> mine, Map<String, Long> sessions, Long userId) {
        Map<String, Accepted> last = new LinkedHashMap<>();
        Map<String, Boolean> present = new HashMap<>();
        for (Accepted a : mine) {
            String key = a.sessionKey() + "/" + a.entry().participantId();
            last.put(key, a);
            present.merge(key, a.present(), Boolean::logicalOr);
        }
        if (last.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        last.forEach((key, a) -> rows.add(new Object[] {
            sessions.get(a.sessionKey()),
            a.siteId(),
            a.day().toString(),
            a.entry().participantId(),
            a.personId(),
            present.get(key),
            a.entry().entryId().toString()
        }));
        jdbc.sql("""
                        insert into workshop.attendance (session_id, site_id, held_on, enrolment_id, person_id, present,
                            entry_id, recorded_by)
                        select x, s, d::date, e, p, pr, u::uuid, ?
                        from unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::boolean[],
                            ?::text[]) as t(x, s, d, e, p, pr, u)
                        on conflict (session_id, enrolment_id) do update set present = excluded.present
                            or workshop.attendance.present, entry_id = excluded.entry_id,
                            recorded_by = excluded.recorded_by, recorded_at = now()
                        """)
                .params(
                        userId,
                        column(rows, 0, Long.class),
                        column(rows, 1, Long.class),
                        column(rows, 2, String.class),
                        column(rows, 3, Long.class),
                        column(rows, 4, Long.class),
                        column(rows, 5, Boolean.class),
                        column(rows, 6, String.class))
                .update();
    }

    private int production(List<Accepted> mine, Map<String, Long> sessions, Long userId) {
        List<Object[]> rows = new ArrayList<>();
        for (Accepted a : mine) {
            for (SessionEntry.Line line : a.entry().lines()) {
                rows.add(new Object[] {
                    sessions.get(a.sessionKey()),
                    a.siteId(),
                    a.day().toString(),
                    a.entry().participantId(),
                    a.personId(),
                    line.productId(),
                    line.productId() == null ? line.task().trim() : null,
                    line.quantity(),
                    line.rejects() == null ? 0 : line.rejects(),
                    line.minutes() == null ? 0 : line.minutes(),
                    a.entry().entryId().toString()
                });
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        insert into workshop.production_record (session_id, site_id, made_on, enrolment_id, person_id,
                            product_id, task, quantity, rejects, minutes, entry_id, recorded_by)
                        select x, s, d::date, e, p, pr, t, q, r, m, u::uuid, ?
                        from unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[],
                            ?::text[], ?::int[], ?::int[], ?::int[], ?::text[]) as z(x, s, d, e, p, pr, t, q, r, m, u)
                        """)
                .params(
                        userId,
                        column(rows, 0, Long.class),
                        column(rows, 1, Long.class),
                        column(rows, 2, String.class),
                        column(rows, 3, Long.class),
                        column(rows, 4, Long.class),
                        column(rows, 5, Long.class),
                        column(rows, 6, String.class),
                        column(rows, 7, Integer.class),
                        column(rows, 8, Integer.class),
                        column(rows, 9, Integer.class),
                        column(rows, 10, String.class))
                .update();
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] column(List<Object[]> rows, int index, Class<T> type) {
        T[] values = (T[]) java.lang.reflect.Array.newInstance(type, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            values[i] = type.cast(rows.get(i)[index]);
        }
        return values;
    }
}
