package app.kadr.storyboard;

import java.time.Instant;
import java.util.UUID;

/** A shot in the trash, with the project it will return to. */
public record TrashedShot(UUID id, String title, UUID projectId, String projectName, Instant deletedAt) {}
