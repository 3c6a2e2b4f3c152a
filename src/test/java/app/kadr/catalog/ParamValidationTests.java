package app.kadr.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.kadr.shared.KadrException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ParamValidationTests {

    static final ParamSchema SCHEMA = ParamSchema.parse(Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                    "steps", Map.of("type", "integer", "title", "Шаги", "minimum", 1, "maximum", 50, "default", 28),
                    "guidance", Map.of("type", "number", "title", "Следование описанию", "minimum", 0.5),
                    "strength", Map.of("type", "number", "title", "Сила", "maximum", 1),
                    "aspectRatio",
                            Map.of(
                                    "type", "string",
                                    "title", "Соотношение сторон",
                                    "enum", List.of("16:9", "1:1", "9:16"),
                                    "default", "16:9",
                                    "format", "aspect-ratio"),
                    "duration", Map.of("type", "string", "title", "Длительность", "enum", List.of("5", "10")),
                    "audio", Map.of("type", "boolean", "title", "Звук"),
                    "style", Map.of("type", "string", "title", "Стиль")),
            "required",
            List.of("style")));

    @Test
    void aNumberOutOfRangeIsNamedByItsTitle() {
        assertRefused(Map.of("style", "x", "steps", 51), "params.steps", "Параметр «Шаги» должен быть от 1 до 50.");
        assertRefused(Map.of("style", "x", "steps", 0), "params.steps", "Параметр «Шаги» должен быть от 1 до 50.");
        assertRefused(
                Map.of("style", "x", "guidance", 0.25),
                "params.guidance",
                "Параметр «Следование описанию» должен быть не меньше 0,5.");
        assertRefused(
                Map.of("style", "x", "strength", 1.5), "params.strength", "Параметр «Сила» должен быть не больше 1.");
    }

    @Test
    void aValueOutsideTheChoicesListsThem() {
        assertRefused(
                Map.of("style", "x", "aspectRatio", "4:3"),
                "params.aspectRatio",
                "Параметр «Соотношение сторон» должен быть одним из: 16:9, 1:1, 9:16.");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertRefused(
                Map.of("style", "x", "steps", "много"), "params.steps", "Параметр «Шаги» должен быть целым числом.");
        assertRefused(Map.of("style", "x", "steps", 2.5), "params.steps", "Параметр «Шаги» должен быть целым числом.");
        assertRefused(
                Map.of("style", "x", "guidance", "3"),
                "params.guidance",
                "Параметр «Следование описанию» должен быть числом.");
        assertRefused(
                Map.of("style", "x", "audio", "да"),
                "params.audio",
                "Параметр «Звук» должен быть логическим значением: true или false.");
        assertRefused(Map.of("style", 7), "params.style", "Параметр «Стиль» должен быть строкой.");
    }

    @Test
    void anUnknownFieldIsRefusedByItsName() {
        assertRefused(Map.of("style", "x", "foo", 1), "params.foo", "Модель не знает параметра «foo».");
    }

    @Test
    void aRequiredFieldMustBeThere() {
        assertRefused(Map.of("steps", 10), "params.style", "Параметр «Стиль» обязателен.");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("style", null);
        assertRefused(withNull, "params.style", "Параметр «Стиль» обязателен.");
    }

    @Test
    void defaultsFillWhatIsMissingAndNeverWhatIsGiven() {
        assertThat(ParamValidation.applyDefaults(SCHEMA, Map.of("style", "x", "steps", 10)))
                .containsEntry("steps", 10)
                .containsEntry("aspectRatio", "16:9")
                .containsEntry("style", "x")
                .doesNotContainKeys("guidance", "audio");
        assertThat(ParamValidation.applyDefaults(SCHEMA, null)).containsOnlyKeys("steps", "aspectRatio");
    }

    @Test
    void validValuesComeBackNormalised() {
        Map<String, Object> valid = ParamValidation.validate(
                SCHEMA, Map.of("style", "x", "steps", 20.0, "duration", 10, "guidance", 3.5, "audio", true));
        assertThat(valid)
                .containsEntry("steps", 20L)
                .containsEntry("duration", "10")
                .containsEntry("guidance", 3.5)
                .containsEntry("audio", true);
    }

    @Test
    void aModelsParametersAreItsDefaultsUnderThePersonsChoices() {
        CatalogModel model = new CatalogModel(
                java.util.UUID.randomUUID(),
                new Provider(
                        java.util.UUID.randomUUID(), ProviderKind.LOCAL, "Кадр", null, true, 1, false, false, null),
                "local/test",
                "Тест",
                "Кадр",
                Task.TEXT_TO_IMAGE,
                Quality.BALANCED,
                "",
                SCHEMA,
                Map.of("steps", 12, "style", "кино"),
                Map.of(),
                Map.of("steps", "num_inference_steps"),
                new Price(Price.Unit.RUN, java.math.BigDecimal.ZERO),
                null,
                true,
                null,
                0);
        assertThat(ParamValidation.prepare(model, Map.of("aspectRatio", "1:1")))
                .containsEntry("steps", 12L)
                .containsEntry("style", "кино")
                .containsEntry("aspectRatio", "1:1");
        assertThat(model.providerField("steps")).isEqualTo("num_inference_steps");
        assertThat(model.providerField("aspectRatio")).isEqualTo("aspectRatio");
    }

    @Test
    void aSchemaOutsideTheSubsetIsRefusedOnParamSchema() {
        assertSchemaRefused(List.of(1), "Схема параметров должна быть объектом");
        assertSchemaRefused(
                Map.of("type", "object", "properties", Map.of("steps", Map.of("type", "integer"))),
                "У параметра «steps» в схеме нет названия по-русски (title).");
        assertSchemaRefused(
                Map.of("type", "object", "properties", Map.of("steps", Map.of("type", "int", "title", "Шаги"))),
                "тип должен быть одним из");
        assertSchemaRefused(
                Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of("steps", Map.of("type", "integer", "title", "Шаги", "maximun", 5))),
                "неизвестное слово «maximun»");
        assertSchemaRefused(
                Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of("steps", Map.of("type", "integer", "title", "Шаги", "maximum", 5, "default", 9))),
                "значение по умолчанию нарушает его же правила");
        assertSchemaRefused(
                Map.of("type", "object", "properties", Map.of(), "required", List.of("prompt")),
                "В списке required схемы есть «prompt»");
    }

    @Test
    void aSchemaSurvivesItsOwnJson() {
        assertThat(ParamSchema.parse(SCHEMA.toJson())).isEqualTo(SCHEMA);
    }

    private static void assertRefused(Map<String, ?> params, String field, String message) {
        KadrException e = refusal(() -> ParamValidation.validate(SCHEMA, params));
        assertThat(e.field()).isEqualTo(field);
        assertThat(RussianMessages.of(e)).isEqualTo(message);
    }

    private static void assertSchemaRefused(Object schema, String message) {
        KadrException e = refusal(() -> ParamSchema.parse(schema));
        assertThat(e.field()).isEqualTo("paramSchema");
        assertThat(RussianMessages.of(e)).contains(message);
    }

    private static KadrException refusal(Executable call) {
        KadrException e = catchThrowableOfType(KadrException.class, () -> call.execute());
        assertThat(e).as("refused").isNotNull();
        return e;
    }
}
