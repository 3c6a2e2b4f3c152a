package app.kadr.catalog;

import app.kadr.shared.KadrException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parameters a model takes, described in a small subset of JSON Schema that Kadr understands fully:
 *
 * <pre>{@code
 * {"type": "object",
 *  "properties": {
 *    "<field>": {"type": "integer" | "number" | "boolean" | "string",   (required)
 *                "title": "Русское название",                            (required: errors name the field by it)
 *                "description": "...",                                   (optional hint for the UI)
 *                "minimum": 1, "maximum": 50,                            (integer and number only)
 *                "enum": [..],                                           (values of the field's own type)
 *                "default": ..,                                          (must satisfy the field's own rules)
 *                "format": "aspect-ratio" | "size" | "duration"},        (a hint for the UI's control)
 *    ...},
 *  "required": ["<field>", ...]}
 * }</pre>
 *
 * Field names are Latin letters, digits and underscores, starting with a letter. Any other keyword is refused
 * rather than ignored, so a typo such as {@code "maximun"} cannot silently switch a check off. A full JSON Schema
 * library would accept far more than Kadr can check or show, and its messages would be English and name JSON
 * pointers; this subset keeps every rule expressible as one Russian sentence that names the field by its title.
 */
public record ParamSchema(List<Param> params, Set<String> required) {

    public enum Type {
        INTEGER,
        NUMBER,
        BOOLEAN,
        STRING;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One field. {@code choices} is empty when any value of the type (within the range) will do. */
    public record Param(
            String name,
            Type type,
            String title,
            @Nullable String description,
            @Nullable BigDecimal minimum,
            @Nullable BigDecimal maximum,
            List<Object> choices,
            @Nullable Object defaultValue,
            @Nullable String format) {}

    public static final ParamSchema EMPTY = new ParamSchema(List.of(), Set.of());

    static final String FIELD = "paramSchema";
    static final Set<String> FORMATS = Set.of("aspect-ratio", "size", "duration");
    private static final Set<String> ROOT_KEYWORDS = Set.of("type", "properties", "required");
    private static final Set<String> PARAM_KEYWORDS =
            Set.of("type", "title", "description", "minimum", "maximum", "enum", "default", "format");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    public ParamSchema {
        params = List.copyOf(params);
        required = Set.copyOf(required);
    }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The schema as JSON shows it, in the subset's own words. */
    public Map<String, Object> toJson() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Param p : params) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("type", p.type().code());
            field.put("title", p.title());
            putIfPresent(field, "description", p.description());
            putIfPresent(field, "minimum", p.minimum());
            putIfPresent(field, "maximum", p.maximum());
            if (!p.choices().isEmpty()) {
                field.put("enum", p.choices());
            }
            putIfPresent(field, "default", p.defaultValue());
            putIfPresent(field, "format", p.format());
            properties.put(p.name(), field);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "object");
        json.put("properties", properties);
        if (!required.isEmpty()) {
            json.put(
                    "required",
                    params.stream().map(Param::name).filter(required::contains).toList());
        }
        return json;
    }

    /** Reads a schema from parsed JSON, refusing anything outside the subset with a Russian message. */
    public static ParamSchema parse(@Nullable Object json) {
        if (!(json instanceof Map<?, ?> root)
                || !"object".equals(root.get("type"))
                || !(root.get("properties") instanceof Map<?, ?> properties)) {
            throw KadrException.invalid(FIELD, "catalog.schema.not_object");
        }
        for (Object keyword : root.keySet()) {
            if (!ROOT_KEYWORDS.contains(String.valueOf(keyword))) {
                throw KadrException.invalid(FIELD, "catalog.schema.unknown_keyword", String.valueOf(keyword));
            }
        }
        List<Param> params = new ArrayList<>();
        properties.forEach((name, field) -> params.add(param(String.valueOf(name), field)));
        Set<String> required = new LinkedHashSet<>();
        Object requiredJson = root.get("required");
        if (requiredJson != null) {
            if (!(requiredJson instanceof List<?> names)) {
                throw KadrException.invalid(FIELD, "catalog.schema.required", String.valueOf(requiredJson));
            }
            for (Object name : names) {
                if (!properties.containsKey(name)) {
                    throw KadrException.invalid(FIELD, "catalog.schema.required", String.valueOf(name));
                }
                required.add(String.valueOf(name));
            }
        }
        return new ParamSchema(params, required);
    }

    private static Param param(String name, @Nullable Object json) {
        if (!NAME.matcher(name).matches()) {
            throw KadrException.invalid(FIELD, "catalog.schema.field_name", name);
        }
        if (!(json instanceof Map<?, ?> field)) {
            throw KadrException.invalid(FIELD, "catalog.schema.field_not_object", name);
        }
        for (Object keyword : field.keySet()) {
            if (!PARAM_KEYWORDS.contains(String.valueOf(keyword))) {
                throw KadrException.invalid(FIELD, "catalog.schema.unknown_field_keyword", name, keyword);
            }
        }
        Type type = java.util.Arrays.stream(Type.values())
                .filter(t -> t.code().equals(field.get("type")))
                .findFirst()
                .orElseThrow(() -> KadrException.invalid(FIELD, "catalog.schema.type", name));
        if (!(field.get("title") instanceof String title) || title.isBlank()) {
            throw KadrException.invalid(FIELD, "catalog.schema.title", name);
        }
        Object description = field.get("description");
        if (description != null && !(description instanceof String)) {
            throw KadrException.invalid(FIELD, "catalog.schema.description", name);
        }
        BigDecimal minimum = bound(name, type, field.get("minimum"));
        BigDecimal maximum = bound(name, type, field.get("maximum"));
        if (minimum != null && maximum != null && minimum.compareTo(maximum) > 0) {
            throw KadrException.invalid(FIELD, "catalog.schema.range", name);
        }
        Object format = field.get("format");
        if (format != null && !FORMATS.contains(format)) {
            throw KadrException.invalid(FIELD, "catalog.schema.format", name);
        }
        Param untyped = new Param(
                name, type, title.strip(), (String) description, minimum, maximum, List.of(), null, (String) format);
        List<Object> choices = choices(untyped, field.get("enum"));
        Param withChoices = new Param(
                name, type, untyped.title(), untyped.description(), minimum, maximum, choices, null, untyped.format());
        Object defaultValue = field.get("default");
        if (defaultValue != null) {
            defaultValue = conforming(withChoices, defaultValue, "catalog.schema.default");
        }
        return new Param(
                name,
                type,
                untyped.title(),
                untyped.description(),
                minimum,
                maximum,
                choices,
                defaultValue,
                untyped.format());
    }

    private static @Nullable BigDecimal bound(String name, Type type, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || (type != Type.INTEGER && type != Type.NUMBER)) {
            throw KadrException.invalid(FIELD, "catalog.schema.range", name);
        }
        return ParamValidation.decimal(number);
    }

    private static List<Object> choices(Param param, @Nullable Object json) {
        if (json == null) {
            return List.of();
        }
        if (!(json instanceof List<?> values) || values.isEmpty()) {
            throw KadrException.invalid(FIELD, "catalog.schema.enum", param.name());
        }
        List<Object> choices = new ArrayList<>();
        for (Object value : values) {
            Object checked = value == null ? null : conforming(param, value, "catalog.schema.enum");
            if (checked == null || choices.contains(checked)) {
                throw KadrException.invalid(FIELD, "catalog.schema.enum", param.name());
            }
            choices.add(checked);
        }
        return List.copyOf(choices);
    }

    /** A default or an enum value must itself pass the field's rules; otherwise the schema, not the value, is wrong. */
    private static Object conforming(Param param, Object value, String messageKey) {
        try {
            return ParamValidation.checked(param, value, FIELD);
        } catch (KadrException e) {
            throw KadrException.invalid(FIELD, messageKey, param.name());
        }
    }

    private static void putIfPresent(Map<String, Object> json, String key, @Nullable Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
