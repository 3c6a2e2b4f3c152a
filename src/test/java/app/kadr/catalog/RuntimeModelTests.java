package app.kadr.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** A model an admin adds at runtime is in the picker and generates at once, without a restart. */
@KadrTest
@Import(CatalogFixtures.class)
class RuntimeModelTests {

    @Autowired
    Studio studio;

    @Autowired
    CatalogFixtures fixtures;

    @Test
    void aModelAddedThroughTheApiIsPickedAndGenerates() {
        Studio.Person admin = fixtures.newAdmin();
        String name = "Квадратный набросок " + UUID.randomUUID().toString().substring(0, 6);
        Api.Response added = admin.api()
                .post(
                        "/api/v1/models",
                        Map.of(
                                "provider",
                                "local",
                                "externalId",
                                "local/square-" + UUID.randomUUID(),
                                "name",
                                name,
                                "vendor",
                                "Кадр",
                                "task",
                                "text_to_image",
                                "quality",
                                "balanced",
                                "description",
                                "Без ИИ: квадратный черновик, добавлен администратором.",
                                "paramSchema",
                                Map.of(
                                        "type",
                                        "object",
                                        "properties",
                                        Map.of(
                                                "size",
                                                Map.of(
                                                        "type", "string",
                                                        "title", "Размер",
                                                        "enum", java.util.List.of("512x512"),
                                                        "default", "512x512"))),
                                "fieldMapping",
                                Map.of("prompt", "prompt", "size", "size"),
                                "price",
                                Map.of("unit", "run", "usd", 0)));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        Studio.Person person = studio.newPerson();
        String shot = studio.newShot(person, studio.newProject(person, "Новая модель"), "Шот");

        String picker = person.api()
                .get("/shots/" + shot + "/generate", Map.of("Accept", "text/html"))
                .text();
        Api.Response started = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of("modelId", added.id(), "prompt", "маяк в шторм"));

        assertThat(picker).contains(name);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode done =
                studio.awaitGeneration(person, started.json().get(0).path("id").asString());
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("done");
        JsonNode asset =
                studio.awaitProcessed(person, done.path("assetIds").get(0).asString());
        assertThat(asset.path("width").asInt()).isEqualTo(512);
        assertThat(asset.path("generation").path("modelName").asString()).isEqualTo(name);
    }
}
