package app.kadr.asset;

import app.kadr.shared.AssetUrls;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An asset as the API and the box page show it to its owner. */
public record Asset(
        UUID id,
        UUID shotId,
        String kind,
        String origin,
        String mediaStatus,
        @Nullable String brokenReason,
        String mimeType,
        long bytes,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Long durationMs,
        @Nullable String thumbhash,
        String fileName,
        boolean starred,
        Instant createdAt,
        Map<String, String> urls,
        @Nullable AssetGeneration generation) {

    static Asset of(AssetRow row) {
        return of(row, null);
    }

    static Asset of(AssetRow row, @Nullable AssetGeneration generation) {
        return new Asset(
                row.id(),
                row.shotId(),
                row.kind(),
                row.origin(),
                row.mediaStatus(),
                row.brokenReason(),
                row.mimeType(),
                row.bytes(),
                row.width(),
                row.height(),
                row.durationMs(),
                row.thumbhash(),
                row.originalName(),
                row.starred(),
                row.createdAt(),
                AssetUrls.all(
                        row.id(), row.originalKey(), row.thumbKey(), row.previewKey(), row.posterKey(), row.hoverKey()),
                generation);
    }

    @JsonIgnore
    public boolean isVideo() {
        return "video".equals(kind);
    }

    @JsonIgnore
    public boolean isAudio() {
        return "audio".equals(kind);
    }

    @JsonIgnore
    public boolean isReady() {
        return "ready".equals(mediaStatus);
    }

    @JsonIgnore
    public boolean isBroken() {
        return "broken".equals(mediaStatus);
    }
}
