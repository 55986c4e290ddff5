package id.peduli.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    @Test
    void everyRecipientWithAnAddressGetsTheResultInTheirLanguage() throws Exception {
        NotificationMail mail = new NotificationMail(
                sender(), true, id -> Optional.ofNullable(recipients.get(id)), messages(), "sinovik@peduli.test");
        mail.send(new Notifications.Sent(
                Set.of(1L, 2L, 3L, 4L), 42L, "innovation.notify.failed", "Gerai Disabilitas", "PERFUNCTORY"));
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
        new NotificationMail(sender(), false, id -> Optional.ofNullable(recipients.get(id)), messages(), "x@y.test")
                .send(new Notifications.Sent(Set.of(1L), 42L, "innovation.notify.passed", "Gerai", null));
        new NotificationMail(null, true, id -> Optional.ofNullable(recipients.get(id)), messages(), "x@y.test")
                .send(new Notifications.Sent(Set.of(1L), 42L, "innovation.notify.passed", "Gerai", null));
        assertThat(smtp.getReceivedMessages()).isEmpty();
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
