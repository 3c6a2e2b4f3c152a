package app.kadr.generation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a person asks for: a model, a prompt, parameters, sources, how many variants; for inpainting, the mask drawn
 * over the first source ({@code POST /api/v1/assets/{id}/masks}); and the project's elements to use besides those
 * the prompt mentions as {@code @handle}.
 */
public record NewGeneration(
        @Nullable UUID modelId,
        @Nullable String prompt,
        @Nullable String negativePrompt,
        @Nullable Map<String, Object> params,
        @Nullable List<UUID> sourceAssetIds,
        @Nullable Integer count,
        @Nullable UUID maskAssetId,
        @Nullable List<UUID> elementIds) {

    /** A request without a mask that attaches no elements by id (its prompt may still mention some). */
    public NewGeneration(
            @Nullable UUID modelId,
            @Nullable String prompt,
            @Nullable String negativePrompt,
            @Nullable Map<String, Object> params,
            @Nullable List<UUID> sourceAssetIds,
            @Nullable Integer count) {
        this(modelId, prompt, negativePrompt, params, sourceAssetIds, count, null, null);
    }
}
