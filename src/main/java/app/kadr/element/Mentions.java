package app.kadr.element;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A prompt with its @mentions expanded for the provider, the element versions it used, and their reference takes in
 * the order the elements were named (the caller attaches as many as the model takes), and their LoRAs likewise (the
 * caller sends them where the model takes LoRAs).
 */
public record Mentions(
        String written, String expanded, List<ElementUse> used, List<UUID> referenceAssetIds, List<ElementLora> loras) {

    /** An element's LoRA of the catalog with the weight the element applies it at. */
    public record ElementLora(UUID elementId, UUID loraId, BigDecimal weight) {}

    public static Mentions none(String prompt) {
        return new Mentions(prompt, prompt, List.of(), List.of(), List.of());
    }

    public boolean any() {
        return !used.isEmpty();
    }
}
