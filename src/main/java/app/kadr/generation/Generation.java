package app.kadr.generation;

import app.kadr.element.ElementUse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A generation as the API and the pages show it to its owner. */
public record Generation(
        UUID id,
        UUID shotId,
        UUID modelId,
        String modelName,
        String provider,
        String task,
        String prompt,
        @Nullable String negativePrompt,
        Map<String, Object> params,
        long seed,
        int count,
        String status,
        String statusLabel,
        @Nullable Double progress,
        @Nullable String progressMessage,
        @Nullable Failure error,
        List<UUID> sourceAssetIds,
        List<UUID> assetIds,
        @Nullable BigDecimal costEstimate,
        @Nullable BigDecimal cost,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        List<ElementUse> elements,
        References references,
        Loras loras) {

    /**
     * The reference images the generation's elements brought: those sent to the provider and those its model could
     * not take, with a sentence for the person when some were left out.
     */
    public record References(
            List<UUID> sent, List<UUID> notSent, @Nullable String note) {}

    /**
     * The LoRAs its elements brought: those sent to the provider (with the weight they went at) and those its model
     * could not take, with a sentence for the person when some were left out.
     */
    public record Loras(
            List<LoraUse> sent,
            List<LoraUse> notSent,
            @Nullable String note) {}

    /** One LoRA of the catalog as the generation used it, and the element that brought it. */
    public record LoraUse(
            UUID loraId,
            UUID elementId,
            String name,
            String externalId,
            String triggerWord,
            java.math.BigDecimal weight) {}

    /** Why a generation failed, in the person's words, with a stable code. */
    public record Failure(String code, String message) {}
}
