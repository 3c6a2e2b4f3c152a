package app.kadr.asset;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One live asset of a project with where it came from: its shot, its file and, for a generated take, the
 * generation that made it (model as it was when it ran, prompt, seed, parameters, sources, cost). The
 * generation fields are null for an upload.
 */
public record ProvenanceRow(
        int shotNumber,
        String shotTitle,
        UUID shotId,
        UUID assetId,
        String fileName,
        String kind,
        String origin,
        String mimeType,
        boolean headliner,
        String fileUrl,
        Instant createdAt,
        @Nullable UUID generationId,
        @Nullable String provider,
        @Nullable String providerName,
        @Nullable String modelVendor,
        @Nullable String modelName,
        @Nullable String modelExternalId,
        @Nullable String prompt,
        @Nullable String negativePrompt,
        @Nullable Long seed,
        Map<String, Object> params,
        List<UUID> sourceAssetIds,
        @Nullable UUID parentAssetId,
        @Nullable String editInstruction,
        @Nullable BigDecimal generationCost) {}
