package app.kadr.generation.provider.stability;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderExchange;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Stability's HTTP statuses in Kadr's words (see PROVIDERS.md, "Mapping to the user's words"). */
final class StabilityErrors {

    /** Past its rate limit Stability locks the key out for 60 seconds; it does not always say so. */
    static final Duration LOCKOUT = Duration.ofSeconds(60);

    /** Stability names the wrong field at the start of an error line: {@code "aspect_ratio: must be one of …"}. */
    private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z_\\[\\]]+)\\s*:");

    private StabilityErrors() {}

    static ProviderException of(ProviderExchange answer) {
        String raw = answer.raw();
        return switch (answer.status()) {
            case 400, 422 -> ProviderException.badInput(namedField(answer), raw);
            case 401 -> ProviderException.of(Kind.BAD_KEY, raw);
            case 402 -> ProviderException.of(Kind.NO_CREDITS, raw);
            case 403 -> ProviderException.of(Kind.MODERATION, raw);
            case 413 -> ProviderException.badInput("image", raw);
            case 429 -> ProviderException.busy(answer.retryAfter() == null ? LOCKOUT : answer.retryAfter(), raw);
            // Stability's own outages pass; the runner retries with backoff.
            case 500, 502, 503, 504 -> ProviderException.busy(answer.retryAfter(), raw);
            default -> ProviderException.of(Kind.FAILED, raw);
        };
    }

    private static @Nullable String namedField(ProviderExchange answer) {
        StabilityError error;
        try {
            error = JsonMapper.shared().readValue(answer.body(), StabilityError.class);
        } catch (JacksonException notJson) {
            return null;
        }
        if (error.errors() == null) {
            return null;
        }
        for (String line : error.errors()) {
            Matcher field = FIELD.matcher(line);
            if (field.find()) {
                return field.group(1);
            }
        }
        return null;
    }
}
