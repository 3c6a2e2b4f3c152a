package app.kadr.element;

import java.util.UUID;

/**
 * An element a shot features: set by hand (in the box or from the script) and/or found in the @mentions of the
 * prompts its takes were generated from.
 */
public record FeaturedElement(
        UUID elementId, String handle, String name, String kind, String kindLabel, boolean byHand, boolean mentioned) {}
