package id.peduli.workshop;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seed-only bulk writer of a site's sessions, attendance and production, used by {@link WorkshopParticipantsSeed}:
 * a year of twelve sites is some 40,000 rows, which one {@link SessionRecorder} call per entry (checks, audit and
 * five statements each) would take minutes to write. Each table gets one statement per site that inserts all rows
 * from arrays ({@code unnest}). It skips the recorder's checks, so its caller must only hand in what the recorder
 * would accept: days not in the future, in months not frozen, of participants active at the site on that day, with
 * positive quantities and rejects not above them. Nothing else may call it.
 */
@Component
class DemoSessionWriter {

    private final JdbcTemplate template;

    DemoSessionWriter(JdbcTemplate template) {
        this.template = template;
    }

    /** One participant's part of a session day: present or not, with at most a few lines when present. */
    record Entry(LocalDate day, long enrolmentId, long personId, boolean present, List<Made> made, UUID entryId) {}

    /** A product (or, when {@code productId} is null, the task) made in a session. */
    record Made(Long productId, String task, int quantity, int rejects, int minutes) {}

    /** Writes the site's sessions (one per day that has entries) and every entry; answers the number of rows. */
    int write(long siteId, Long userId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        return template.execute((ConnectionCallback<Integer>) connection -> {
            Map<LocalDate, Long> sessions = sessions(connection, siteId, userId, entries);
            int n = attendance(connection, siteId, userId, entries, sessions);
            return n + production(connection, siteId, userId, entries, sessions);
        });
    }

    private static Map<LocalDate, Long> sessions(Connection c, long siteId, Long userId, List<Entry> entries)
            throws SQLException {
        List<LocalDate> days = entries.stream().map(Entry::day).distinct().toList();
        Map<LocalDate, Long> ids = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into workshop.session (site_id, held_on, created_by)
                select ?, d, ? from unnest(?::date[]) d
                on conflict (site_id, held_on) do update set site_id = excluded.site_id
                returning held_on, id
                """)) {
            ps.setLong(1, siteId);
            ps.setObject(2, userId);
            ps.setArray(
                    3,
                    c.createArrayOf(
                            "text", days.stream().map(LocalDate::toString).toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                }
            }
        }
        return ids;
    }

    private static int attendance(
            Connection c, long siteId, Long userId, List<Entry> entries, Map<LocalDate, Long> sessions)
            throws SQLException {
        int n = entries.size();
        Object[] session = new Object[n];
        Object[] day = new Object[n];
        Object[] enrolment = new Object[n];
        Object[] person = new Object[n];
        Object[] present = new Object[n];
        Object[] entry = new Object[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            session[i] = sessions.get(e.day());
            day[i] = e.day().toString();
            enrolment[i] = e.enrolmentId();
            person[i] = e.personId();
            present[i] = e.present();
            entry[i] = e.entryId().toString();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into workshop.attendance (session_id, site_id, held_on, enrolment_id, person_id, present,
                    entry_id, recorded_by)
                select s, ?, d, e, p, pr, u, ? from unnest(?::bigint[], ?::date[], ?::bigint[], ?::bigint[],
                    ?::boolean[], ?::uuid[]) as t(s, d, e, p, pr, u)
                on conflict (session_id, enrolment_id) do nothing
                """)) {
            ps.setLong(1, siteId);
            ps.setObject(2, userId);
            ps.setArray(3, array(c, "int8", session));
            ps.setArray(4, array(c, "text", day));
            ps.setArray(5, array(c, "int8", enrolment));
            ps.setArray(6, array(c, "int8", person));
            ps.setArray(7, array(c, "bool", present));
            ps.setArray(8, array(c, "text", entry));
            return ps.executeUpdate();
        }
    }

    private static int production(
            Connection c, long siteId, Long userId, List<Entry> entries, Map<LocalDate, Long> sessions)
            throws SQLException {
        List<Object> session = new ArrayList<>();
        List<Object> day = new ArrayList<>();
        List<Object> enrolment = new ArrayList<>();
        List<Object> person = new ArrayList<>();
        List<Object> product = new ArrayList<>();
        List<Object> task = new ArrayList<>();
        List<Object> quantity = new ArrayList<>();
        List<Object> rejects = new ArrayList<>();
        List<Object> minutes = new ArrayList<>();
        List<Object> entry = new ArrayList<>();
        for (Entry e : entries) {
            for (Made m : e.made()) {
                session.add(sessions.get(e.day()));
                day.add(e.day().toString());
                enrolment.add(e.enrolmentId());
                person.add(e.personId());
                product.add(m.productId());
                task.add(m.task());
                quantity.add(m.quantity());
                rejects.add(m.rejects());
                minutes.add(m.minutes());
                entry.add(e.entryId().toString());
            }
        }
        if (session.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into workshop.production_record (session_id, site_id, made_on, enrolment_id, person_id,
                    product_id, task, quantity, rejects, minutes, entry_id, recorded_by)
                select s, ?, d, e, p, pr, t, q, r, m, u, ? from unnest(?::bigint[], ?::date[], ?::bigint[],
                    ?::bigint[], ?::bigint[], ?::varchar[], ?::int[], ?::int[], ?::int[], ?::uuid[])
                    as x(s, d, e, p, pr, t, q, r, m, u)
                """)) {
            ps.setLong(1, siteId);
            ps.setObject(2, userId);
            ps.setArray(3, array(c, "int8", session.toArray()));
            ps.setArray(4, array(c, "text", day.toArray()));
            ps.setArray(5, array(c, "int8", enrolment.toArray()));
            ps.setArray(6, array(c, "int8", person.toArray()));
            ps.setArray(7, array(c, "int8", product.toArray()));
            ps.setArray(8, array(c, "varchar", task.toArray()));
            ps.setArray(9, array(c, "int4", quantity.toArray()));
            ps.setArray(10, array(c, "int4", rejects.toArray()));
            ps.setArray(11, array(c, "int4", minutes.toArray()));
            ps.setArray(12, array(c, "text", entry.toArray()));
            return ps.executeUpdate();
        }
    }

    private static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }
}
