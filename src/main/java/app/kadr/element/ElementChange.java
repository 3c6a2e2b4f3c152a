package app.kadr.element;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a create or an edit asks for; on an edit, a field left out keeps its value. A character's voice: a note and an
 * audio take of its project as a sample, where an empty {@code voiceAssetId} takes the sample away.
 */
public record ElementChange(
        @Nullable String kind,
        @Nullable String handle,
        @Nullable String name,
        @Nullable String description,
        @Nullable List<UUID> referenceAssetIds,
        @Nullable String voiceNote,
        @Nullable String voiceAssetId) {

    /** A change that leaves the voice as it is. */
    public ElementChange(
            @Nullable String kind,
            @Nullable String handle,
            @Nullable String name,
            @Nullable String description,
            @Nullable List<UUID> referenceAssetIds) {
        this(kind, handle, name, description, referenceAssetIds, null, null);
    }
}
