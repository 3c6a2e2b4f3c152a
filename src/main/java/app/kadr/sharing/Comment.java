package app.kadr.sharing;

import app.kadr.shared.AssetUrls;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A comment as the owner sees it, with the shot it is about: the client's or the owner's own ({@code byOwner}), a
 * reply in a thread ({@code parentId}), a moment ({@code timecodeMs}, shown as {@code timecode}) and a drawing over
 * the picture it was written on ({@code assetId}, a {@code video} or an {@code image}).
 */
public record Comment(
        UUID id,
        UUID shotId,
        int shotNumber,
        String shotTitle,
        String authorName,
        String text,
        Instant createdAt,
        boolean read,
        @Nullable String reply,
        @Nullable Instant repliedAt,
        @Nullable UUID parentId,
        boolean byOwner,
        @Nullable Long timecodeMs,
        @Nullable String timecode,
        @Nullable Annotation annotation,
        @Nullable UUID assetId,
        @Nullable String assetKind) {

    /** Whether the owner's page can show the comment over its picture: at its moment, with its drawing. */
    public boolean hasMoment() {
        return assetId != null && (timecodeMs != null || annotation != null);
    }

    /** The owner's address of the picture the comment was written over: a video whole, a still as its preview. */
    public @Nullable String pictureUrl() {
        return assetId == null || assetKind == null ? null : mediaUrl(assetId, assetKind);
    }

    static String mediaUrl(UUID assetId, String kind) {
        return AssetUrls.of(assetId, "video".equals(kind) ? "original" : "preview", null);
    }
}
