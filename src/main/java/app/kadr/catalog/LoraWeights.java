package app.kadr.catalog;

import app.kadr.shared.KadrException;
import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The weights a provider applies a LoRA at, and whether it takes LoRAs at all. fal's flux-lora takes
 * {@code loras: [{path, scale}]} (fal-js libs/client/src/types/endpoints.ts, {@code LoraWeight}: scale, default 1),
 * Runware's imageInference {@code lora: [{model, weight}]} (Runware/sdk-python runware/types.py {@code ILora};
 * docs/text_to_image.md: weight, default 1). Neither SDK states a range: fal 0 to 4 and Runware −4 to 4 (Runware takes
 * negative weights to push away from a LoRA) are the bounds of their model pages' controls [unverified against an API
 * schema]; a weight past what the provider takes comes back as its own 4xx on the field. The other providers' APIs,
 * as Kadr speaks them, have no place for a LoRA.
 */
public record LoraWeights(BigDecimal min, BigDecimal max) {

    private static final LoraWeights FAL = new LoraWeights(BigDecimal.ZERO, new BigDecimal("4"));
    private static final LoraWeights RUNWARE = new LoraWeights(new BigDecimal("-4"), new BigDecimal("4"));

    public static Optional<LoraWeights> of(ProviderKind kind) {
        return switch (kind) {
            case FAL -> Optional.of(FAL);
            case RUNWARE -> Optional.of(RUNWARE);
            default -> Optional.empty();
        };
    }

    /**
     * A weight as a person types it in a form («0,8» as well as «0.8»); blank means none (the LoRA's default), anything
     * but a number is refused in Russian on the given field.
     */
    public static @Nullable BigDecimal typed(@Nullable String typed, String field, String messageKey) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw KadrException.invalid(field, messageKey);
        }
    }

    public boolean allows(BigDecimal weight) {
        return weight.compareTo(min) >= 0 && weight.compareTo(max) <= 0;
    }

    public String minText() {
        return min.stripTrailingZeros().toPlainString();
    }

    public String maxText() {
        return max.stripTrailingZeros().toPlainString();
    }
}
