package app.kadr.generation;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Generating takes with the offline engine, end to end: durable jobs, results in the shot, provenance. */
@KadrTest
class GenerationApiTests {

    @Autowired
    Studio studio;

    Studio.Person person;
    String project;
    String shot;

    @BeforeEach
    void aShot() {
        person = studio.newPerson();
        project = studio.newProject(person, "Генерации");
        shot = studio.newShot(person, project, "Лес");
    }

    @Test
    void variantsOfTheOfflineEngineLandInTheShotWithTheirSeeds() {
        Api.Response started = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of(
                                "modelId",
                                studio.localModel(person, "local/draft"),
                                "prompt",
                                "туманный лес на рассвете",
                                "params",
                                Map.of("seed", 1000, "size", "1024x1024"),
                                "count",
                                2));

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json()).hasSize(2);
        List<Long> seeds = new ArrayList<>();
        List<String> assets = new ArrayList<>();
        for (JsonNode generation : started.json()) {
            assertThat(generation.path("statusLabel").asString()).isIn("Ожидание", "В работе", "Готово");
            JsonNode done = studio.awaitGeneration(person, generation.path("id").asString());
            assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("done");
            assertThat(done.path("statusLabel").asString()).isEqualTo("Готово");
            seeds.add(done.path("seed").asLong());
            done.path("assetIds").forEach(id -> assets.add(id.asString()));
        }
        assertThat(seeds).containsExactlyInAnyOrder(1000L, 1001L);
        assertThat(assets).hasSize(2);
        for (String id : assets) {
            JsonNode asset = studio.awaitProcessed(person, id);
            assertThat(asset.path("origin").asString()).isEqualTo("generated");
            assertThat(asset.path("kind").asString()).isEqualTo("image");
            assertThat(asset.path("width").asInt()).isEqualTo(1024);
            assertThat(asset.path("shotId").asString()).isEqualTo(shot);
            assertThat(asset.path("generation").path("prompt").asString()).isEqualTo("туманный лес на рассвете");
            assertThat(asset.path("generation").path("provider").asString()).isEqualTo("local");
            assertThat(asset.path("generation").path("seed").asLong()).isIn(1000L, 1001L);
            assertThat(asset.path("generation").path("params").path("size").asString())
                    .isEqualTo("1024x1024");
        }
    }

    @Test
    void aStillIsAnimatedIntoAVideoInTheSameShot() {
        String still = studio.generate(
                person,
                shot,
                Map.of(
                        "modelId", studio.localModel(person, "local/draft"),
                        "prompt", "море",
                        "params", Map.of("size", "1280x720")));

        JsonNode done = studio.animate(person, still, 2);

        assertThat(done.path("sourceAssetIds").get(0).asString()).isEqualTo(still);
        JsonNode video =
                studio.awaitProcessed(person, done.path("assetIds").get(0).asString());
        assertThat(video.path("kind").asString()).isEqualTo("video");
        assertThat(video.path("shotId").asString()).isEqualTo(shot);
        assertThat(video.path("durationMs").asLong()).isBetween(1_800L, 2_200L);
    }

    @Test
    void wrongRequestsAreRefusedNamingTheField() {
        String draft = studio.localModel(person, "local/draft");
        String base = "/api/v1/shots/" + shot + "/generations";

        Api.Response noPrompt = person.api().post(base, Map.of("modelId", draft, "prompt", " "));
        Api.Response tooMany = person.api().post(base, Map.of("modelId", draft, "prompt", "x", "count", 11));
        Api.Response unknownModel = person.api().post(base, Map.of("modelId", UUID.randomUUID(), "prompt", "x"));
        Api.Response badSize =
                person.api().post(base, Map.of("modelId", draft, "prompt", "x", "params", Map.of("size", "7x7")));
        String animate = studio.localModel(person, "local/pan-zoom");
        Api.Response emptySource =
                person.api().post(base, Map.of("modelId", animate, "prompt", "x", "sourceAssetIds", List.of("")));

        assertThat(noPrompt.status()).isEqualTo(400);
        assertThat(noPrompt.string("field")).isEqualTo("prompt");
        assertThat(tooMany.string("field")).isEqualTo("count");
        assertThat(unknownModel.string("field")).isEqualTo("modelId");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.string("detail")).contains("Размер");
        assertThat(emptySource.status()).isEqualTo(400);
        assertThat(emptySource.string("field")).isEqualTo("sourceAssetIds");
    }

    @Test
    void aSoundIsNoSourceForAModelThatStartsFromAPicture() {
        String sound = studio.upload(
                        person,
                        shot,
                        new app.kadr.support.Api.NamedBytes("голос.wav", app.kadr.support.Samples.audio("wav", 1)))
                .getFirst();
        studio.awaitProcessed(person, sound);

        Api.Response refused = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of(
                                "modelId",
                                studio.localModel(person, "local/pan-zoom"),
                                "sourceAssetIds",
                                List.of(sound)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("field")).isEqualTo("sourceAssetIds");
        assertThat(refused.string("detail")).contains("изображение");
        assertThat(person.api()
                        .get("/api/v1/shots/" + shot + "/generations")
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void anotherPersonsGenerationsDoNotExist() {
        String generation = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of("modelId", studio.localModel(person, "local/draft"), "prompt", "дом"))
                .json()
                .get(0)
                .path("id")
                .asString();
        Studio.Person stranger = studio.newPerson();

        assertThat(stranger.api().get("/api/v1/generations/" + generation).status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .post("/api/v1/generations/" + generation + "/cancel", null)
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .post("/api/v1/generations/" + generation + "/retry", null)
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .get("/api/v1/projects/" + project + "/generations")
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .post(
                                "/api/v1/shots/" + shot + "/generations",
                                Map.of("modelId", studio.localModel(person, "local/draft"), "prompt", "x"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theProjectHistoryListsGenerationsNewestFirstAndFiltersByStatus() {
        String draft = studio.localModel(person, "local/draft");
        String first = person.api()
                .post("/api/v1/shots/" + shot + "/generations", Map.of("modelId", draft, "prompt", "первый"))
                .json()
                .get(0)
                .path("id")
                .asString();
        studio.awaitGeneration(person, first);

        JsonNode all = person.api()
                .get("/api/v1/projects/" + project + "/generations")
                .json()
                .path("items");
        JsonNode done = person.api()
                .get("/api/v1/projects/" + project + "/generations?status=done")
                .json()
                .path("items");
        Api.Response wrong = person.api().get("/api/v1/projects/" + project + "/generations?status=finished");

        assertThat(all).hasSize(1);
        assertThat(done.get(0).path("id").asString()).isEqualTo(first);
        assertThat(wrong.status()).isEqualTo(400);
    }
}
