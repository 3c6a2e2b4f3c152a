package app.kadr.sharing;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a digest through the configured SMTP server. Made only when {@code KADR_SMTP_HOST} is set; its sender is
 * kept inside rather than made a bean, so nothing else (a health check that would call a passing SMTP outage the
 * studio's own) starts talking to the server.
 */
@Component
@ConditionalOnExpression("!'${kadr.smtp.host:}'.isBlank()")
class DigestMail {

    private static final Logger log = LoggerFactory.getLogger(DigestMail.class);

    /** What a digest is made of: both bodies, and its own Message-ID so a re-sent copy is known as the same mail. */
    record Letter(String to, String subject, String text, String html, String messageId) {}

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
    private final DigestSettings settings;

    DigestMail(DigestSettings settings) {
        this.settings = settings;
        sender.setHost(settings.host().strip());
        sender.setPort(settings.port());
        sender.setDefaultEncoding("UTF-8");
        if (!settings.username().isBlank()) {
            sender.setUsername(settings.username());
            sender.setPassword(settings.password());
        }
        Properties props = sender.getJavaMailProperties();
        props.put("mail.smtp.auth", String.valueOf(!settings.username().isBlank()));
        // 465 speaks TLS from the first byte; elsewhere STARTTLS is used when the server offers it.
        props.put(settings.port() == 465 ? "mail.smtp.ssl.enable" : "mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        props.put("mail.smtp.writetimeout", "30000");
        if (settings.to().isBlank()) {
            log.warn(
                    "KADR_SMTP_HOST is set but KADR_SMTP_TO is not: the clients' digest has nowhere to go and stays off");
        } else {
            log.info(
                    "The clients' digest goes to {} through {}:{} every {}",
                    settings.to(),
                    settings.host(),
                    settings.port(),
                    settings.interval());
        }
    }

    boolean hasRecipient() {
        return !settings.to().isBlank();
    }

    String recipient() {
        return settings.to().strip();
    }

    /** Hands the letter to the SMTP server; a refusal or an unreachable server is a {@link MailException}. */
    void send(Letter letter) {
        MimeMessage message = new MimeMessage(sender.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", letter.messageId());
            }
        };
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            String from = settings.sender();
            if (from != null) {
                helper.setFrom(from);
            }
            helper.setTo(letter.to());
            helper.setSubject(letter.subject());
            helper.setText(letter.text(), letter.html());
        } catch (MessagingException e) {
            throw new org.springframework.mail.MailPreparationException("The digest could not be written", e);
        }
        sender.send(message);
    }
}
