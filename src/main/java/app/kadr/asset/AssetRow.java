package app.kadr.asset;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An asset as stored, with the keys of its files. */
record AssetRow(
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
        String originalName,
        String originalKey,
        @Nullable String thumbKey,
        @Nullable String previewKey,
        @Nullable String posterKey,
        @Nullable String hoverKey,
        boolean starred,
        Instant createdAt,
        @Nullable UUID generationId) {

    /** A just-uploaded file: its derivatives are still to be made. */
    static AssetRow uploaded(UUID shotId, Uploads.Accepted file, String originalKey) {
        return new AssetRow(
                UUID.randomUUID(),
                shotId,
                file.media().kind().apiName(),
                "upload",
                "processing",
                null,
                file.media().mimeType(),
                file.bytes(),
                null,
                null,
                null,
                null,
                file.fileName(),
                originalKey,
                null,
                null,
                null,
                null,
                false,
                app.kadr.shared.Rows.now(),
                null);
    }

    /** A provider's result taken into a shot: like an upload, but it knows the generation that made it. */
    static AssetRow generated(
            UUID shotId, UUID generationId, app.kadr.media.DetectedMedia media, long bytes, String name, String key) {
        return made(shotId, "generated", media, bytes, name, key, generationId);
    }

    /** A take made from another take of the shot (a platform version): neither uploaded nor generated. */
    static AssetRow version(UUID shotId, app.kadr.media.DetectedMedia media, long bytes, String name, String key) {
        return made(shotId, "version", media, bytes, name, key, null);
    }

    /** A take the studio made itself, stored and waiting for its derivatives. */
    private static AssetRow made(
            UUID shotId,
            String origin,
            app.kadr.media.DetectedMedia media,
            long bytes,
            String name,
            String key,
            @Nullable UUID generationId) {
        return new AssetRow(
                UUID.randomUUID(),
                shotId,
                media.kind().apiName(),
                origin,
                "processing",
                null,
                media.mimeType(),
                bytes,
                null,
                null,
                null,
                null,
                name,
                key,
                null,
                null,
                null,
                null,
                false,
                app.kadr.shared.Rows.now(),
                generationId);
    }

    boolean isVideo() {
        return "video".equals(kind);
    }

    boolean isAudio() {
        return "audio".equals(kind);
    }

    /** The blob key of a file variant, or null if this asset has no such file (yet). */
    @Nullable
    String keyOf(String variant) {
        return switch (variant) {
            case "original" -> originalKey;
            case "thumb" -> thumbKey;
            case "preview" -> previewKey;
            case "poster" -> posterKey;
            case "hover" -> hoverKey;
            default -> null;
        };
    }
}
