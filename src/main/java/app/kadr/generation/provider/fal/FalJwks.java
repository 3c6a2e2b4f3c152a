package app.kadr.generation.provider.fal;

import app.kadr.generation.provider.ProviderHttp;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * fal's webhook keys, read from its JWKS and kept for a while. A signature no kept key verifies may come from a
 * key fal has just added, so the keys are fetched again then, but at most once a minute: a stream of forged
 * webhooks must not turn into a stream of requests to fal.
 */
@Component
class FalJwks {

    private static final Logger log = LoggerFactory.getLogger(FalJwks.class);
    static final Duration REFETCH_PAUSE = Duration.ofMinutes(1);
    /** The DER prefix of an X.509 Ed25519 public key; the 32 raw bytes of a JWK's {@code x} follow it. */
    private static final byte[] ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final FalWebhookSettings settings;
    private final Duration refetchPause;
    private final RestClient http;
    private List<PublicKey> keys = List.of();
    private Instant fetchedAt = Instant.MIN;

    @Autowired
    FalJwks(FalWebhookSettings settings) {
        this(settings, REFETCH_PAUSE);
    }

    FalJwks(FalWebhookSettings settings, Duration refetchPause) {
        this.settings = settings;
        this.refetchPause = refetchPause;
        // An address from the studio's configuration (KADR_GENERATION_FAL_JWKS_URL), not from an admin's form, and
        // no key goes there: trusted wherever it points.
        this.http = ProviderHttp.client(settings.falJwksUrl().toString(), Duration.ofSeconds(10), true);
    }

    /** The kept keys, fetched first when they are older than the TTL. */
    synchronized List<PublicKey> keys() {
        if (fetchedAt.plus(settings.falJwksTtl()).isBefore(Instant.now())) {
            fetch();
        }
        return keys;
    }

    /** Fetches the keys again after none verified a signature, unless they were fetched a moment ago. */
    synchronized List<PublicKey> refreshed() {
        if (fetchedAt.plus(refetchPause).isBefore(Instant.now())) {
            fetch();
        }
        return keys;
    }

    private void fetch() {
        fetchedAt = Instant.now();
        try {
            String jwks = http.get().retrieve().body(String.class);
            keys = parse(FalJson.tree(jwks == null ? "" : jwks));
        } catch (RestClientException e) {
            // The keys kept so far stay; without any, webhooks are refused and polling finishes the jobs.
            log.warn("fal's webhook keys could not be fetched: {}", e.toString());
        }
    }

    /** The Ed25519 keys of a JWKS; keys of other types or curves are skipped. */
    static List<PublicKey> parse(JsonNode jwks) {
        List<PublicKey> found = new ArrayList<>();
        for (JsonNode key : jwks.path("keys")) {
            if (!key.path("kty").asString("").equals("OKP")
                    || !key.path("crv").asString("").equals("Ed25519")) {
                continue;
            }
            try {
                byte[] raw = Base64.getUrlDecoder().decode(key.path("x").asString(""));
                byte[] der = new byte[ED25519_PREFIX.length + raw.length];
                System.arraycopy(ED25519_PREFIX, 0, der, 0, ED25519_PREFIX.length);
                System.arraycopy(raw, 0, der, ED25519_PREFIX.length, raw.length);
                found.add(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
            } catch (IllegalArgumentException | GeneralSecurityException malformed) {
                log.warn("fal's JWKS holds a malformed Ed25519 key: {}", malformed.toString());
            }
        }
        return List.copyOf(found);
    }
}
