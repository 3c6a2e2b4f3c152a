package app.kadr.platform;

import app.kadr.media.FocalPoint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One request for platform versions of a take and how far it got.
 *
 * @param status {@code queued} until every version is a take ({@code done}) or one could not be made ({@code failed},
 *     with the reason; the versions made before it stay)
 * @param takes the versions made so far, in the order asked for
 */
public record PlatformVersion(
        UUID id,
        UUID sourceAssetId,
        List<String> formats,
        FocalPoint focus,
        String status,
        @Nullable String failure,
        List<Take> takes,
        Instant createdAt,
        @Nullable Instant finishedAt) {

    /** A finished version: its format and the take it became. */
    public record Take(String format, UUID assetId) {}
}
