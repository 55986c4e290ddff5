package id.peduli.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads and stores enrolments and their transitions; no rules here, those live in {@link Enrolment}. */
@Repository
class EnrolmentStore {

    private static final String SELECT = """
            select e.*, p.code as programme_code,
                (select max(t.effective_on) from casework.enrolment_transition t where t.enrolment_id = e.id)
                    as last_change
            from casework.enrolment e join casework.programme p on p.id = e.programme_id
            """;

    private final JdbcClient jdbc;

    EnrolmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit of an enrolment, read before anything else so that scope is checked before the record is loaded. */
    Optional<Long> unitOf(long id) {
        return jdbc.sql("select org_unit_id from casework.enrolment where id = ?")
                .param(id)
                .query(Long.class)
                .optional();
    }

    Optional<Enrolment> load(long id) {
        return jdbc.sql(SELECT + " where e.id = ?")
                .param(id)
                .query(EnrolmentStore::map)
                .optional();
    }

    Optional<Enrolment> loadForUpdate(long id) {
        jdbc.sql("select id from casework.enrolment where id = ? for update")
                .param(id)
                .query(Long.class)
                .optional();
        return load(id);
    }

    List<Enrolment> ofPerson(long personId) {
        return jdbc.sql(SELECT + " where e.person_id = ? order by e.enrolled_on desc nulls first, e.id desc")
                .param(personId)
                .query(EnrolmentStore::map)
                .list();
    }

    List<Enrolment> activeAt(long unitId, LocalDate day) {
        return jdbc.sql(SELECT + """
                         where e.org_unit_id = ? and e.enrolled_on is not null and e.enrolled_on <= ?
                           and (e.ended_on is null or e.ended_on >= ?)
                         order by e.id
                        """)
                .params(unitId, day, day)
                .query(EnrolmentStore::map)
                .list();
    }

    boolean activeAt(long personId, long unitId, LocalDate day) {
        return jdbc.sql("""
                                select count(*) from casework.enrolment e
                                where e.person_id = ? and e.org_unit_id = ? and e.enrolled_on is not null
                                  and e.enrolled_on <= ? and (e.ended_on is null or e.ended_on >= ?)
                                """)
                        .params(personId, unitId, day, day)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** True when the person has an enrolment in the programme that is not terminated or closed. */
    boolean hasOpen(long personId, long programmeId) {
        return jdbc.sql("""
                                select count(*) from casework.enrolment
                                where person_id = ? and programme_id = ?
                                  and stage not in ('TERMINATED', 'FOLLOW_UP', 'CLOSED')
                                """).params(personId, programmeId).query(Long.class).single() > 0;
    }

    long insert(Enrolment e) {
        return jdbc.sql("""
                        insert into casework.enrolment (person_id, programme_id, org_unit_id, worker_user_id, stage,
                            enrolled_on, ended_on)
                        values (?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        e.personId(),
                        e.programmeId(),
                        e.unitId(),
                        e.workerUserId(),
                        e.stage().name(),
                        e.enrolledOn(),
                        e.endedOn())
                .query(Long.class)
                .single();
    }

    /** Stores the new stage if the row still has {@code expectedVersion}; false when someone changed it meanwhile. */
    boolean update(Enrolment e, long expectedVersion) {
        return jdbc.sql("""
                                update casework.enrolment
                                set stage = ?, enrolled_on = ?, ended_on = ?, version = version + 1
                                where id = ? and version = ?
                                """)
                        .params(e.stage().name(), e.enrolledOn(), e.endedOn(), e.id(), expectedVersion)
                        .update()
                == 1;
    }

    void record(long enrolmentId, Enrolment.Transition t, Instant at) {
        jdbc.sql("""
                        insert into casework.enrolment_transition (enrolment_id, from_stage, to_stage, effective_on,
                            reason, user_id, username, occurred_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        enrolmentId,
                        t.from() == null ? null : t.from().name(),
                        t.to().name(),
                        t.on(),
                        t.reason(),
                        t.by().userId(),
                        t.by().username(),
                        Timestamp.from(at))
                .update();
    }

    List<TransitionView> transitions(long enrolmentId) {
        return jdbc.sql("""
                        select * from casework.enrolment_transition where enrolment_id = ? order by id
                        """)
                .param(enrolmentId)
                .query((rs, i) -> new TransitionView(
                        rs.getString("from_stage") == null ? null : Stage.valueOf(rs.getString("from_stage")),
                        Stage.valueOf(rs.getString("to_stage")),
                        rs.getObject("effective_on", LocalDate.class),
                        rs.getString("reason"),
                        rs.getString("username"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    /** Moves every enrolment of {@code mergedId} to {@code survivorId}; the number moved. */
    int movePerson(long mergedId, long survivorId) {
        return jdbc.sql("update casework.enrolment set person_id = ?, version = version + 1 where person_id = ?")
                .params(survivorId, mergedId)
                .update();
    }

    private static Enrolment map(ResultSet rs, int row) throws SQLException {
        long worker = rs.getLong("worker_user_id");
        Long workerId = rs.wasNull() ? null : worker;
        return new Enrolment(
                rs.getLong("id"),
                rs.getLong("person_id"),
                rs.getLong("programme_id"),
                rs.getString("programme_code"),
                rs.getLong("org_unit_id"),
                workerId,
                Stage.valueOf(rs.getString("stage")),
                rs.getObject("enrolled_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class),
                rs.getLong("version"),
                rs.getObject("last_change", LocalDate.class));
    }
}
