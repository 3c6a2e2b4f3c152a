package app.kadr.asset;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import app.kadr.support.TestDatabase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The gallery API: every take of the caller across projects, found by prompt words and filters, a page at a time;
 * favourites; copies and moves between shots. On PostgreSQL the search stems Russian words; on H2 it matches
 * substrings (see GalleryTakes).
 */
@KadrTest
class GalleryApiTests {

    @Autowired
    Studio studio;

    Studio.Person person;
    String autumn;
    String winter;
    String forest;
    String snow;
    String redFox;
    String runningFox;
    String city;
    String upload;

    @BeforeEach
    void twoProjectsWithTakes() {
        person = studio.newPerson();
        autumn = studio.newProject(person, "Осень");
        winter = studio.newProject(person, "Зима");
        forest = studio.newShot(person, autumn, "Лес");
        snow = studio.newShot(person, winter, "Снег");
        String draft = studio.localModel(person, "local/draft");
        redFox = studio.generate(person, forest, Map.of("modelId", draft, "prompt", "Рыжая лиса в осеннем лесу"));
        runningFox = studio.generate(person, snow, Map.of("modelId", draft, "prompt", "лиса бежит по снегу"));
        city = studio.generate(person, snow, Map.of("modelId", draft, "prompt", "пустой город ночью"));
        upload = studio.upload(person, forest, new Api.NamedBytes("кадр.png", Samples.png(64, 48)))
                .getFirst();
        studio.awaitProcessed(person, upload);
    }

