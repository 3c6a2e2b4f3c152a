package app.kadr.element;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of an element as stored, with the element's own dates. */
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
        Instant updatedAt) {

    /** Whether an edit to these values would change nothing, so it makes no new version. */
    boolean sameAs(ElementKind kind, String handle, String name, String description, List<UUID> references) {
        return this.kind == kind
                && this.handle.equals(handle)
                && this.name.equals(name)
                && this.description.equals(description)
                && this.referenceAssetIds.equals(references);
    }
}
