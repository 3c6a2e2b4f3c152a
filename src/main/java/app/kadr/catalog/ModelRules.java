package app.kadr.catalog;

import app.kadr.shared.KadrException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes a model acceptable, whoever writes it: an admin through the API or the form, or a seed file of the
 * catalog at start. Every part is checked against the others (defaults and presets against the model's own parameter
 * schema, the field mapping against its fields, a workflow against both), each refusal a Russian message on a field.
 */
final class ModelRules {

    /** The inputs every generation may carry besides the schema's parameters, in Kadr's own names. */
    static final Set<String> INPUTS = Set.of(
            "prompt",
            "negativePrompt",
            "sourceImage",
            "endImage",
            "maskImage",
            "sourceVideo",
            "audio",
            // An element's reference images, as many as the model declares in maxReferences.
            "referenceImages",
            // The LoRAs of the elements a prompt mentions (see CatalogModel#acceptsLoras).
            "loras",
            // An outpaint's canvas, worked out by the studio from the aspect ratio and placement chosen.
            "canvasSize",
            "imageSize",
            "imageLocation");

    static final int MAX_EXTERNAL_ID = 200;
    static final int MAX_NAME = 200;
    static final int MAX_VENDOR = 100;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_PRESET_NAME = 100;
    static final int MAX_PROVIDER_FIELD = 100;
    /** No provider documents more than 16 reference images in one call (OpenAI's image edits take 16). */
    static final int MAX_REFERENCES = 16;
    /** A day: no generation a studio offers runs longer, and a typo of a few zeros shows. */
    static final int MAX_TYPICAL_SECONDS = 86_400;

    private final JsonMapper json;

    ModelRules(JsonMapper json) {
        this.json = json;
    }

    /**
     * The model the request describes, on top of the current one for PATCH; every part checked, in Russian. A seed
     * file's model is a request without a current model.
     */
    ModelDraft draft(ModelChanges body, @Nullable ModelDraft current, ProviderKind kind) {
        String externalId = text(body.externalId(), current == null ? null : current.externalId());
        if (externalId.isEmpty()) {
            throw KadrException.invalid("externalId", "catalog.model.external_id.empty");
        }
        if (externalId.length() > MAX_EXTERNAL_ID) {
            throw KadrException.invalid(
                    "externalId", "catalog.model.external_id.long", String.valueOf(MAX_EXTERNAL_ID));
        }
        String name = text(body.name(), current == null ? null : current.name());
        if (name.isEmpty()) {
            throw KadrException.invalid("name", "catalog.model.name.empty");
        }
        if (name.length() > MAX_NAME) {
            throw KadrException.invalid("name", "catalog.model.name.long", String.valueOf(MAX_NAME));
        }
        String vendor = text(body.vendor(), current == null ? null : current.vendor());
        if (vendor.length() > MAX_VENDOR) {
            throw KadrException.invalid("vendor", "catalog.model.vendor.long", String.valueOf(MAX_VENDOR));
        }
        String description = text(body.description(), current == null ? null : current.description());
        if (description.length() > MAX_DESCRIPTION) {
            throw KadrException.invalid(
                    "description", "catalog.model.description.long", String.valueOf(MAX_DESCRIPTION));
        }
        Task task = body.task() != null
                ? Task.of(body.task())
                        .orElseThrow(
                                () -> KadrException.invalid("task", "catalog.task.unknown", body.task(), Task.codes()))
                : current != null ? current.task() : null;
        if (task == null) {
            throw KadrException.invalid("task", "catalog.task.missing", Task.codes());
        }
        Quality quality = body.quality() != null
                ? Quality.of(body.quality())
                        .orElseThrow(() -> KadrException.invalid(
                                "quality", "catalog.quality.unknown", body.quality(), Quality.codes()))
                : current != null ? current.quality() : null;
        if (quality == null) {
            throw KadrException.invalid("quality", "catalog.quality.missing", Quality.codes());
        }
        ParamSchema schema = body.paramSchema() != null
                ? ParamSchema.parse(body.paramSchema())
                : current != null ? current.schema() : ParamSchema.EMPTY;
        // Defaults and presets are checked against the schema they will be used with, even when only it changed.
        Map<String, Object> defaults = ParamValidation.validate(
                schema,
                object(body.defaults(), current == null ? Map.of() : current.defaults(), "defaults"),
                "defaults",
                false);
        Map<String, Map<String, Object>> presets =
                presets(schema, body.presets() != null ? body.presets() : current == null ? null : current.presets());
        Map<String, String> mapping = mapping(
                schema,
                body.fieldMapping() != null ? body.fieldMapping() : current == null ? null : current.fieldMapping());
        Price price = price(body.price(), current == null ? null : current.price());
        Integer typicalSeconds =
                typicalSeconds(body.typicalSeconds(), current == null ? null : current.typicalSeconds());
        boolean enabled = body.enabled() != null ? body.enabled() : current == null || current.enabled();
        int maxReferences =
                maxReferences(body.maxReferences(), current == null ? 0 : current.maxReferences(), mapping, task);
        String workflow = body.workflow() != null
                ? WorkflowTemplate.text(body.workflow(), json)
                : current == null ? null : current.workflow();
        if (workflow != null) {
            // Checked against the mapping and schema it will be filled from, even when only they changed.
            WorkflowTemplate.check(workflow, kind, schema, mapping, maxReferences);
        }
        ModelDraft draft = new ModelDraft(
                externalId,
                name,
                vendor,
                task,
                quality,
                description,
                schema,
                defaults,
                presets,
                mapping,
                price,
                typicalSeconds,
                enabled,
                workflow,
                maxReferences);
        fits("paramSchema", schema.toJson(), 20000);
        fits("defaults", defaults, 5000);
        fits("presets", presets, 10000);
        fits("fieldMapping", mapping, 5000);
        return draft;
    }

