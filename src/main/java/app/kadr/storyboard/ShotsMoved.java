package app.kadr.storyboard;

import java.util.List;
import java.util.UUID;

/** Shots that moved from one of the owner's projects to the end of another, in their storyboard order. */
public record ShotsMoved(UUID fromProjectId, UUID toProjectId, List<UUID> shotIds) {

    public ShotsMoved {
        shotIds = List.copyOf(shotIds);
    }
}
