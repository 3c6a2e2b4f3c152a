package app.kadr.element;

import java.util.UUID;

/** One element version a generation was made with: its provenance. */
public record ElementUse(UUID id, int version, String handle) {}
