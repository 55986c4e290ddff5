package id.peduli.innovation.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The competition's e-mail against a real SMTP server in the test JVM (GreenMail). */
class NotificationMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private final Map<Long, NotificationMail.Recipient> recipients = Map.of(
            1L, new NotificationMail.Recipient("operator@pemkab.example", Locale.forLanguageTag("id")),
            2L, new NotificationMail.Recipient("verifier@pemprov.example", Locale.ENGLISH),
            3L, new NotificationMail.Recipient("", Locale.ENGLISH));

    /** The inbox messages the events name: one per recipient, 14 for a recipient without an account. */
    private final Map<Long, NotificationMail.Message> inbox = Map.of(
            11L, message(1L, "innovation.notify.failed", "PERFUNCTORY"),
            12L, message(2L, "innovation.notify.failed", "PERFUNCTORY"),
            13L, message(3L, "innovation.notify.failed", "PERFUNCTORY"),
            14L, message(4L, "innovation.notify.failed", "PERFUNCTORY"),
            21L, message(1L, "innovation.notify.passed", null));

    private static NotificationMail.Message message(long recipient, String key, String detail) {
        return new NotificationMail.Message(recipient, 42L, key, "Gerai Disabilitas", detail);
    }

    private NotificationMail mail(JavaMailSenderImpl sender, boolean enabled, String from) {
        return new NotificationMail(
                sender,
                enabled,
                id -> Optional.ofNullable(recipients.get(id)),
                id -> Optional.ofNullable(inbox.get(id)),
                messages(),
                from);
    }

    @Test
    void everyRecipientWithAnAddressGetsTheResultInTheirLanguage() throws Exception {
        mail(sender(), true, "sinovik@peduli.test").send(new Notifications.Sent(List.of(11L, 12L, 13L, 14L, 99L)));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage toOperator =
                received[0].getAllRecipients()[0].toString().startsWith("operator") ? received[0] : received[1];
        MimeMessage toVerifier = toOperator == received[0] ? received[1] : received[0];
        assertThat(toOperator.getSubject())
                .isEqualTo("Proposal „Gerai Disabilitas\" tidak lolos seleksi administrasi.");
        assertThat(GreenMailUtil.getBody(toOperator)).contains("PERFUNCTORY").contains("nomor 42");
        assertThat(toVerifier.getSubject())
                .isEqualTo("Proposal \"Gerai Disabilitas\" failed the administrative selection.");
    }

    @Test
    void nothingIsSentInDemoModeOrWithoutAMailServer() {
        mail(sender(), false, "x@y.test").send(new Notifications.Sent(List.of(21L)));
        mail(null, true, "x@y.test").send(new Notifications.Sent(List.of(21L)));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    /**
     * The event is stored in {@code platform.event_publication} until the mail is sent: it names the inbox messages by
     * id and carries no title, name or text (issue 8, ADR 9).
     */
    @Test
    void theEventCarriesIdsOnly() {
        for (RecordComponent component : Notifications.Sent.class.getRecordComponents()) {
            assertThat(component.getGenericType().getTypeName())
                    .as(component.getName())
                    .isIn("long", "java.lang.Long", "java.util.List<java.lang.Long>");
        }
    }

    private static JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(ServerSetupTest.SMTP.getPort());
        return sender;
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/innovation");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
