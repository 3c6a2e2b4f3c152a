package app.kadr.catalog;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The writable part of a model, checked and ready to store: what the seed and an admin's request both produce. */
record ModelDraft(
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

    static ModelDraft of(CatalogModel model) {
        return new ModelDraft(
                model.externalId(),
                model.name(),
                model.vendor(),
                model.task(),
                model.quality(),
                model.description(),
                model.schema(),
                model.defaults(),
                model.presets(),
                model.fieldMapping(),
                model.price(),
                model.typicalSeconds(),
                model.enabled(),
                model.workflow(),
                model.maxReferences());
    }
}
