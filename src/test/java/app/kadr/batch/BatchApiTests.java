package app.kadr.batch;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A batch over the storyboard's shots with the offline engine, through the API: priced first, all or nothing. */
@KadrTest
class BatchApiTests {

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    Studio.Person person;
    String project;
    String draft;

    @BeforeEach
    void aProject() {
        person = studio.newPerson();
        project = studio.newProject(person, "Пакет");
        draft = studio.localModel(person, "local/draft");
    }

    @Test
    void aDryRunCountsThePlannedTakesLeavesOutShotsWithoutADescriptionAndWritesNothing() {
        String forest = shot("Лес", "туманный лес на рассвете");
        String sea = shot("Море", "штормовое море, маяк");
        String blank = shot("Без описания", "");

        Api.Response dry = batch(List.of(blank, sea, forest), draft, 2, true);

        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        JsonNode plan = dry.json();
        assertThat(plan.path("dryRun").asBoolean()).isTrue();
        assertThat(plan.path("id").isNull()).isTrue();
        assertThat(plan.path("shots").asInt()).isEqualTo(2);
        assertThat(plan.path("takes").asInt()).isEqualTo(4);
        assertThat(plan.path("estimatedCost").decimalValue()).isZero();
        List<String> planned = new ArrayList<>();
        plan.path("generations").forEach(g -> {
            assertThat(g.path("status").asString()).isEqualTo("planned");
            assertThat(g.path("id").isNull()).isTrue();
            planned.add(g.path("shotId").asString());
        });
        assertThat(planned).containsOnly(forest, sea).contains(forest, sea);
        assertThat(plan.path("skipped")).hasSize(1);
        assertThat(plan.path("skipped").get(0).path("shotId").asString()).isEqualTo(blank);
        assertThat(plan.path("skipped").get(0).path("shotNumber").asInt()).isEqualTo(3);
        assertThat(plan.path("skipped").get(0).path("reason").asString()).isEqualTo("no_description");
        assertNothingWritten();
    }

