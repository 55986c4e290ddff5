package id.peduli.innovation.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells operators and verifiers of a proposal its results (returned, submitted, passed or failed with reasons, Top 99,
 * winner): always in the in-app inbox, in the same transaction as the result; by e-mail after commit when a mail
 * server is configured and the instance is not in demo mode ({@link NotificationMail}). The recipients are the
 * operator who drafted the proposal and the operators and verifiers who acted on it.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Notifications(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Sent after commit to the mail notifier: the ids of the inbox messages just written, nothing else. The event is
     * stored in {@code platform.event_publication} until the mail is sent, so it carries no title, name or text; the
     * listener reads them when it sends.
     */
    record Sent(List<Long> notificationIds) {}

    public void proposalResult(long proposalId, String messageKey, String detail) {
        Set<Long> recipients = new LinkedHashSet<>(
                jdbc.sql("""
                        select created_by from innovation.proposal where id = :id and created_by is not null
                        union
                        select actor_id from innovation.proposal_transition
                        where proposal_id = :id and actor_id is not null
                            and actor_role in ('UNIT_OPERATOR', 'AGENCY_VERIFIER')
                        """).param("id", proposalId).query(Long.class).list());
        String title = jdbc.sql("select i.title from innovation.proposal p join innovation.innovation i on "
                        + "i.id = p.innovation_id where p.id = ?")
                .param(proposalId)
                .query(String.class)
                .single();
        List<Long> written = new ArrayList<>();
        for (Long recipient : recipients) {
            written.add(jdbc.sql("""
                            insert into innovation.notification (recipient_id, proposal_id, message_key, title, detail,
                                created_at) values (?, ?, ?, ?, ?, ?) returning id
                            """)
                    .params(recipient, proposalId, messageKey, title, detail, Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single());
        }
        if (!written.isEmpty()) {
            events.publishEvent(new Sent(List.copyOf(written)));
        }
    }

    public List<Notification> inbox(long userId, int limit) {
        return jdbc.sql("""
                        select id, proposal_id, message_key, title, detail, created_at, read_at is not null
                        from innovation.notification where recipient_id = ? order by id desc limit ?
                        """)
                .params(userId, limit)
                .query((rs, n) -> new Notification(
                        rs.getLong(1),
                        (Long) rs.getObject(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getBoolean(7)))
                .list();
    }

    public long unread(long userId) {
        return jdbc.sql("select count(*) from innovation.notification where recipient_id = ? and read_at is null")
                .param(userId)
                .query(Long.class)
                .single();
    }

    /** Marks the user's message read; another user's message is left alone (and reported as not found). */
    @Transactional
    public boolean markRead(long userId, long id) {
        return jdbc.sql("update innovation.notification set read_at = coalesce(read_at, ?) where id = ? and "
                                + "recipient_id = ?")
                        .params(Timestamp.from(clock.instant()), id, userId)
                        .update()
                > 0;
    }

    @Transactional
    public void markAllRead(long userId) {
        jdbc.sql("update innovation.notification set read_at = ? where recipient_id = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), userId)
                .update();
    }
}
