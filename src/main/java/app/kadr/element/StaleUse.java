package app.kadr.element;

import java.util.UUID;

/** An element a generation used in a version that has since been replaced. */
public record StaleUse(UUID id, String handle, int version, int currentVersion) {}
