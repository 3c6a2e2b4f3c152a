package app.kadr.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one throttle of the studio (logins, a client's comments, share-link passwords). Attempts are rows in the
 * database, so every instance behind a balancer counts the same ones. Rows are only inserted, never updated: no
 * lost updates between instances, and a limit is an exact sliding window (as many attempts as it allows within
 * its window, counted back from now).
 */
@Component
public class Throttles {

    /** Rows are kept this long; every window is shorter. */
    static final Duration KEPT = Duration.ofDays(1);

    /** At most {@code allowed} attempts within {@code window}; the name keeps different limits apart. */
    public record Limit(String name, int allowed, Duration window) {

        public Limit {
            if (window.compareTo(KEPT) > 0) {
                throw new IllegalArgumentException("A throttle window longer than " + KEPT + ": " + window);
            }
        }

        /** This limit applied to one subject (an account, an address, a link…), case and spaces aside. */
        public Key of(String... subject) {
            return new Key(this, String.join("|", subject).strip().toLowerCase(Locale.ROOT));
        }
    }

    /** A limit and what it counts. */
    public record Key(Limit limit, String subject) {

        String hash() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest((limit.name() + "\n" + subject).getBytes(StandardCharsets.UTF_8));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final JdbcClient jdbc;

    Throttles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True while none of the keys has used up its limit. */
    public boolean allows(Key... keys) {
        Instant now = Rows.now();
        for (Key key : keys) {
            long used = jdbc.sql("select count(*) from throttle_events where throttle_key = ? and happened_at > ?")
                    .params(key.hash(), Rows.ts(now.minus(key.limit().window())))
                    .query(Long.class)
                    .single();
            if (used >= key.limit().allowed()) {
                return false;
            }
        }
        return true;
    }

    /** Counts one attempt against each key. */
    public void record(Key... keys) {
        Instant now = Rows.now();
        for (Key key : keys) {
            jdbc.sql("insert into throttle_events (throttle_key, happened_at) values (?, ?)")
                    .params(key.hash(), Rows.ts(now))
                    .update();
        }
    }

    /** Counts one attempt against every key if none has used up its limit, and says whether it did. */
    public boolean take(Key... keys) {
        if (!allows(keys)) {
            return false;
        }
        record(keys);
        return true;
    }

    /** Drops attempts older than any window; each instance may do it, the result is the same. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    void forgetOldAttempts() {
        jdbc.sql("delete from throttle_events where happened_at < ?")
                .param(Rows.ts(Rows.now().minus(KEPT)))
                .update();
    }
}