    private static String text(@Nullable String given, @Nullable String current) {
        String value = given != null ? given : current;
        return value == null ? "" : value.strip();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(@Nullable Object given, Map<String, Object> current, String field) {
        if (given == null) {
            return current;
        }
        if (!(given instanceof Map<?, ?>)) {
            throw KadrException.invalid(field, "catalog.model.not_object");
        }
        return (Map<String, Object>) given;
    }

    private static Map<String, Map<String, Object>> presets(ParamSchema schema, @Nullable Object json) {
        Map<String, Map<String, Object>> presets = new LinkedHashMap<>();
        if (json == null) {
            return presets;
        }
        if (!(json instanceof Map<?, ?> named)) {
            throw KadrException.invalid("presets", "catalog.model.not_object");
        }
        for (Map.Entry<?, ?> preset : named.entrySet()) {
            String name = String.valueOf(preset.getKey()).strip();
            if (name.isEmpty() || name.length() > MAX_PRESET_NAME) {
                throw KadrException.invalid("presets", "catalog.preset.name", String.valueOf(MAX_PRESET_NAME));
            }
            String field = "presets." + name;
            presets.put(
                    name, ParamValidation.validate(schema, object(preset.getValue(), Map.of(), field), field, false));
        }
        return presets;
    }

    private static Map<String, String> mapping(ParamSchema schema, @Nullable Object json) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (json == null) {
            return mapping;
        }
        if (!(json instanceof Map<?, ?> pairs)) {
            throw KadrException.invalid("fieldMapping", "catalog.model.not_object");
        }
        for (Map.Entry<?, ?> pair : pairs.entrySet()) {
            String kadr = String.valueOf(pair.getKey());
            if (!INPUTS.contains(kadr) && schema.param(kadr).isEmpty()) {
                throw KadrException.invalid(
                        "fieldMapping." + kadr,
                        "catalog.mapping.unknown",
                        kadr,
                        String.join(", ", INPUTS.stream().sorted().toList()));
            }
            if (!(pair.getValue() instanceof String target)
                    || target.isBlank()
                    || target.length() > MAX_PROVIDER_FIELD) {
                throw KadrException.invalid("fieldMapping." + kadr, "catalog.mapping.target", kadr);
            }
            mapping.put(kadr, target.strip());
        }
        return mapping;
    }

    private static Price price(ModelChanges.@Nullable PriceChanges given, @Nullable Price current) {
        Price.Unit unit = given != null && given.unit() != null
                ? Price.Unit.of(given.unit())
                        .orElseThrow(() -> KadrException.invalid("price.unit", "catalog.price.unit"))
                : current != null ? current.unit() : null;
        BigDecimal usd = given != null && given.usd() != null ? given.usd() : current != null ? current.usd() : null;
        if (unit == null) {
            throw KadrException.invalid("price.unit", "catalog.price.unit");
        }
        if (usd == null
                || usd.signum() < 0
                || usd.compareTo(Price.MAX_USD) > 0
                || usd.stripTrailingZeros().scale() > 4) {
            throw KadrException.invalid("price.usd", "catalog.price.usd");
        }
        return new Price(unit, usd);
    }

    /**
     * How many reference images the model takes: a number only where the mapping says where they go, and a place in
     * the mapping only with a number, so a model never silently drops or is sent what it cannot take. Only image
     * and video generation from a prompt or a still draws on an element's looks.
     */
    private static int maxReferences(@Nullable Integer given, int current, Map<String, String> mapping, Task task) {
        int max = given != null ? given : current;
        if (max < 0 || max > MAX_REFERENCES) {
            throw KadrException.invalid("maxReferences", "catalog.references.range", String.valueOf(MAX_REFERENCES));
        }
        boolean mapped = mapping.containsKey("referenceImages");
        if (mapped && max == 0) {
            throw KadrException.invalid("maxReferences", "catalog.references.missing");
        }
        if (!mapped && max > 0) {
            throw KadrException.invalid("fieldMapping.referenceImages", "catalog.references.unmapped");
        }
        if (max > 0 && !REFERENCE_TASKS.contains(task)) {
            throw KadrException.invalid("maxReferences", "catalog.references.task");
        }
        return max;
    }

    private static final Set<Task> REFERENCE_TASKS =
            Set.of(Task.TEXT_TO_IMAGE, Task.IMAGE_TO_IMAGE, Task.TEXT_TO_VIDEO, Task.IMAGE_TO_VIDEO);

    private static @Nullable Integer typicalSeconds(@Nullable Integer given, @Nullable Integer current) {
        if (given == null) {
            return current;
        }
        if (given < 1 || given > MAX_TYPICAL_SECONDS) {
            throw KadrException.invalid(
                    "typicalSeconds", "catalog.model.typical_seconds", String.valueOf(MAX_TYPICAL_SECONDS));
        }
        return given;
    }

    private void fits(String field, Object value, int max) {
        if (json.writeValueAsString(value).length() > max) {
            throw KadrException.invalid(field, "catalog.model.json_long", String.valueOf(max));
        }
    }
}
