package app.kadr.sharing;

import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import app.kadr.shared.Throttles;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps a link from being used to flood the owner: a few writes a minute from one address on one link, more from one
 * address over all links, and a ceiling per link an hour whoever writes. Comments fill the inbox; answers (approvals
 * and picks) each redraw the owner's open pages, so both are limited, answers less tightly: a client approving a
 * storyboard of 150 shots clicks through them quickly.
 */
@Component
class ClientThrottle {

    /** The limits of one kind of client write, and the message of a refusal. */
    record Limits(
            Throttles.Limit perAddressOnLink, Throttles.Limit perAddress, Throttles.Limit perLink, String refusedKey) {}

    static final Limits COMMENTS = new Limits(
            new Throttles.Limit("comment-address-link", 10, Duration.ofMinutes(1)),
            new Throttles.Limit("comment-address", 60, Duration.ofMinutes(1)),
            new Throttles.Limit("comment-link", 300, Duration.ofHours(1)),
            "comment.throttled");

    static final Limits ANSWERS = new Limits(
            new Throttles.Limit("answer-address-link", 120, Duration.ofMinutes(1)),
            new Throttles.Limit("answer-address", 300, Duration.ofMinutes(1)),
            new Throttles.Limit("answer-link", 3000, Duration.ofHours(1)),
            "review.throttled");

    private final Throttles throttles;

    ClientThrottle(Throttles throttles) {
        this.throttles = throttles;
    }

    /** Takes one write from every limit it falls under, or refuses with 429 when one is spent. */
    void take(Limits limits, UUID linkId, String address) {
        boolean allowed = throttles.take(
                limits.perAddressOnLink().of(linkId.toString(), address),
                limits.perAddress().of(address),
                limits.perLink().of(linkId.toString()));
        if (!allowed) {
            throw KadrException.of(Problem.TOO_MANY_REQUESTS, limits.refusedKey());
        }
    }
}
