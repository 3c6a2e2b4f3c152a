package app.kadr.catalog;

import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model form of the admin pages as text fields, both ways: a stored model into the form (JSON pretty-printed),
 * and the sent form into the API's {@link ModelChanges}, so the page and the API share every check. A field that is
 * not even JSON is refused here, naming it; everything else is {@link CatalogAdmin}'s to judge.
 */
@Component
class ModelForms {

    /** The form as sent: all text, as the browser has it. */
    record Form(
            @Nullable String providerId,
            @Nullable String externalId,
            @Nullable String name,
            @Nullable String vendor,
            @Nullable String task,
            @Nullable String quality,
            @Nullable String description,
            @Nullable String paramSchema,
            @Nullable String defaults,
            @Nullable String presets,
            @Nullable String fieldMapping,
            @Nullable String priceUnit,
            @Nullable String priceUsd,
            @Nullable String typicalSeconds,
            @Nullable String workflow,
            @Nullable String enabled) {

        static Form empty() {
            return new Form(
                    null,
                    "",
                    "",
                    "",
                    Task.TEXT_TO_IMAGE.code(),
                    Quality.BALANCED.code(),
                    "",
                    "{\n  \"type\": \"object\",\n  \"properties\": {}\n}",
                    "{}",
                    "{}",
                    "{\n  \"prompt\": \"prompt\"\n}",
                    Price.Unit.IMAGE.code(),
                    "0",
                    "",
                    "",
                    "true");
        }

        public boolean on() {
            return enabled != null;
        }
    }

    /** A form field that is not what it must be (not JSON, not a number), before the catalog is asked. */
    static final class Invalid extends RuntimeException {
        private final String field;
        private final String messageKey;
        private final Object[] args;

        Invalid(String field, String messageKey, Object... args) {
            super(messageKey, null, false, false);
            this.field = field;
            this.messageKey = messageKey;
            this.args = args;
        }
    }

    private final JsonMapper json;
    private final Messages messages;

    ModelForms(JsonMapper json, Messages messages) {
        this.json = json;
        this.messages = messages;
    }

    Form of(CatalogModel m) {
        return new Form(
                m.provider().id().toString(),
                m.externalId(),
                m.name(),
                m.vendor(),
                m.task().code(),
                m.quality().code(),
                m.description(),
                pretty(m.schema().toJson()),
                pretty(m.defaults()),
                pretty(m.presets()),
                pretty(m.fieldMapping()),
                m.price().unit().code(),
                m.price().usdPlain().toPlainString(),
                m.typicalSeconds() == null ? "" : m.typicalSeconds().toString(),
                m.workflow() == null ? "" : m.workflow(),
                m.enabled() ? "true" : null);
    }

    /**
     * The changes the form asks for. On a new model the provider comes from the form; an existing model keeps its
     * own, and a blank workflow removes the stored one.
     */
    ModelChanges changes(Form form, boolean creating) {
        UUID providerId = null;
        if (creating && form.providerId() != null && !form.providerId().isBlank()) {
            try {
                providerId = UUID.fromString(form.providerId().strip());
            } catch (IllegalArgumentException e) {
                throw new Invalid("providerId", "catalog.model.provider_unknown");
            }
        }
        return new ModelChanges(
                providerId,
                null,
                text(form.externalId()),
                text(form.name()),
                text(form.vendor()),
                text(form.task()),
                text(form.quality()),
                text(form.description()),
                object("paramSchema", form.paramSchema(), Map.of("type", "object", "properties", Map.of())),
                object("defaults", form.defaults(), Map.of()),
                object("presets", form.presets(), Map.of()),
                object("fieldMapping", form.fieldMapping(), Map.of()),
                new ModelChanges.PriceChanges(text(form.priceUnit()), usd(form.priceUsd())),
                seconds(form.typicalSeconds()),
                form.on(),
                form.workflow() == null ? "" : form.workflow(),
                null);
    }

    /** Only the on/off switch of the list. */
    static ModelChanges switched(boolean enabled) {
        return new ModelChanges(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, enabled, null,
                null);
    }

    /**
     * The Russian message of a refusal under the form field it belongs to: {@code price.usd} is the price field,
     * {@code presets.Черновик} the presets, a duplicate id the id.
     */
    Map<String, String> errors(RuntimeException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e instanceof Invalid invalid) {
            errors.put(invalid.field, messages.get(invalid.messageKey, invalid.args));
        } else if (e instanceof KadrException kadr) {
            errors.put(formField(kadr.field()), messages.detailOf(kadr));
        }
        return errors;
    }

    private static String formField(@Nullable String apiField) {
        if (apiField == null) {
            return "externalId"; // the only refusal without a field is a duplicate id
        }
        return switch (apiField) {
            case "price.usd" -> "priceUsd";
            case "price.unit" -> "priceUnit";
            case "provider" -> "providerId";
            default -> {
                int dot = apiField.indexOf('.');
                yield dot < 0 ? apiField : apiField.substring(0, dot);
            }
        };
    }

    private @Nullable Object object(String field, @Nullable String text, Map<String, Object> whenBlank) {
        if (text == null || text.isBlank()) {
            return whenBlank;
        }
        try {
            return json.readValue(text, Object.class);
        } catch (JacksonException e) {
            throw new Invalid(field, "catalog.admin.json", e.getOriginalMessage());
        }
    }

    private static @Nullable BigDecimal usd(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new Invalid("priceUsd", "catalog.price.usd");
        }
    }

    /** Blank keeps what the model has (nothing, for a new one): a known time is corrected, never erased. */
    private static @Nullable Integer seconds(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new Invalid(
                    "typicalSeconds", "catalog.model.typical_seconds", String.valueOf(ModelRules.MAX_TYPICAL_SECONDS));
        }
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null ? null : value.strip();
    }

    private String pretty(Object value) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}
