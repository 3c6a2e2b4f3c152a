package app.kadr.element;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
        @Nullable UUID loraId,
        @Nullable BigDecimal loraWeight) {

    /** Whether an edit to these values would change nothing, so it makes no new version. */
    boolean sameAs(
            ElementKind kind,
            String handle,
            String name,
            String description,
            List<UUID> references,
            ElementLoras.Chosen lora) {
        return this.kind == kind
                && java.util.Objects.equals(this.loraId, lora.loraId())
                && (this.loraWeight == null
                        ? lora.weight() == null
                        : lora.weight() != null && this.loraWeight.compareTo(lora.weight()) == 0)
                && this.handle.equals(handle)
                && this.name.equals(name)
                && this.description.equals(description)
                && this.referenceAssetIds.equals(references);
    }
}
