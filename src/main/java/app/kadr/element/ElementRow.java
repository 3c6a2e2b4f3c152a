package app.kadr.element;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One version of an element as stored, with the element's own dates and its LoRA of the catalog, if any. */
record ElementRow(
        UUID id,
        UUID projectId,
        int version,
        ElementKind kind,
        String handle,
        String name,
        String description,
        List<UUID> referenceAssetIds,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String voiceNote,
        @Nullable UUID voiceAssetId,
        @Nullable UUID loraId,
        @Nullable BigDecimal loraWeight) {

    /** Whether an edit to these values would change nothing, so it makes no new version. */
    boolean sameAs(
            ElementKind kind,
            String handle,
            String name,
            String description,
            List<UUID> references,
            @Nullable String voiceNote,
            @Nullable UUID voiceAssetId,
            ElementLoras.Chosen lora) {
        return this.kind == kind
                && Objects.equals(this.loraId, lora.loraId())
                && (this.loraWeight == null
                        ? lora.weight() == null
                        : lora.weight() != null && this.loraWeight.compareTo(lora.weight()) == 0)
                && this.handle.equals(handle)
                && this.name.equals(name)
                && this.description.equals(description)
                && this.referenceAssetIds.equals(references)
                && Objects.equals(this.voiceNote, voiceNote)
                && Objects.equals(this.voiceAssetId, voiceAssetId);
    }

    /** The same version with other reference takes. */
    ElementRow withReferences(List<UUID> references) {
        return new ElementRow(
                id,
                projectId,
                version,
                kind,
                handle,
                name,
                description,
                references,
                createdAt,
                updatedAt,
                voiceNote,
                voiceAssetId,
                loraId,
                loraWeight);
    }
}
