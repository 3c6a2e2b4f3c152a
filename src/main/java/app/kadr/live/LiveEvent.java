package app.kadr.live;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something on a project's pages changed. Pages re-fetch what the event names rather than trusting its
 * data, so events stay small and leak nothing.
 *
 * @param type what changed, e.g. {@code asset} or {@code shot}
 * @param shotId the shot concerned, if any
 * @param assetId the asset concerned, if any
 */
record LiveEvent(
        String type, @Nullable UUID shotId, @Nullable UUID assetId) {}
