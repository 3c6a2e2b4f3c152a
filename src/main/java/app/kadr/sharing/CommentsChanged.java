package app.kadr.sharing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The owner read, answered or deleted comments: storyboards update their unread badges, while the box page, where
 * the owner did it, keeps what it shows (and any reply being typed).
 *
 * @param shotId the shot whose comments changed, or null when all of the project's were marked read
 */
public record CommentsChanged(UUID projectId, @Nullable UUID shotId) {}
