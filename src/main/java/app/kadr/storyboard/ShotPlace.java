package app.kadr.storyboard;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Where a live shot sits and what it shows: enough to label a take and to tell whether it is the headliner. */
public record ShotPlace(
        UUID id,
        UUID projectId,
        int number,
        String title,
        @Nullable UUID headlinerAssetId) {}
