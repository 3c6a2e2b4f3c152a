package app.kadr.sharing;

import java.util.UUID;

/** A client commented on a shot through a share link. */
public record CommentAdded(UUID projectId, UUID shotId) {}
