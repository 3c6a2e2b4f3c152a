package app.kadr.account;

import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: an account name gets a handful of failed attempts a minute, an address
 * (which many people may share) a few dozen; then they must wait. Successful logins do not count.
 */
@Component
class LoginThrottle {

    static final int FAILURES_ALLOWED = 5;
    static final int FAILURES_ALLOWED_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    void checkAllowed(String username, String address) {
        if (exhausted(key("user", username)) || exhausted(key("addr", address))) {
            throw KadrException.of(Problem.TOO_MANY_REQUESTS, "login.throttled");
        }
    }

    void recordFailure(String username, String address) {
        bucket(key("user", username), FAILURES_ALLOWED).tryConsume(1);
        bucket(key("addr", address), FAILURES_ALLOWED_PER_ADDRESS).tryConsume(1);
    }

    private boolean exhausted(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    private Bucket bucket(String key, int failures) {
        return buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(failures)
                                .refillGreedy(failures, WINDOW)
                                .build())
                        .build());
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.trim().toLowerCase(Locale.ROOT));
    }
}
