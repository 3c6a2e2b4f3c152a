package app.kadr.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A LoRA of the catalog: an adapter its provider applies over a base model. {@code externalId} is the provider's own
 * name for it (fal: a URL or path of a .safetensors file; Runware: an AIR such as {@code civitai:58390@62833}),
 * {@code triggerWord} what a prompt says to wake it (may be empty), {@code defaultWeight} where an element starts.
 */
public record CatalogLora(
        UUID id,
        Provider provider,
        String externalId,
        String name,
        String triggerWord,
        BigDecimal defaultWeight,
        Instant createdAt) {

    /** The weights its provider accepts. */
    public LoraWeights weights() {
        return LoraWeights.of(provider.kind()).orElseThrow();
    }
}
