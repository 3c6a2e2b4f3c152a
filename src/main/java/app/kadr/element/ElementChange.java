package app.kadr.element;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a create or an edit asks for; on an edit, a field left out keeps its value. A character's voice: a note and an
 * audio take of its project as a sample, where an empty {@code voiceAssetId} takes the sample away. {@code loraModelId} is a LoRA entry
 * of the catalog, or an empty string to take the element's LoRA away; {@code loraWeight} is the weight it goes with
 * (the LoRA's default when a new LoRA is chosen without one).
 */
public record ElementChange(
        @Nullable String kind,
        @Nullable String handle,
        @Nullable String name,
        @Nullable String description,
        @Nullable List<UUID> referenceAssetIds,
        @Nullable String voiceNote,
        @Nullable String voiceAssetId,
        @Nullable String loraModelId,
        @Nullable BigDecimal loraWeight) {

    /** A change of the looks and words alone (voice and LoRA kept), as the script module makes. */
    public ElementChange(
            @Nullable String kind,
            @Nullable String handle,
            @Nullable String name,
            @Nullable String description,
            @Nullable List<UUID> referenceAssetIds) {
        this(kind, handle, name, description, referenceAssetIds, null, null, null, null);
    }
}
