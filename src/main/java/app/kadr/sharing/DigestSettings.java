package app.kadr.sharing;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional e-mail digest of clients' answers ({@code kadr.smtp.*}, set by {@code KADR_SMTP_*}). Without a host
 * the digest is off: no mail sender is made and the recurring job never runs.
 *
 * @param host the SMTP server; empty turns the digest off
 * @param port 587 (STARTTLS when the server offers it) or 465 (TLS from the start)
 * @param username the login at the server, if it wants one
 * @param password its password: never logged, never shown ({@link #toString()} hides it)
 * @param from the sender's address; the username by default
 * @param to where the digest goes (accounts have no e-mail address of their own)
 * @param interval how often new answers are gathered into a digest
 */
@ConfigurationProperties("kadr.smtp")
record DigestSettings(
        @DefaultValue("") String host,
        @DefaultValue("587") int port,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("") String from,
        @DefaultValue("") String to,
        @DefaultValue("1h") Duration interval) {

    /** The same test as the mail sender's condition in {@link DigestMail}. */
    boolean isOn() {
        return !host.isBlank();
    }

    @Nullable
    String sender() {
        String sender = from.isBlank() ? username : from;
        return sender.isBlank() ? null : sender.strip();
    }

    @Override
    public String toString() {
        return "DigestSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : "***") + ", from=" + from + ", to=" + to + ", interval=" + interval + "]";
    }
}
