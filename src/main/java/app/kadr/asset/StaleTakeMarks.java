package app.kadr.asset;

import java.util.Set;
import java.util.UUID;

/**
 * Which takes are «Устарело»: made by a generation that used an element version since replaced. The element module
 * knows; the box asks through this, so that takes do not depend on elements (elements already depend on takes).
 */
public interface StaleTakeMarks {

    /** Without an element module nothing is stale. */
    StaleTakeMarks NONE = projectId -> Set.of();

    /** The ids of the project's generations made with an older version of one of its live elements. */
    Set<UUID> staleGenerations(UUID projectId);
}
