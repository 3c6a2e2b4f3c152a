package app.kadr.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedCatalogTests {

    @Test
    void everySeededModelHasASchemaOfTheSubsetAndValidDefaults() {
        Set<String> seen = new HashSet<>();
        for (SeedCatalog.Seed seed : SeedCatalog.all()) {
            ModelDraft model = seed.model();
            assertThat(seen.add(seed.kind() + " " + model.externalId()))
                    .as(model.externalId())
                    .isTrue();
            ParamSchema reread = ParamSchema.parse(model.schema().toJson());
            assertThat(reread.params())
                    .as(model.externalId())
                    .hasSameSizeAs(model.schema().params());
            ParamValidation.validate(reread, ParamValidation.applyDefaults(reread, model.defaults()));
            model.presets().values().forEach(p -> ParamValidation.validate(reread, p, "presets", false));
            model.fieldMapping()
                    .keySet()
                    .forEach(field -> assertThat(CatalogAdmin.INPUTS.contains(field)
                                    || reread.param(field).isPresent())
                            .as(model.externalId() + " maps " + field)
                            .isTrue());
        }
    }

    @Test
    void everySeededWorkflowPassesTheChecksAnAdminsWouldAndComfyUiModelsHaveOne() {
        for (SeedCatalog.Seed seed : SeedCatalog.all()) {
            ModelDraft model = seed.model();
            if (seed.kind() == ProviderKind.COMFYUI) {
                assertThat(model.workflow()).as(model.externalId()).isNotBlank();
            }
            if (model.workflow() != null) {
                WorkflowTemplate.check(model.workflow(), seed.kind(), model.schema(), model.fieldMapping());
            }
        }
    }

    @Test
    void theSeedCoversEveryProviderAndTheLocalEngineIsMarkedAsNotAi() {
        assertThat(SeedCatalog.all()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(SeedCatalog.all().stream().map(SeedCatalog.Seed::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ProviderKind.values());
        SeedCatalog.all().stream()
                .filter(s -> s.kind() == ProviderKind.LOCAL)
                .forEach(s -> assertThat(s.model().name()).contains("без ИИ"));
    }
}
