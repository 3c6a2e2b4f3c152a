package app.kadr.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A model with its provider: what to call ({@code externalId}), which parameters it takes ({@code schema}), the
 * values Kadr starts from ({@code defaults}), named sets of values ({@code presets}), and how Kadr's field names
 * become the provider's ({@code fieldMapping}). {@code typicalSeconds} is how long one run usually takes, for the person
 * choosing a model; unknown for a model an admin added without it.
 *
 * <p>Kadr's own names are the schema's field names plus the inputs every generation has: {@code prompt},
 * {@code negativePrompt}, {@code sourceImage}, {@code endImage}, {@code maskImage}, {@code sourceVideo},
 * {@code audio}, {@code referenceImages}, {@code loras}. A model accepts such an input only when its mapping names it; a parameter missing from the
 * mapping keeps its own name.
 */
public record CatalogModel(
        UUID id,
        Provider provider,
        String externalId,
        String name,
        String vendor,
        Task task,
        Quality quality,
        String description,
        ParamSchema schema,
        Map<String, Object> defaults,
        Map<String, Map<String, Object>> presets,
        Map<String, String> fieldMapping,
        Price price,
        @Nullable Integer typicalSeconds,
        boolean enabled,
        @Nullable String workflow,
        int maxReferences) {

    public CatalogModel {
        // Unmodifiable but in their stored order, which is the order the JSON and the UI show.
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        presets = Collections.unmodifiableMap(new LinkedHashMap<>(presets));
        fieldMapping = Collections.unmodifiableMap(new LinkedHashMap<>(fieldMapping));
    }

    /** The provider's name for one of Kadr's fields. */
    public String providerField(String kadrField) {
        return fieldMapping.getOrDefault(kadrField, kadrField);
    }

    /** Whether the model takes one of the inputs every generation may have, such as a negative prompt. */
    public boolean accepts(String kadrInput) {
        return fieldMapping.containsKey(kadrInput);
    }

    /**
     * How many reference images (an element's looks, see the element module) one call can carry, where its mapping
     * names the provider's place for them ({@code referenceImages}); 0 for a model that takes none.
     */
    public int referenceLimit() {
        return accepts("referenceImages") ? maxReferences : 0;
    }

    /**
     * Whether one call can carry LoRAs (an element's adapter, see {@link CatalogLora}): its mapping names the
     * provider's list for them ({@code loras}: fal flux-lora's {@code loras}, Runware's {@code lora}), and its
     * provider is one whose LoRA entries it can read.
     */
    public boolean acceptsLoras() {
        return accepts("loras") && LoraWeights.of(provider.kind()).isPresent();
    }

    /** Listed for everyone: the model and its provider are switched on. */
    public boolean usable() {
        return enabled && provider.enabled();
    }

    /** Can run now: listed, and its provider has what a call needs (a key, a passing last check). */
    public boolean ready() {
        return usable() && provider.ready();
    }

    /** Why it cannot run now, as a short picker message key («нет ключа API»); null when it can. */
    public @Nullable String notReadyKey() {
        if (ready()) {
            return null;
        }
        if (!enabled) {
            return "catalog.picker.model_off";
        }
        String reason = provider.notReadyKey();
        return reason != null ? reason : "catalog.picker.provider_off";
    }
}
