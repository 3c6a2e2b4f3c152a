package app.kadr.asset;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A direct upload as stored: the blob it waits for, what the browser declared, and the asset once confirmed. */
record DirectUploadRow(
        UUID id,
        UUID ownerId,
        UUID shotId,
        String blobKey,
        String fileName,
        long declaredSize,
        String contentType,
        @Nullable UUID assetId,
        Instant expiresAt) {

    boolean expired() {
        return !Instant.now().isBefore(expiresAt);
    }
}
