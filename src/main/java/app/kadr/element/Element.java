package app.kadr.element;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One version of an element as the API and the pages show it: the current one unless asked for an older one.
 * {@code references} are the reference takes still there to show ({@code referenceAssetIds} keeps every one chosen);
 * {@code staleGenerations} counts generations made with its older versions (in the project's list only). A character
 * may have a voice: {@code voiceNote} in words and {@code voiceAssetId}, an audio take played from {@code voiceUrl}
 * while it is there. {@code loraModelId} and {@code loraWeight}: its LoRA of the catalog and the weight it goes with
 * ({@code loraName} its name in the catalog), or nulls.
 */
public record Element(
        UUID id,
        UUID projectId,
        String kind,
        String kindLabel,
        String handle,
        String name,
        String description,
        int version,
        List<UUID> referenceAssetIds,
        List<Reference> references,
        int staleGenerations,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String voiceNote,
        @Nullable UUID voiceAssetId,
        @Nullable String voiceUrl,
        @Nullable UUID loraModelId,
        @Nullable BigDecimal loraWeight,
        @Nullable String loraName) {

    /** A reference image with the addresses of its picture. */
    public record Reference(
            UUID assetId,
            String thumbUrl,
            String url,
            @Nullable String thumbhash) {}

    public String mention() {
        return "@" + handle;
    }
}
