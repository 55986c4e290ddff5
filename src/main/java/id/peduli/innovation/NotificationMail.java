package id.peduli.innovation;

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
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails the results the inbox already holds, after the result is committed. Only when Spring Boot configured a mail
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
    private final MessageSource messages;
    private final String from;

    record Recipient(String email, java.util.Locale locale) {}

    @Autowired
    NotificationMail(
            ObjectProvider<JavaMailSender> sender,
            RunMode runMode,
            Users users,
            MessageSource messages,
            @Value("${peduli.innovation.mail-from:sinovik@peduli.local}") String from) {
        this(
                sender.getIfAvailable(),
                !runMode.demo(),
                id -> users.find(id).map(NotificationMail::recipient),
                messages,
                from);
    }

    NotificationMail(
            JavaMailSender sender,
            boolean enabled,
            Function<Long, Optional<Recipient>> recipients,
            MessageSource messages,
            String from) {
        this.sender = sender;
        this.enabled = enabled && sender != null;
        this.recipients = recipients;
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
        for (Long id : sent.recipients()) {
            Optional<Recipient> recipient = recipients.apply(id);
            if (recipient.isEmpty()
                    || recipient.get().email() == null
                    || recipient.get().email().isBlank()) {
                continue;
            }
            java.util.Locale locale = recipient.get().locale();
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(from);
            mail.setTo(recipient.get().email());
            mail.setSubject(messages.getMessage(sent.messageKey(), new Object[] {sent.title()}, locale));
            StringBuilder body =
                    new StringBuilder(messages.getMessage(sent.messageKey(), new Object[] {sent.title()}, locale));
            if (sent.detail() != null && !sent.detail().isBlank()) {
                body.append("\n\n").append(sent.detail());
            }
            body.append("\n\n")
                    .append(messages.getMessage("innovation.mail.footer", new Object[] {sent.proposalId()}, locale));
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
