package app.kadr.generation.provider.stability;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Stability's JSON answer ({@code Accept: application/json}): a finished image, or, from the asynchronous
 * endpoints, only the id of the job to poll.
 *
 * @param id the job id (asynchronous endpoints only)
 * @param image the image, base64
 * @param finishReason {@code SUCCESS}, {@code CONTENT_FILTERED} or {@code ERROR}
 * @param seed the seed used
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StabilityAnswer(
        @Nullable String id,
        @Nullable String image,
        @JsonProperty("finish_reason") @Nullable String finishReason,
        @Nullable Long seed) {

    boolean filtered() {
        return "CONTENT_FILTERED".equals(finishReason);
    }

    /** The answer for the owner's log: everything but the image itself. */
    String summary() {
        return "{\"finish_reason\":\"" + finishReason + "\",\"seed\":" + seed + ",\"image_base64_chars\":"
                + (image == null ? 0 : image.length()) + "}";
    }
}
