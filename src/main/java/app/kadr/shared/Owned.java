package app.kadr.shared;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An object {@link Access} found to be the asker's, with where it sits: its project and shot, when it has them
 * (a shot has a project; a take, a generation or a comment may have both; an API token has neither).
 */
public record Owned(
        OwnedKind kind,
        UUID id,
        @Nullable UUID projectId,
        @Nullable UUID shotId) {

    /** The project the object belongs to; for kinds that always have one. */
    public UUID project() {
        if (projectId == null) {
            throw new IllegalStateException(kind + " " + id + " belongs to no project");
        }
        return projectId;
    }

    /** The shot the object belongs to; for kinds that always have one. */
    public UUID shot() {
        if (shotId == null) {
            throw new IllegalStateException(kind + " " + id + " belongs to no shot");
        }
        return shotId;
    }
}
