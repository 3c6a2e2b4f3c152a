package app.kadr.catalog;

import app.kadr.catalog.ParamSchema.Param;
import app.kadr.shared.KadrException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks a generation's parameters against a model's {@link ParamSchema}. Every failure is a {@link KadrException}
 * on the field {@code params.<name>} whose Russian message names the field by its title, so a person knows what to
 * change without reading JSON. Values come back normalised: whole numbers as {@code Long}, and a number given for a
 * string choice such as a duration {@code "5"} as that string.
 */
public final class ParamValidation {

    private static final String PARAMS = "params";

    private ParamValidation() {}

    /** The parameters a model will be called with: schema defaults, then the model's defaults, then the person's. */
    public static Map<String, Object> prepare(CatalogModel model, @Nullable Map<String, ?> params) {
        Map<String, Object> merged = new LinkedHashMap<>(model.defaults());
        if (params != null) {
            merged.putAll(params);
        }
        return validate(model.schema(), applyDefaults(model.schema(), merged));
    }

    /** The given parameters with every missing field that has a schema default filled in. */
    public static Map<String, Object> applyDefaults(ParamSchema schema, @Nullable Map<String, ?> params) {
        Map<String, Object> filled = new LinkedHashMap<>();
        for (Param param : schema.params()) {
            if (param.defaultValue() != null) {
                filled.put(param.name(), param.defaultValue());
            }
        }
        if (params != null) {
            params.forEach((name, value) -> {
                if (value != null) {
                    filled.put(name, value);
                }
            });
        }
        return filled;
    }

    /** Checks parameters (without filling defaults) and answers them normalised; a null value counts as absent. */
    public static Map<String, Object> validate(ParamSchema schema, @Nullable Map<String, ?> params) {
        return validate(schema, params, PARAMS, true);
    }

    /** With {@code complete} false, required fields may be missing: a model's defaults or a preset are partial. */
    static Map<String, Object> validate(
            ParamSchema schema, @Nullable Map<String, ?> params, String prefix, boolean complete) {
        Map<String, Object> valid = new LinkedHashMap<>();
        if (params != null) {
            for (Map.Entry<String, ?> entry : params.entrySet()) {
                String field = prefix + "." + entry.getKey();
                Param param = schema.param(entry.getKey())
                        .orElseThrow(() -> KadrException.invalid(field, "catalog.param.unknown", entry.getKey()));
                if (entry.getValue() != null) {
                    valid.put(param.name(), checked(param, entry.getValue(), field));
                }
            }
        }
        for (Param param : schema.params()) {
            if (complete && schema.required().contains(param.name()) && !valid.containsKey(param.name())) {
                throw KadrException.invalid(prefix + "." + param.name(), "catalog.param.required", param.title());
            }
        }
        return valid;
    }

    /** One value against one field's rules: type, then choices, then range. */
    static Object checked(Param param, Object value, String field) {
        Object typed = typed(param, value, field);
        if (!param.choices().isEmpty() && param.choices().stream().noneMatch(c -> same(c, typed))) {
            String choices =
                    param.choices().stream().map(ParamValidation::shown).collect(Collectors.joining(", "));
            throw KadrException.invalid(field, "catalog.param.enum", param.title(), choices);
        }
        if (typed instanceof Number number) {
            BigDecimal decimal = decimal(number);
            boolean low = param.minimum() != null && decimal.compareTo(param.minimum()) < 0;
            boolean high = param.maximum() != null && decimal.compareTo(param.maximum()) > 0;
            if (low || high) {
                throw outOfRange(param, field);
            }
        }
        return typed;
    }

    private static Object typed(Param param, Object value, String field) {
        return switch (param.type()) {
            case INTEGER -> {
                if (!(value instanceof Number number) || !isWhole(decimal(number))) {
                    throw KadrException.invalid(field, "catalog.param.integer", param.title());
                }
                BigInteger whole = decimal(number).toBigIntegerExact();
                yield whole.bitLength() < 64 ? (Object) whole.longValue() : whole;
            }
            case NUMBER -> {
                if (!(value instanceof Number number)) {
                    throw KadrException.invalid(field, "catalog.param.number", param.title());
                }
                yield number;
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    throw KadrException.invalid(field, "catalog.param.boolean", param.title());
                }
                yield value;
            }
            case STRING -> {
                // Providers spell some numbers as strings (Kling's duration "5"); 5 is what a person means too.
                if (value instanceof Number number && param.choices().contains(plain(number))) {
                    yield plain(number);
                }
                if (!(value instanceof String)) {
                    throw KadrException.invalid(field, "catalog.param.string", param.title());
                }
                yield value;
            }
        };
    }

    private static KadrException outOfRange(Param param, String field) {
        if (param.minimum() != null && param.maximum() != null) {
            return KadrException.invalid(
                    field, "catalog.param.range", param.title(), shown(param.minimum()), shown(param.maximum()));
        }
        if (param.minimum() != null) {
            return KadrException.invalid(field, "catalog.param.minimum", param.title(), shown(param.minimum()));
        }
        return KadrException.invalid(field, "catalog.param.maximum", param.title(), shown(param.maximum()));
    }

    private static boolean same(Object choice, Object value) {
        if (choice instanceof Number a && value instanceof Number b) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        return choice.equals(value);
    }

    static BigDecimal decimal(Number number) {
        return switch (number) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            default -> new BigDecimal(number.toString());
        };
    }

    private static boolean isWhole(BigDecimal decimal) {
        return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
    }

    /** A value as a Russian sentence shows it: numbers plainly, with a decimal comma, never «1E+3» or «1 000». */
    private static String shown(@Nullable Object value) {
        return value instanceof Number number ? plain(number).replace('.', ',') : String.valueOf(value);
    }

    private static String plain(Number number) {
        BigDecimal decimal = decimal(number).stripTrailingZeros();
        return (decimal.scale() < 0 ? decimal.setScale(0) : decimal).toPlainString();
    }
}
