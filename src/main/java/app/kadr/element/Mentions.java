package app.kadr.element;

import java.util.List;
import java.util.UUID;

/**
 * A prompt with its @mentions expanded for the provider, the element versions it used, and their reference takes in
 * the order the elements were named (the caller attaches as many as the model takes).
 */
public record Mentions(String written, String expanded, List<ElementUse> used, List<UUID> referenceAssetIds) {

    public static Mentions none(String prompt) {
        return new Mentions(prompt, prompt, List.of(), List.of());
    }

    public boolean any() {
        return !used.isEmpty();
    }
}
