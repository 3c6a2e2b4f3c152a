package app.kadr.sharing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A client's comment as the owner sees it, with the shot it is about. */
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
        @Nullable Instant repliedAt) {}
