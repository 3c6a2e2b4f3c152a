package app.kadr.element;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a create or an edit asks for; on an edit, a field left out keeps its value. */
public record ElementChange(
        @Nullable String kind,
        @Nullable String handle,
        @Nullable String name,
        @Nullable String description,
        @Nullable List<UUID> referenceAssetIds) {}
