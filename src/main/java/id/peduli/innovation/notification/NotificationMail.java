package id.peduli.innovation.notification;

import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.platform.Languages;
import id.peduli.platform.RunMode;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails the results the inbox already holds, after the result is committed. The event names the inbox messages by
 * id only; the listener reads each message, and the proposal's title as it stands, when it sends. Only when Spring Boot configured a mail
 * sender ({@code spring.mail.host}) and the instance is not in demo mode; in demo mode the inbox is the only channel.
 * A failed delivery is logged without the address and does not undo the result.
 *
 * <p>The listener runs after the commit, on its own thread and in its own transaction; Spring Modulith records each
 * event in {@code platform.event_publication} in the publisher's transaction and deletes the record when the mail is
 * done, so an e-mail that a stop or crash interrupted is sent at the next start (ADR 9).
 */
@Component
class NotificationMail {

    private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);

    private final JavaMailSender sender;
    private final boolean enabled;
    private final Function<Long, Optional<Recipient>> recipients;
    private final Function<Long, Optional<Message>> inbox;
    private final MessageSource messages;
    private final String from;

    record Recipient(String email, java.util.Locale locale) {}

    /** An inbox message as the mail needs it: the proposal's title is read as it stands when the mail is sent. */
    record Message(long recipientId, long proposalId, String messageKey, String title, String detail) {}

    @Autowired
    NotificationMail(
            ObjectProvider<JavaMailSender> sender,
            RunMode runMode,
            Users users,
            JdbcClient jdbc,
            MessageSource messages,
            @Value("${peduli.innovation.mail-from:sinovik@peduli.local}") String from) {
        this(
                sender.getIfAvailable(),
                !runMode.demo(),
                id -> users.find(id).map(NotificationMail::recipient),
                id -> jdbc.sql("""
                                select n.recipient_id, n.proposal_id, n.message_key, i.title, n.detail
                                from innovation.notification n join innovation.proposal p on p.id = n.proposal_id
                                join innovation.innovation i on i.id = p.innovation_id where n.id = ?
                                """)
                        .param(id)
                        .query((rs, n) -> new Message(
                                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                        .optional(),
                messages,
                from);
    }

    NotificationMail(
            JavaMailSender sender,
            boolean enabled,
            Function<Long, Optional<Recipient>> recipients,
            Function<Long, Optional<Message>> inbox,
            MessageSource messages,
            String from) {
        this.sender = sender;
        this.enabled = enabled && sender != null;
        this.recipients = recipients;
        this.inbox = inbox;
        this.messages = messages;
        this.from = from;
    }

    private static Recipient recipient(UserView user) {
        return new Recipient(user.email(), Languages.supportedOrDefault(user.locale()));
    }

    boolean enabled() {
        return enabled;
    }

    @ApplicationModuleListener
    void send(Notifications.Sent sent) {
        if (!enabled) {
            return;
        }
        for (Long notificationId : sent.notificationIds()) {
            Optional<Message> message = inbox.apply(notificationId);
            if (message.isEmpty()) {
                continue; // the proposal was removed since
            }
            Message m = message.get();
            Optional<Recipient> recipient = recipients.apply(m.recipientId());
            if (recipient.isEmpty()
                    || recipient.get().email() == null
                    || recipient.get().email().isBlank()) {
                continue;
            }
            java.util.Locale locale = recipient.get().locale();
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(from);
            mail.setTo(recipient.get().email());
            mail.setSubject(messages.getMessage(m.messageKey(), new Object[] {m.title()}, locale));
            StringBuilder body =
                    new StringBuilder(messages.getMessage(m.messageKey(), new Object[] {m.title()}, locale));
            if (m.detail() != null && !m.detail().isBlank()) {
                body.append("\n\n").append(m.detail());
            }
            body.append("\n\n")
                    .append(messages.getMessage("innovation.mail.footer", new Object[] {m.proposalId()}, locale));
            mail.setText(body.toString());
            try {
                sender.send(mail);
            } catch (MailException e) {
                log.warn(
                        "A competition notification could not be e-mailed: {}",
                        e.getClass().getSimpleName());
            }
        }
    }
}
