package app.kadr.sharing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A share link as its owner sees it. */
public record ShareLink(
        UUID id,
        String token,
        String url,
        @Nullable Instant expiresAt,
        boolean allowComments,
        boolean hasPassword,
        boolean expired,
        Instant createdAt) {}
