package app.kadr.sharing;

import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps a link from being used to flood the owner's inbox: a few comments a minute from one address on one
 * link, more from one address over all links, and a ceiling per link an hour whoever writes.
 */
@Component
class CommentThrottle {

    static final int PER_ADDRESS_ON_LINK_PER_MINUTE = 10;
    static final int PER_ADDRESS_PER_MINUTE = 60;
    static final int PER_LINK_PER_HOUR = 300;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2))
            .maximumSize(100_000)
            .build();

    /** Takes one comment from every limit it falls under, or refuses with 429 when one is spent. */
    void take(UUID linkId, String address) {
        boolean allowed = bucket("la|" + linkId + "|" + address, PER_ADDRESS_ON_LINK_PER_MINUTE, Duration.ofMinutes(1))
                        .tryConsume(1)
                && bucket("a|" + address, PER_ADDRESS_PER_MINUTE, Duration.ofMinutes(1))
                        .tryConsume(1)
                && bucket("l|" + linkId, PER_LINK_PER_HOUR, Duration.ofHours(1)).tryConsume(1);
        if (!allowed) {
            throw KadrException.of(Problem.TOO_MANY_REQUESTS, "comment.throttled");
        }
    }

    private Bucket bucket(String key, int capacity, Duration window) {
        return buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(capacity, window)
                                .build())
                        .build());
    }
}
