package app.kadr.generation;

import java.util.UUID;

/** A generation moved on: submitted, progressing, retried, finished, failed or cancelled. */
public record GenerationChanged(UUID projectId, UUID shotId, UUID generationId) {}
