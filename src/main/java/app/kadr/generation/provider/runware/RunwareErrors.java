package app.kadr.generation.provider.runware;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderHttp;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runware's failures in our words, checked in this order (the first match wins):
 *
 * <table>
 * <tr><th>Runware says</th><th>Kind</th></tr>
 * <tr><td>HTTP 401, code invalidApiKey / missingApiKey</td><td>BAD_KEY</td></tr>
 * <tr><td>HTTP 402, a code containing "credit" or "balance" [unverified]</td><td>NO_CREDITS</td></tr>
 * <tr><td>HTTP 429 / 502 / 503 / 504, code timeoutProvider</td><td>BUSY, with Retry-After</td></tr>
 * <tr><td>code contentPolicyViolation, or a code containing "nsfw" or "moderation"</td><td>MODERATION</td></tr>
 * <tr><td>an error naming a parameter</td><td>BAD_INPUT, that parameter</td></tr>
 * <tr><td>a code starting with "invalid" (invalidWidth…) without a parameter</td><td>BAD_INPUT</td></tr>
 * <tr><td>anything else</td><td>FAILED</td></tr>
 * </table>
 *
 * Runware refuses a request its provider's content policy blocks with {@code contentPolicyViolation}, and flags a
 * finished image with {@code NSFWContent} (asked for with {@code checkNSFW}). How it reports an empty balance is
 * unverified; those code fragments are guesses that fail safe (no retry).
 */
final class RunwareErrors {

    private static final Set<String> KEY_CODES = Set.of("invalidApiKey", "missingApiKey");
    private static final Set<Integer> BUSY_STATUSES = Set.of(429, 502, 503, 504);

    private RunwareErrors() {}

    static ProviderException of(RunwareHttp.Answer answer, RunwareJson.Reply reply) {
        RunwareJson.Failure failure =
                reply.failures().isEmpty() ? null : reply.failures().getFirst();
        String code = failure == null || failure.code() == null ? "" : failure.code();
        String lowerCode = code.toLowerCase(Locale.ROOT);
        String raw = ProviderHttp.raw(answer.body());
        int status = answer.status();
        if (status == 401 || KEY_CODES.contains(code)) {
            return ProviderException.of(Kind.BAD_KEY, raw);
        }
        if (status == 402 || lowerCode.contains("credit") || lowerCode.contains("balance")) {
            return ProviderException.of(Kind.NO_CREDITS, raw);
        }
        if (BUSY_STATUSES.contains(status) || code.equals("timeoutProvider")) {
            Duration retryAfter = ProviderHttp.retryAfter(answer.headers());
            return ProviderException.busy(retryAfter, raw);
        }
        if (code.equals("contentPolicyViolation") || lowerCode.contains("nsfw") || lowerCode.contains("moderation")) {
            return ProviderException.of(Kind.MODERATION, raw);
        }
        String parameter = failure == null ? null : blankToNull(failure.parameter());
        if (parameter != null || code.startsWith("invalid")) {
            return ProviderException.badInput(parameter, raw);
        }
        return ProviderException.of(Kind.FAILED, raw);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
