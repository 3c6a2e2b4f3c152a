package app.kadr.generation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a person asks for: a model, a prompt, parameters, sources, how many variants and, for inpainting, the mask
 * drawn over the first source ({@code POST /api/v1/assets/{id}/masks}).
 */
public record NewGeneration(
        @Nullable UUID modelId,
        @Nullable String prompt,
        @Nullable String negativePrompt,
        @Nullable Map<String, Object> params,
        @Nullable List<UUID> sourceAssetIds,
        @Nullable Integer count,
        @Nullable UUID maskAssetId) {

    /** A request without a mask, as every task but inpainting makes. */
    public NewGeneration(
            @Nullable UUID modelId,
            @Nullable String prompt,
            @Nullable String negativePrompt,
            @Nullable Map<String, Object> params,
            @Nullable List<UUID> sourceAssetIds,
            @Nullable Integer count) {
        this(modelId, prompt, negativePrompt, params, sourceAssetIds, count, null);
    }
}
