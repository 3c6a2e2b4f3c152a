package app.kadr.asset;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How a generated asset was made: its owner's record of model, prompt, seed and parameters. */
public record AssetGeneration(
        UUID id,
        UUID modelId,
        String modelName,
        String provider,
        String prompt,
        @Nullable String negativePrompt,
        long seed,
        Map<String, Object> params,
        List<UUID> sourceAssetIds,
        @Nullable UUID parentAssetId,
        @Nullable String editInstruction) {}
