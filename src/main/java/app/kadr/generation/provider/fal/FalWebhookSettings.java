package app.kadr.generation.provider.fal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * fal's webhooks ({@code kadr.generation.fal-*}), an option next to polling: off unless asked for, and then only
 * when Kadr knows the public address fal can reach ({@code kadr.public-url}).
 *
 * @param falWebhooks whether submits ask fal to announce a finished request at {@code /api/v1/webhooks/fal}
 * @param falJwksUrl where fal publishes the Ed25519 keys its webhooks are signed with
 * @param falJwksTtl how long fetched keys are trusted before they are fetched again
 */
@ConfigurationProperties("kadr.generation")
public record FalWebhookSettings(
        @DefaultValue("false") boolean falWebhooks,

        @DefaultValue("https://rest.alpha.fal.ai/.well-known/jwks.json")
        URI falJwksUrl,

        @DefaultValue("1h") Duration falJwksTtl) {}
