package app.kadr.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed catalog is data: {@code resources/catalog/*.yaml}, one file per provider. The shipped files load; a broken
 * file is refused with a Russian message that names the file, the model and the field to fix.
 */
class SeedFilesTests {

    private final SeedFiles files = new SeedFiles(JsonMapper.shared(), RussianMessages.source());

    /** A valid file with one model; each test breaks one line of it. */
    private static final String VALID = """
            provider: local
            models:
              - externalId: local/test
                name: Тест (без ИИ)
                vendor: Кадр
                task: text_to_image
                quality: balanced
                description: Модель для проверки.
                price: {unit: run, usd: 0}
                typicalSeconds: 1
                paramSchema:
                  type: object
                  properties:
                    steps: {type: integer, title: Шаги, minimum: 1, maximum: 10, default: 4}
                    seed: {type: integer, title: Зерно, minimum: 0, maximum: 2147483647}
                presets:
                  Черновик: {steps: 2}
                fieldMapping:
                  prompt: prompt
                  steps: steps
            """;

    @Test
    void theShippedFilesLoadAndCoverEveryProvider() {
        List<SeedFiles.Seed> seeds = files.all();

        assertThat(seeds).hasSizeGreaterThanOrEqualTo(33);
        assertThat(seeds.stream().map(SeedFiles.Seed::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ProviderKind.values());
        Set<String> seen = new HashSet<>();
        for (SeedFiles.Seed seed : seeds) {
            ModelDraft model = seed.model();
            assertThat(seen.add(seed.kind() + " " + model.externalId()))
                    .as(model.externalId())
                    .isTrue();
            assertThat(model.typicalSeconds()).as(model.externalId()).isPositive();
            assertThat(model.description()).as(model.externalId()).isNotBlank();
            assertThat(model.enabled()).as(model.externalId()).isTrue();
            // What the seeder stores is read back the way every model is.
            assertThat(ParamSchema.parse(model.schema().toJson()).params())
                    .as(model.externalId())
                    .hasSameSizeAs(model.schema().params());
            if (seed.kind() == ProviderKind.COMFYUI) {
                assertThat(model.workflow()).as(model.externalId()).contains("KSampler");
            }
            if (seed.kind() == ProviderKind.LOCAL) {
                assertThat(model.name()).contains("без ИИ");
            }
        }
    }

    @Test
    void theFileFormatNamesExactlyTheProvidersTasksQualitiesAndPriceUnitsTheStudioKnows() {
        JsonNode format =
                JsonMapper.shared().readTree(SeedFiles.class.getResourceAsStream("/catalog/catalog.schema.json"));
        JsonNode model = format.path("$defs").path("model").path("properties");

        assertThat(codes(format.path("properties").path("provider")))
                .isEqualTo(Arrays.stream(ProviderKind.values())
                        .map(ProviderKind::code)
                        .collect(Collectors.toSet()));
        assertThat(codes(model.path("task")))
                .isEqualTo(Arrays.stream(Task.values()).map(Task::code).collect(Collectors.toSet()));
        assertThat(codes(model.path("quality")))
                .isEqualTo(Arrays.stream(Quality.values()).map(Quality::code).collect(Collectors.toSet()));
        assertThat(codes(model.path("price").path("properties").path("unit")))
                .isEqualTo(
                        Arrays.stream(Price.Unit.values()).map(Price.Unit::code).collect(Collectors.toSet()));
    }

    @Test
    void theValidFileOfTheseTestsLoads() {
        List<SeedFiles.Seed> seeds = files.read("catalog/test.yaml", VALID);

        assertThat(seeds).singleElement().satisfies(seed -> {
            assertThat(seed.kind()).isEqualTo(ProviderKind.LOCAL);
            assertThat(seed.model().typicalSeconds()).isEqualTo(1);
            assertThat(seed.model().presets()).containsKey("Черновик");
        });
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingFileModelAndField() {
        assertRefused(VALID.replace("typicalSeconds: 1", "typicalSeconds: быстро"), "typicalSeconds", "integer");
        assertRefused(VALID.replace("usd: 0", "usd: бесплатно"), "price.usd", "number");
    }

    @Test
    void anUnknownTaskIsRefused() {
        assertRefused(VALID.replace("task: text_to_image", "task: text_to_sound"), "task", "text_to_image");
    }

    @Test
    void aDefaultOutsideTheModelsOwnSchemaIsRefused() {
        assertRefused(
                VALID.replace("maximum: 10, default: 4", "maximum: 10, default: 50"),
                "paramSchema",
                "У параметра «steps» в схеме значение по умолчанию нарушает его же правила.");
        assertRefused(
                VALID.replace("    presets:\n", "    defaults: {steps: 11}\n    presets:\n"),
                "defaults.steps",
                "Параметр «Шаги» должен быть от 1 до 10.");
        assertRefused(
                VALID.replace("Черновик: {steps: 2}", "Черновик: {steps: 0}"),
                "presets.Черновик.steps",
                "Параметр «Шаги» должен быть от 1 до 10.");
    }

    @Test
    void aMappingToAFieldTheModelDoesNotHaveIsRefused() {
        assertRefused(
                VALID.replace("steps: steps", "strength: strength"),
                "fieldMapping.strength",
                "Сопоставление полей называет «strength», а это не параметр модели");
    }

    @Test
    void aMissingOrMisspelledPropertyIsNamed() {
        assertRefused(VALID.replace("    typicalSeconds: 1\n", ""), "typicalSeconds", "typicalSeconds");
        assertRefused(VALID.replace("    price:", "    prise:"), "prise", "prise");
    }

    @Test
    void aModelTwiceInAFileOrAMissingWorkflowIsRefused() {
        String twice = VALID + VALID.substring(VALID.indexOf("  - externalId"));
        assertRefused(twice, "externalId", "уже описана");
        assertRefused(
                VALID.replace("    typicalSeconds: 1\n", "    typicalSeconds: 1\n    workflow: missing.json\n"),
                "workflow",
                "catalog/workflows/missing.json");
    }

    @Test
    void anEmptyFileOrNoFilesAtAllAreRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> files.read("catalog/empty.yaml", "# nothing\n"))
                .isInstanceOf(SeedFiles.Refused.class)
                .hasMessage("Каталог моделей: файл catalog/empty.yaml — файл пуст.");
        assertThatThrownBy(() ->
                        new SeedFiles(JsonMapper.shared(), RussianMessages.source(), dir.toUri() + "*.yaml").all())
                .hasMessageStartingWith("No seed files of the model catalog at ");
    }

    @Test
    void textThatIsNotYamlIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> files.read("catalog/broken.yaml", "provider: [local\nmodels: {"))
                .isInstanceOf(SeedFiles.Refused.class)
                .hasMessageStartingWith("Каталог моделей: файл catalog/broken.yaml — это не YAML");
    }

    @Test
    void aBrokenFileStopsTheStartBeforeTheDatabaseIsTouched(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("local.yaml"), VALID);
        Files.writeString(dir.resolve("zz-broken.yaml"), VALID.replace("task: text_to_image", "task: dance"));
        SeedFiles broken = new SeedFiles(JsonMapper.shared(), RussianMessages.source(), dir.toUri() + "*.yaml");
        // No database at all: the seeder must give up before it needs one.
        CatalogSeeder seeder = new CatalogSeeder(null, null, null, broken);

        assertThatThrownBy(seeder::afterSingletonsInstantiated)
                .isInstanceOf(SeedFiles.Refused.class)
                .hasMessageStartingWith(
                        "Каталог моделей: файл catalog/zz-broken.yaml, модель «local/test», поле task — ");
    }

    @Test
    void aModelInTwoFilesOfTheSameProviderIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), VALID);
        Files.writeString(dir.resolve("b.yaml"), VALID);

        assertThatThrownBy(() ->
                        new SeedFiles(JsonMapper.shared(), RussianMessages.source(), dir.toUri() + "*.yaml").all())
                .isInstanceOf(SeedFiles.Refused.class)
                .hasMessageStartingWith(
                        "Каталог моделей: файл catalog/b.yaml, модель «local/test», поле externalId — ");
    }

    private void assertRefused(String text, String field, String reason) {
        assertThatThrownBy(() -> files.read("catalog/broken.yaml", text))
                .isInstanceOf(SeedFiles.Refused.class)
                .hasMessageStartingWith(
                        "Каталог моделей: файл catalog/broken.yaml, модель «local/test», поле " + field + " — ")
                .hasMessageContaining(reason);
    }

    private static Set<String> codes(JsonNode enumerated) {
        Set<String> codes = new HashSet<>();
        enumerated.path("enum").forEach(code -> codes.add(code.asString()));
        return codes;
    }
}
