package app.kadr.sharing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A link that works right now (not revoked, not expired, its project alive), as the public side needs it. A link
 * with a {@code versionId} shows that published version; one without shows the live storyboard.
 */
record OpenLink(
        UUID id,
        UUID projectId,
        String token,
        String secret,
        @Nullable String passwordHash,
        boolean allowComments,
        @Nullable UUID versionId) {

    boolean hasPassword() {
        return passwordHash != null;
    }
}
