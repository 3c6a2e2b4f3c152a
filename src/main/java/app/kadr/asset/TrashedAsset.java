package app.kadr.asset;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An asset in the trash, with the shot it will return to. */
public record TrashedAsset(
        UUID id,
        String kind,
        String fileName,
        @Nullable String thumbUrl,
        UUID shotId,
        String shotTitle,
        String projectName,
        Instant deletedAt) {}