    private JsonNode gallery(String query) {
        Api.Response answer = person.api().get("/api/v1/assets" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    @Test
    void everyTakeOfEveryProjectNewestFirstWithWhereItLives() {
        JsonNode page = gallery("");
        assertThat(ids(page)).containsExactly(upload, city, runningFox, redFox);
        JsonNode fox = page.path("items").get(3);
        assertThat(fox.path("projectName").asString()).isEqualTo("Осень");
        assertThat(fox.path("shotTitle").asString()).isEqualTo("Лес");
        assertThat(fox.path("shotNumber").asInt()).isEqualTo(1);
        assertThat(fox.path("generation").path("prompt").asString()).isEqualTo("Рыжая лиса в осеннем лесу");
        assertThat(fox.path("urls").path("thumb").asString()).isNotEmpty();
    }

    @Test
    void aPromptWordFindsTakesInBothProjects() {
        assertThat(ids(gallery("?q=лиса"))).containsExactlyInAnyOrder(redFox, runningFox);
        assertThat(ids(gallery("?q=ЛИСА снег"))).containsExactly(runningFox);
        assertThat(ids(gallery("?q=город"))).containsExactly(city);
        assertThat(ids(gallery("?q=море"))).isEmpty();
    }

    @Test
    void onPostgresqlAnotherFormOfTheWordFindsTheTakeOnH2APartOfItDoes() {
        if (TestDatabase.postgres()) {
            // Russian stemming: «лисы», «лисой» and «лиса», «лесу» and «лес» are the same words to the search.
            assertThat(ids(gallery("?q=лисы"))).containsExactlyInAnyOrder(redFox, runningFox);
            assertThat(ids(gallery("?q=лисой"))).containsExactlyInAnyOrder(redFox, runningFox);
            assertThat(ids(gallery("?q=лес"))).containsExactly(redFox);
        } else {
            // The documented H2 fallback: each word is a case-insensitive part of the prompt, no stemming.
            assertThat(ids(gallery("?q=лис"))).containsExactlyInAnyOrder(redFox, runningFox);
            assertThat(ids(gallery("?q=лисы"))).isEmpty();
        }
    }

    @Test
    void filtersByProjectKindModelDatesFavouriteAndHeadliner() {
        assertThat(ids(gallery("?projectId=" + winter))).containsExactly(city, runningFox);
        assertThat(ids(gallery("?kind=video"))).isEmpty();
        assertThat(ids(gallery("?kind=image"))).hasSize(4);
        String draft = studio.localModel(person, "local/draft");
        assertThat(ids(gallery("?modelId=" + draft))).containsExactly(city, runningFox, redFox);
        String local = modelField(draft, "providerId");
        assertThat(ids(gallery("?providerId=" + local))).containsExactly(city, runningFox, redFox);
        assertThat(ids(gallery("?providerId=" + java.util.UUID.randomUUID()))).isEmpty();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(ids(gallery("?from=" + today + "&to=" + today))).hasSize(4);
        assertThat(ids(gallery("?from=" + today.plusDays(1)))).isEmpty();
        assertThat(ids(gallery("?to=" + today.minusDays(1)))).isEmpty();

        assertThat(person.api()
                        .put("/api/v1/assets/" + runningFox + "/favourite", Map.of())
                        .json()
                        .path("starred")
                        .asBoolean())
                .isTrue();
        assertThat(ids(gallery("?favourite=true"))).containsExactly(runningFox);
        assertThat(ids(gallery("?favourite=false"))).containsExactly(upload, city, redFox);

        assertThat(person.api()
                        .patch("/api/v1/shots/" + forest, Map.of("headlinerAssetId", redFox))
                        .status())
                .isEqualTo(200);
        assertThat(ids(gallery("?headliner=true"))).containsExactly(redFox);
        assertThat(gallery("?headliner=true")
                        .path("items")
                        .get(0)
                        .path("headliner")
                        .asBoolean())
                .isTrue();
        assertThat(ids(gallery("?headliner=false"))).containsExactly(upload, city, runningFox);
        assertThat(ids(gallery("?q=лиса&projectId=" + autumn + "&headliner=true")))
                .containsExactly(redFox);
    }

    private String modelField(String modelId, String field) {
        return person.api().get("/api/v1/models/" + modelId).json().path(field).asString();
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = gallery("?limit=1" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            seen.addAll(ids(page));
            cursor = page.path("nextCursor").isNull()
                    ? ""
                    : page.path("nextCursor").asString();
        } while (!cursor.isEmpty());
        assertThat(seen).containsExactly(upload, city, runningFox, redFox);
    }

    @Test
    void aFavouriteIsSetAndClearedAndTheFeedShowsIt() {
        Api.Response on = person.api().put("/api/v1/assets/" + redFox + "/favourite", Map.of());
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().path("starred").asBoolean()).isTrue();
        assertThat(person.api()
                        .get("/api/v1/assets/" + redFox)
                        .json()
                        .path("starred")
                        .asBoolean())
                .isTrue();
        Api.Response off = person.api().delete("/api/v1/assets/" + redFox + "/favourite");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().path("starred").asBoolean()).isFalse();
        assertThat(ids(gallery("?favourite=true"))).isEmpty();
    }

    @Test
    void aCopyIsANewTakeInTheOtherShotWithTheSameFileAndPrompt() {
        Api.Response copy = person.api().post("/api/v1/assets/" + redFox + "/copy", Map.of("shotId", snow));
        assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
        String copyId = copy.id();
        assertThat(copyId).isNotEqualTo(redFox);
        assertThat(copy.json().path("shotId").asString()).isEqualTo(snow);
        assertThat(copy.json().path("mediaStatus").asString()).isEqualTo("ready");
        assertThat(copy.json().path("generation").path("prompt").asString()).isEqualTo("Рыжая лиса в осеннем лесу");
        assertThat(ids(gallery("?q=лиса&projectId=" + winter))).containsExactly(copyId, runningFox);
        assertThat(ids(person.api().get("/api/v1/shots/" + snow + "/assets").json()))
                .contains(copyId);
        assertThat(ids(person.api().get("/api/v1/shots/" + forest + "/assets").json()))
                .contains(redFox);

        byte[] original = file(redFox);
        assertThat(file(copyId)).isEqualTo(original);
        // Trashing the source leaves the copy whole: the shared file belongs to both rows.
        assertThat(person.api().delete("/api/v1/assets/" + redFox).status()).isEqualTo(204);
        assertThat(file(copyId)).isEqualTo(original);
        assertThat(ids(gallery("?q=лиса"))).containsExactlyInAnyOrder(copyId, runningFox);
    }

