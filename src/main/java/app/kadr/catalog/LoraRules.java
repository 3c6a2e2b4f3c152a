package app.kadr.catalog;

import app.kadr.shared.KadrException;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What makes a LoRA entry acceptable. Runware names a LoRA by its AIR, {@code source:id@version}
 * (runware.ai/docs: {@code civitai:58390@62833}); fal by the URL or path of its weights (flux-lora's
 * {@code loras[].path}), any text without spaces.
 */
final class LoraRules {

    static final int MAX_EXTERNAL_ID = 500;
    static final int MAX_NAME = 200;
    static final int MAX_TRIGGER = 200;
    private static final Pattern AIR = Pattern.compile("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+");
    private static final Pattern NO_SPACES = Pattern.compile("\\S+");

    private LoraRules() {}

    static String externalId(ProviderKind kind, @Nullable String given) {
        String value = given == null ? "" : given.strip();
        if (value.isEmpty()) {
            throw KadrException.invalid("externalId", "catalog.lora.external_id.empty");
        }
        if (value.length() > MAX_EXTERNAL_ID) {
            throw KadrException.invalid("externalId", "catalog.lora.external_id.long", MAX_EXTERNAL_ID);
        }
        boolean fits = kind == ProviderKind.RUNWARE
                ? AIR.matcher(value).matches()
                : NO_SPACES.matcher(value).matches();
        if (!fits) {
            throw KadrException.invalid(
                    "externalId",
                    kind == ProviderKind.RUNWARE ? "catalog.lora.external_id.air" : "catalog.lora.external_id.path");
        }
        return value;
    }

    static String name(@Nullable String given, String externalId) {
        String value = given == null ? "" : given.strip();
        if (value.length() > MAX_NAME) {
            throw KadrException.invalid("name", "catalog.lora.name.long", MAX_NAME);
        }
        return value.isEmpty() ? externalId : value;
    }

    static String triggerWord(@Nullable String given) {
        String value = given == null ? "" : given.strip();
        if (value.length() > MAX_TRIGGER) {
            throw KadrException.invalid("triggerWord", "catalog.lora.trigger.long", MAX_TRIGGER);
        }
        return value;
    }

    static BigDecimal weight(LoraWeights weights, @Nullable BigDecimal given, String field) {
        BigDecimal value = given == null ? BigDecimal.ONE : given;
        if (!weights.allows(value) || value.stripTrailingZeros().scale() > 3) {
            throw KadrException.invalid(field, "catalog.lora.weight", weights.minText(), weights.maxText());
        }
        return value.stripTrailingZeros();
    }
}
