package app.kadr.generation.provider.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** OpenAI's error answer: {@code {"error":{"message","type","param","code"}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record OpenAiError(@Nullable Detail error) {

    /** The error itself; a failed video job carries the same shape (code and message only). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Detail(
            @Nullable String message,
            @Nullable String type,
            @Nullable String param,
            @Nullable String code) {

        /** Blocked by OpenAI's moderation or "safety system"; the codes vary by endpoint, the words do not. */
        boolean moderation() {
            return mentions(code, "moderation", "safety", "content_policy")
                    || mentions(type, "moderation", "safety", "content_policy")
                    || mentions(message, "safety system");
        }

        /** Out of money: a 429 {@code insufficient_quota}, or a billing limit. Retrying cannot help. */
        boolean outOfCredits() {
            return mentions(code, "insufficient_quota", "billing") || mentions(type, "insufficient_quota");
        }

        private static boolean mentions(@Nullable String text, String... words) {
            if (text == null) {
                return false;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (lower.contains(word)) {
                    return true;
                }
            }
            return false;
        }
    }
}
