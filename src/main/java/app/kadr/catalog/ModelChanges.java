package app.kadr.catalog;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A model as an admin sends it: every field may be missing (PATCH keeps the current value; POST requires some).
 * {@code workflow} is a JSON object or a string holding one; the empty string removes it.
 * JSON parts stay untyped here so that a wrong shape is reported in Russian by the catalog, not by the JSON reader.
 */
record ModelChanges(
        @Nullable UUID providerId,
        @Nullable String provider,
        @Nullable String externalId,
        @Nullable String name,
        @Nullable String vendor,
        @Nullable String task,
        @Nullable String quality,
        @Nullable String description,
        @Nullable Object paramSchema,
        @Nullable Object defaults,
        @Nullable Object presets,
        @Nullable Object fieldMapping,
        @Nullable PriceChanges price,
        @Nullable Integer typicalSeconds,
        @Nullable Boolean enabled,
        @Nullable Object workflow,
        @Nullable Integer maxReferences) {

    record PriceChanges(@Nullable String unit, @Nullable BigDecimal usd) {}
}
