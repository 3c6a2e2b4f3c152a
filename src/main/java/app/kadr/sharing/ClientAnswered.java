package app.kadr.sharing;

import java.util.UUID;

/** A client approved a shot, asked for changes on it, or picked a favourite among its candidates. */
public record ClientAnswered(UUID projectId, UUID shotId) {}
