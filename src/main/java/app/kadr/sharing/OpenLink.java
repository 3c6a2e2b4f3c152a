package app.kadr.sharing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A link that works right now (not revoked, not expired, its project alive), as the public side needs it. */
record OpenLink(
        UUID id,
        UUID projectId,
        String token,
        String secret,
        @Nullable String passwordHash,
        boolean allowComments) {

    boolean hasPassword() {
        return passwordHash != null;
    }
}
