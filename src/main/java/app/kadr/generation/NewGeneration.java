package app.kadr.generation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a person asks for: a model, a prompt, parameters, sources and how many variants. */
public record NewGeneration(
        @Nullable UUID modelId,
        @Nullable String prompt,
        @Nullable String negativePrompt,
        @Nullable Map<String, Object> params,
        @Nullable List<UUID> sourceAssetIds,
        @Nullable Integer count) {}
