package app.kadr.sharing;

import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import app.kadr.shared.Throttles;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps a link from being used to flood the owner's inbox: a few comments a minute from one address on one
 * link, more from one address over all links, and a ceiling per link an hour whoever writes.
 */
@Component
class CommentThrottle {

    static final Throttles.Limit PER_ADDRESS_ON_LINK =
            new Throttles.Limit("comment-address-link", 10, Duration.ofMinutes(1));
    static final Throttles.Limit PER_ADDRESS = new Throttles.Limit("comment-address", 60, Duration.ofMinutes(1));
    static final Throttles.Limit PER_LINK = new Throttles.Limit("comment-link", 300, Duration.ofHours(1));

    private final Throttles throttles;

    CommentThrottle(Throttles throttles) {
        this.throttles = throttles;
    }

    /** Takes one comment from every limit it falls under, or refuses with 429 when one is spent. */
    void take(UUID linkId, String address) {
        boolean allowed = throttles.take(
                PER_ADDRESS_ON_LINK.of(linkId.toString(), address),
                PER_ADDRESS.of(address),
                PER_LINK.of(linkId.toString()));
        if (!allowed) {
            throw KadrException.of(Problem.TOO_MANY_REQUESTS, "comment.throttled");
        }
    }
}
