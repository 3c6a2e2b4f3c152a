package app.kadr.catalog;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new LoRA entry as an admin asks for it: its provider (by id, or by kind as {@code provider}), the provider's id
 * for it, a name, the trigger word and the default weight (1 when left out).
 */
public record LoraChanges(
        @Nullable UUID providerId,
        @Nullable String provider,
        @Nullable String externalId,
        @Nullable String name,
        @Nullable String triggerWord,
        @Nullable BigDecimal defaultWeight) {}
