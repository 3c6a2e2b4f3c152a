package app.kadr.generation.provider.fal;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Tells a webhook fal sent from anything else: the four {@code X-Fal-Webhook-*} headers must be there, the
 * timestamp within five minutes of now (an old, captured webhook is not replayed), and the signature made by one
 * of fal's published keys over exactly the body received.
 */
@Component
public class FalWebhookVerifier {

    static final String REQUEST_ID = "X-Fal-Webhook-Request-Id";
    static final String USER_ID = "X-Fal-Webhook-User-Id";
    static final String TIMESTAMP = "X-Fal-Webhook-Timestamp";
    static final String SIGNATURE = "X-Fal-Webhook-Signature";
    static final Duration LEEWAY = Duration.ofMinutes(5);

    private final FalJwks jwks;

    FalWebhookVerifier(FalJwks jwks) {
        this.jwks = jwks;
    }

    /**
     * The fal request id a genuine webhook is about, or empty when the webhook is not genuine. The body's
     * {@code request_id} is the queue's id (its {@code gateway_request_id} may name a retry); both it and the
     * header are signed.
     *
     * @param header a request header by name, or null when absent
     */
    public Optional<String> verify(Function<String, @Nullable String> header, byte[] body) {
        String requestId = header.apply(REQUEST_ID);
        String userId = header.apply(USER_ID);
        String timestamp = header.apply(TIMESTAMP);
        String signature = header.apply(SIGNATURE);
        if (requestId == null || userId == null || timestamp == null || signature == null || !recent(timestamp)) {
            return Optional.empty();
        }
        byte[] message = FalWebhookSignature.message(requestId, userId, timestamp, body);
        if (signedByAny(jwks.keys(), message, signature) || signedByAny(jwks.refreshed(), message, signature)) {
            String said = FalJson.tree(new String(body, StandardCharsets.UTF_8))
                    .path("request_id")
                    .asString("");
            return Optional.of(said.isBlank() ? requestId : said);
        }
        return Optional.empty();
    }

    private static boolean recent(String timestamp) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
            return Duration.between(sent, Instant.now()).abs().compareTo(LEEWAY) <= 0;
        } catch (RuntimeException notSeconds) {
            return false;
        }
    }

    private static boolean signedByAny(List<PublicKey> keys, byte[] message, String signature) {
        return keys.stream().anyMatch(key -> FalWebhookSignature.verifies(key, message, signature));
    }
}
