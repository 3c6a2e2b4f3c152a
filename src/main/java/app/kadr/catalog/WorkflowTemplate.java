package app.kadr.catalog;

import app.kadr.shared.KadrException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check of a ComfyUI workflow an admin stores with a model: a JSON object in ComfyUI's API format (node id →
 * {@code {class_type, inputs}}) whose inputs may be placeholders, a string that is exactly {@code "$name"} or
 * {@code "$name?"}. {@code $name} must be something a generation with this model gives (the provider's name of a
 * parameter, of the prompt, the seed, or a source image: {@code $image}, {@code $end_image}); {@code $name?} is
 * optional and becomes an empty string when the generation has no such value (a blank negative prompt). Checking
 * here, on save, names a typo in Russian at once instead of failing every generation later.
 */
final class WorkflowTemplate {

    static final String FIELD = "workflow";
    static final int MAX_LENGTH = 100_000;

    /** The same shape the ComfyUI adapter fills in. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)(\\??)");

    /** Source images arrive under their role, not through the mapping. */
    private static final Set<String> SOURCES = Set.of("image", "end_image", "mask");

    /**
     * Reference images fill {@code $ref1…$refN}, N the model's {@code maxReferences}; an element with fewer looks than
     * slots has them repeated, so a graph can always load N images.
     */
    static final String REFERENCE = "ref";

    private WorkflowTemplate() {}

    /**
     * The workflow to store: the text as the admin wrote it (a string) or as JSON (an object), null to keep none.
     */
    static @Nullable String text(@Nullable Object given, JsonMapper json) {
        if (given == null) {
            return null;
        }
        if (given instanceof String text) {
            return text.isBlank() ? null : text.strip();
        }
        if (given instanceof Map<?, ?>) {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(given);
        }
        throw KadrException.invalid(FIELD, "catalog.workflow.not_object");
    }

    /** Checks the workflow against what the model's generations will give; every failure in Russian. */
    static void check(
            String workflow, ProviderKind kind, ParamSchema schema, Map<String, String> mapping, int maxReferences) {
        if (kind != ProviderKind.COMFYUI) {
            throw KadrException.invalid(FIELD, "catalog.workflow.comfyui_only");
        }
        if (workflow.length() > MAX_LENGTH) {
            throw KadrException.invalid(FIELD, "catalog.model.json_long", String.valueOf(MAX_LENGTH));
        }
        JsonNode graph;
        try {
            graph = JsonMapper.shared().readTree(workflow);
        } catch (JacksonException notJson) {
            throw KadrException.invalid(FIELD, "catalog.workflow.json", notJson.getOriginalMessage());
        }
        if (graph == null || !graph.isObject() || graph.isEmpty()) {
            throw KadrException.invalid(FIELD, "catalog.workflow.not_object");
        }
        for (Map.Entry<String, JsonNode> node : graph.properties()) {
            JsonNode value = node.getValue();
            if (!value.isObject()
                    || !value.path("class_type").isString()
                    || !value.path("inputs").isObject()) {
                throw KadrException.invalid(FIELD, "catalog.workflow.node", node.getKey());
            }
        }
        Set<String> known = known(schema, mapping);
        for (int n = 1; n <= maxReferences; n++) {
            known.add(REFERENCE + n);
        }
        Set<String> unknown = new TreeSet<>();
        for (String name : placeholders(graph)) {
            if (!known.contains(name)) {
                unknown.add("$" + name);
            }
        }
        if (!unknown.isEmpty()) {
            throw KadrException.invalid(
                    FIELD,
                    "catalog.workflow.placeholder",
                    String.join(", ", unknown),
                    String.join(
                            ", ",
                            new TreeSet<>(known).stream().map(n -> "$" + n).toList()));
        }
    }

    /** The names a generation gives the adapter: see {@code ProviderCalls.input} and the sources' roles. */
    private static Set<String> known(ParamSchema schema, Map<String, String> mapping) {
        Set<String> known = new LinkedHashSet<>(SOURCES);
        schema.params().forEach(p -> known.add(mapping.getOrDefault(p.name(), p.name())));
        known.add(mapping.getOrDefault("prompt", "prompt"));
        known.add(mapping.getOrDefault("seed", "seed"));
        if (mapping.containsKey("negativePrompt")) {
            known.add(mapping.get("negativePrompt"));
        }
        return known;
    }

    /** Every placeholder, optional ones too: a typo in one would otherwise quietly leave its input empty. */
    private static Set<String> placeholders(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        collect(node, names);
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isString()) {
            Matcher placeholder = PLACEHOLDER.matcher(node.stringValue());
            if (placeholder.matches()) {
                names.add(placeholder.group(1));
            }
            return;
        }
        node.values().forEach(child -> collect(child, names));
    }
}
