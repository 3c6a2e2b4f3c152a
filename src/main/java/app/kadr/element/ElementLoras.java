package app.kadr.element;

import app.kadr.catalog.Catalog;
import app.kadr.catalog.CatalogLora;
import app.kadr.catalog.LoraWeights;
import app.kadr.shared.KadrException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An element's LoRA: an entry of the catalog, read through {@link Catalog}, and a weight within what the LoRA's
 * provider accepts. A new LoRA chosen without a weight starts at its default; a weight alone changes the weight.
 */
@Component
class ElementLoras {

    /** The LoRA an element version carries, or none (both null). */
    record Chosen(@Nullable UUID loraId, @Nullable BigDecimal weight) {

        static final Chosen NONE = new Chosen(null, null);

        static Chosen of(ElementRow row) {
            return new Chosen(row.loraId(), row.loraWeight());
        }
    }

    private final Catalog catalog;

    ElementLoras(Catalog catalog) {
        this.catalog = catalog;
    }

    Chosen valid(ElementChange change, @Nullable ElementRow current) {
        Chosen before = current == null ? Chosen.NONE : Chosen.of(current);
        String asked = change.loraModelId();
        if (asked != null && asked.isBlank()) {
            if (change.loraWeight() != null) {
                throw KadrException.invalid("loraWeight", "element.lora.weight_without_lora");
            }
            return Chosen.NONE;
        }
        UUID loraId = asked == null ? before.loraId() : id(asked);
        if (loraId == null) {
            if (change.loraWeight() != null) {
                throw KadrException.invalid("loraWeight", "element.lora.weight_without_lora");
            }
            return Chosen.NONE;
        }
        CatalogLora lora =
                catalog.lora(loraId).orElseThrow(() -> KadrException.invalid("loraModelId", "element.lora.unknown"));
        BigDecimal weight = change.loraWeight() != null
                ? change.loraWeight()
                : Objects.equals(loraId, before.loraId()) && before.weight() != null
                        ? before.weight()
                        : lora.defaultWeight();
        LoraWeights range = lora.weights();
        if (!range.allows(weight) || weight.stripTrailingZeros().scale() > 3) {
            throw KadrException.invalid(
                    "loraWeight",
                    "element.lora.weight_range",
                    lora.provider().name(),
                    range.minText(),
                    range.maxText());
        }
        return new Chosen(loraId, weight.stripTrailingZeros());
    }

    /** The LoRA's name in the catalog, for showing; none when the entry is gone. */
    @Nullable
    String nameOf(@Nullable UUID loraId) {
        return loraId == null
                ? null
                : catalog.lora(loraId).map(CatalogLora::name).orElse(null);
    }

    private static UUID id(String asked) {
        try {
            return UUID.fromString(asked.strip());
        } catch (IllegalArgumentException e) {
            throw KadrException.invalid("loraModelId", "element.lora.unknown");
        }
    }
}
