package app.kadr.generation.provider.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A Sora video job, as {@code POST /videos} and {@code GET /videos/{id}} describe it.
 *
 * @param status {@code queued}, {@code in_progress}, {@code completed} or {@code failed}
 * @param progress 0..100
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VideoJob(
        @Nullable String id,
        @Nullable String status,
        @Nullable Integer progress,
        OpenAiError.@Nullable Detail error) {

    @Nullable
    Double fraction() {
        return progress == null ? null : Math.clamp(progress / 100.0, 0.0, 1.0);
    }
}
