package app.kadr.generation.provider.openai;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** OpenAI's HTTP statuses and error codes in Kadr's words (see PROVIDERS.md, "Mapping to the user's words"). */
final class OpenAiErrors {

    private static final OpenAiError.Detail NOTHING_SAID = new OpenAiError.Detail(null, null, null, null);

    private OpenAiErrors() {}

    static ProviderException of(ProviderExchange answer) {
        String raw = answer.raw();
        OpenAiError.Detail error = detail(answer);
        if (error.outOfCredits()) {
            // Comes as a 429 like a rate limit, but waiting does not refill the account.
            return ProviderException.of(Kind.NO_CREDITS, raw);
        }
        return switch (answer.status()) {
            case 400, 413, 415, 422 ->
                error.moderation()
                        ? ProviderException.of(Kind.MODERATION, raw)
                        : ProviderException.badInput(error.param(), raw);
            // 403: this key (or its organisation) may not use the model, e.g. gpt-image-1 before verification.
            case 401, 403 -> ProviderException.of(Kind.BAD_KEY, raw);
            case 429 -> ProviderException.busy(answer.retryAfter(), raw);
            default ->
                answer.status() >= 500
                        ? ProviderException.busy(answer.retryAfter(), raw)
                        : ProviderException.of(Kind.FAILED, raw);
        };
    }

    /** A failed video job: moderation if OpenAI says so, else simply failed. */
    static ProviderException failedJob(OpenAiError.@Nullable Detail error, @Nullable String raw) {
        return error != null && error.moderation()
                ? ProviderException.of(Kind.MODERATION, raw)
                : ProviderException.of(Kind.FAILED, raw);
    }

    private static OpenAiError.Detail detail(ProviderExchange answer) {
        try {
            OpenAiError parsed = JsonMapper.shared().readValue(answer.body(), OpenAiError.class);
            return parsed.error() == null ? NOTHING_SAID : parsed.error();
        } catch (JacksonException notJson) {
            return NOTHING_SAID;
        }
    }
}
