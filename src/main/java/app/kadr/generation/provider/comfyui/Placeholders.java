package app.kadr.generation.provider.comfyui;

import app.kadr.generation.provider.ProviderException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored API-format workflow whose inputs are placeholders: a string value that is exactly {@code "$name"}
 * (e.g. {@code "$prompt"}, {@code "$seed"}, {@code "$image"}). Only whole values are placeholders, so a prompt
 * that happens to contain a dollar sign is never touched. Values replace them as JSON, so numbers stay numbers.
 * {@code "$name?"} is optional: without a value it becomes an empty string (a blank negative prompt).
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)(\\??)");

    private final JsonNode graph;

    private Placeholders(JsonNode graph) {
        this.graph = graph;
    }

    static Placeholders in(@Nullable String workflow) throws ProviderException {
        if (workflow == null || workflow.isBlank()) {
            throw ProviderException.badInput("workflow", "the model has no workflow");
        }
        JsonNode graph;
        try {
            graph = JsonMapper.shared().readTree(workflow);
        } catch (JacksonException notJson) {
            throw ProviderException.badInput("workflow", notJson.getOriginalMessage());
        }
        if (!graph.isObject()) {
            throw ProviderException.badInput("workflow", "the workflow is not a JSON object");
        }
        return new Placeholders(graph);
    }

    /** The names used, in the order they appear. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        collect(graph, names, new LinkedHashSet<>());
        return names;
    }

    /** The graph with every placeholder replaced; every name must have a value. */
    JsonNode fill(Map<String, ?> values) throws ProviderException {
        Map<String, JsonNode> json = new LinkedHashMap<>();
        Set<String> optional = new LinkedHashSet<>();
        collect(graph, new LinkedHashSet<>(), optional);
        for (String name : names()) {
            if (!values.containsKey(name) && optional.contains(name)) {
                json.put(name, JsonMapper.shared().getNodeFactory().stringNode(""));
                continue;
            }
            if (!values.containsKey(name)) {
                // The template asks for something the model's catalog row does not give: say which.
                throw ProviderException.badInput(name, "the workflow needs $" + name);
            }
            json.put(name, JsonMapper.shared().valueToTree(values.get(name)));
        }
        return filled(graph, json);
    }

    private static void collect(JsonNode node, Set<String> names, Set<String> optional) {
        String name = name(node);
        if (name != null) {
            names.add(name);
            if (node.stringValue().endsWith("?")) {
                optional.add(name);
            }
        }
        node.values().forEach(child -> collect(child, names, optional));
    }

    private static JsonNode filled(JsonNode node, Map<String, JsonNode> values) {
        String name = name(node);
        if (name != null) {
            return values.get(name);
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.properties().forEach(property -> copy.set(property.getKey(), filled(property.getValue(), values)));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.values().forEach(child -> copy.add(filled(child, values)));
            return copy;
        }
        return node;
    }

    private static @Nullable String name(JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        Matcher placeholder = PLACEHOLDER.matcher(node.stringValue());
        return placeholder.matches() ? placeholder.group(1) : null;
    }
}
