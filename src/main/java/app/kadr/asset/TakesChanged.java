package app.kadr.asset;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The takes of a shot changed: one was added (uploaded or generated), moved to the trash or restored.
 *
 * @param assetId the take concerned, when there is one
 */
public record TakesChanged(
        UUID projectId, UUID shotId, @Nullable UUID assetId) {}