    @Test
    void aBatchGeneratesEveryDescribedShotWithItsDescriptionAsThePromptAndCountsItsProgressToDone() {
        Map<String, String> prompts = new LinkedHashMap<>();
        for (String description : List.of("туманный лес", "ночной город", "пустыня в полдень")) {
            prompts.put(shot(description, description), description);
        }
        String blank = shot("Пустой", " ");
        List<String> chosen = new ArrayList<>(prompts.keySet());
        chosen.add(blank);

        Api.Response started = batch(chosen, draft, 1, false);

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().path("id").asString();
        assertThat(started.json().path("generations")).hasSize(3);
        JsonNode done = awaitBatch(id);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.path("statusLabel").asString()).isEqualTo("Готово");
        assertThat(done.path("progress").path("total").asInt()).isEqualTo(3);
        assertThat(done.path("progress").path("done").asInt()).isEqualTo(3);
        assertThat(done.path("skipped").get(0).path("shotId").asString()).isEqualTo(blank);
        Map<String, String> promptOfShot = new HashMap<>();
        for (JsonNode item : done.path("generations")) {
            assertThat(item.path("status").asString()).isEqualTo("done");
            JsonNode generation = person.api()
                    .get("/api/v1/generations/" + item.path("id").asString())
                    .json();
            promptOfShot.put(
                    generation.path("shotId").asString(),
                    generation.path("prompt").asString());
        }
        assertThat(promptOfShot).isEqualTo(prompts);
        assertThat(person.api().get("/api/v1/shots/" + blank + "/assets").json().path("items"))
                .isEmpty();
    }

    @Test
    void oneBadShotIdLeavesNoGenerationAndNoBatchBehind() {
        String forest = shot("Лес", "лес");
        String sea = shot("Море", "море");
        String elsewhere = studio.newShot(person, studio.newProject(person, "Другой фильм"), "Чужой стол");
        Studio.Person stranger = studio.newPerson();
        String strangers = studio.newShot(stranger, studio.newProject(stranger, "Чужой"), "Чужой шот");

        Api.Response unknown = batch(List.of(forest, UUID.randomUUID().toString(), sea), draft, 1, false);
        Api.Response someoneElses = batch(List.of(forest, strangers, sea), draft, 1, false);
        Api.Response otherProject = batch(List.of(forest, sea, elsewhere), draft, 1, false);

        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(someoneElses.status()).as(someoneElses.toString()).isEqualTo(404);
        assertThat(otherProject.status()).as(otherProject.toString()).isEqualTo(400);
        assertThat(otherProject.string("field")).isEqualTo("shotIds");
        assertThat(otherProject.string("detail")).contains("другого проекта");
        assertNothingWritten();
    }

    @Test
    void badRequestsAreRefusedInRussianNamingTheFieldAndWriteNothing() {
        String forest = shot("Лес", "лес");
        String blank = shot("Пустой", "");
        String animation = studio.localModel(person, "local/pan-zoom");

        Api.Response none = batch(List.of(), draft, 1, false);
        Api.Response twice = batch(List.of(forest, forest), draft, 1, false);
        Api.Response tooMany = batch(List.of(forest), draft, 11, false);
        Api.Response noModel =
                person.api().post("/api/v1/projects/" + project + "/batches", Map.of("shotIds", List.of(forest)));
        Api.Response wrongTask = batch(List.of(forest), animation, 1, false);
        Api.Response nothingDescribed = batch(List.of(blank), draft, 1, false);
        Api.Response badSize = person.api()
                .post(
                        "/api/v1/projects/" + project + "/batches",
                        Map.of("shotIds", List.of(forest), "modelId", draft, "params", Map.of("size", "7x7")));

        assertRefused(none, "shotIds", "Выберите хотя бы один шот.");
        assertRefused(twice, "shotIds", "только один раз");
        assertRefused(tooMany, "count", "от 1 до 10");
        assertRefused(noModel, "modelId", "модел");
        assertRefused(wrongTask, "modelId", "«текст → изображение»");
        assertRefused(nothingDescribed, "shotIds", "нет описания");
        assertThat(badSize.status()).as(badSize.toString()).isEqualTo(400);
        assertThat(badSize.string("detail")).contains("Размер");
        assertNothingWritten();
    }

    @Test
    void anotherPersonsProjectsAndBatchesDoNotExist() {
        String forest = shot("Лес", "лес");
        String batch = batch(List.of(forest), draft, 1, false).json().path("id").asString();
        Studio.Person stranger = studio.newPerson();
        String theirs = studio.newProject(stranger, "Своё");

        assertThat(stranger.api().get("/api/v1/batches/" + batch).status()).isEqualTo(404);
        assertThat(stranger.api()
                        .post("/api/v1/batches/" + batch + "/cancel", null)
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .post(
                                "/api/v1/projects/" + project + "/batches",
                                Map.of("shotIds", List.of(forest), "modelId", draft, "dryRun", true))
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .post(
                                "/api/v1/projects/" + theirs + "/batches",
                                Map.of("shotIds", List.of(forest), "modelId", draft))
                        .status())
                .isEqualTo(404);
        assertThat(person.api().get("/api/v1/batches/" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    private String shot(String title, String description) {
        Api.Response shot = person.api()
                .post("/api/v1/projects/" + project + "/shots", Map.of("title", title, "description", description));
        assertThat(shot.status()).as(shot.toString()).isEqualTo(201);
        return shot.id();
    }

    private Api.Response batch(List<String> shotIds, String modelId, int count, boolean dryRun) {
        return person.api()
                .post(
                        "/api/v1/projects/" + project + "/batches",
                        Map.of("shotIds", shotIds, "modelId", modelId, "count", count, "dryRun", dryRun));
    }

    private JsonNode awaitBatch(String id) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .alias("batch " + id + " finished")
                .until(
                        () -> person.api().get("/api/v1/batches/" + id).json(),
                        batch -> !batch.path("status").asString().equals("running"));
    }

    private static void assertRefused(Api.Response answer, String field, String detail) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.headers().getContentType()).hasToString("application/problem+json");
        assertThat(answer.string("field")).isEqualTo(field);
        assertThat(answer.string("detail")).contains(detail);
    }

    private void assertNothingWritten() {
        assertThat(person.api()
                        .get("/api/v1/projects/" + project + "/generations")
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from batches where project_id = ?")
                        .param(UUID.fromString(project))
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