    private byte[] file(String assetId) {
        String url = person.api()
                .get("/api/v1/assets/" + assetId)
                .json()
                .path("urls")
                .path("original")
                .asString();
        Api.Response answer = person.api().get(url);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.bytes();
    }

    @Test
    void aMovedTakeLeavesItsShotWhichLosesItAsHeadliner() {
        person.api().patch("/api/v1/shots/" + forest, Map.of("headlinerAssetId", redFox));
        Api.Response moved = person.api().post("/api/v1/assets/" + redFox + "/move", Map.of("shotId", snow));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("shotId").asString()).isEqualTo(snow);
        assertThat(ids(person.api().get("/api/v1/shots/" + forest + "/assets").json()))
                .containsExactly(upload);
        assertThat(person.api()
                        .get("/api/v1/shots/" + forest)
                        .json()
                        .path("headliner")
                        .isObject())
                .isFalse();
        assertThat(ids(gallery("?projectId=" + winter))).containsExactlyInAnyOrder(redFox, city, runningFox);
    }

    @Test
    void takesOfTrashedShotsAndProjectsAreNotShown() {
        assertThat(person.api().delete("/api/v1/shots/" + forest).status()).isEqualTo(204);
        assertThat(ids(gallery(""))).containsExactly(city, runningFox);
        assertThat(person.api().delete("/api/v1/projects/" + winter).status()).isEqualTo(204);
        assertThat(ids(gallery(""))).isEmpty();
    }

    @Test
    void anotherPersonSeesNoneOfItAndCannotTouchIt() {
        Studio.Person stranger = studio.newPerson();
        String strangers = studio.newShot(stranger, studio.newProject(stranger, "Чужой"), "Чужой шот");
        assertThat(stranger.api().get("/api/v1/assets?q=лиса").json().path("items"))
                .isEmpty();
        assertThat(stranger.api().get("/api/v1/assets?projectId=" + autumn).status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .put("/api/v1/assets/" + redFox + "/favourite", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .delete("/api/v1/assets/" + redFox + "/favourite")
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .post("/api/v1/assets/" + redFox + "/copy", Map.of("shotId", strangers))
                        .status())
                .isEqualTo(404);
        // Nor can the owner put a take into someone else's shot.
        assertThat(person.api()
                        .post("/api/v1/assets/" + redFox + "/copy", Map.of("shotId", strangers))
                        .status())
                .isEqualTo(404);
        assertThat(person.api()
                        .post("/api/v1/assets/" + redFox + "/move", Map.of("shotId", strangers))
                        .status())
                .isEqualTo(404);
        assertThat(ids(gallery(""))).contains(redFox);
    }

    @Test
    void badInputIsRefusedInRussian() {
        for (String query : List.of(
                "?kind=audio",
                "?projectId=не-id",
                "?favourite=да",
                "?headliner=1",
                "?from=2026-13-01",
                "?from=2026-02-10&to=2026-02-01",
                "?cursor=%%%",
                "?limit=0",
                "?q=" + "слово".repeat(41))) {
            Api.Response answer = person.api().get("/api/v1/assets" + query);
            assertThat(answer.status()).as(query + " → " + answer).isEqualTo(400);
            assertThat(answer.headers().getContentType()).hasToString("application/problem+json");
            assertThat(answer.json().path("detail").asString()).as(query).containsPattern("\\p{IsCyrillic}");
        }
        for (Object body : List.of(Map.of(), Map.of("shotId", "не-id"), Map.of("shotId", ""))) {
            Api.Response answer = person.api().post("/api/v1/assets/" + redFox + "/copy", body);
            assertThat(answer.status()).as(body + " → " + answer).isEqualTo(400);
            assertThat(answer.json().path("detail").asString()).containsPattern("\\p{IsCyrillic}");
        }
        Api.Response notJson = person.api().post("/api/v1/assets/" + redFox + "/copy", List.of(1, 2));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(ids(person.api().get("/api/v1/shots/" + snow + "/assets").json()))
                .containsExactly(city, runningFox);
    }
}
