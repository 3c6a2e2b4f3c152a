package app.kadr.storyboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.FormClient;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Issue 13, timing: a shot's running time, the film's total, its frame rate and picture shape. */
@KadrTest
class ShotTimingApiTests {

    @Autowired
    Studio studio;

    Studio.Person person;
    String project;
    List<String> shots;

    @BeforeEach
    void aFilmOfThreeShots() {
        person = studio.newPerson();
        project = studio.newProject(person, "Хронометраж");
        shots = List.of(
                studio.newShot(person, project, "Утро"),
                studio.newShot(person, project, "День"),
                studio.newShot(person, project, "Вечер"));
    }

    private JsonNode storyboard() {
        return person.api().get("/api/v1/projects/" + project + "/shots").json();
    }

    private JsonNode film() {
        return person.api().get("/api/v1/projects/" + project).json();
    }

    private Api.Response setDuration(String shot, Object durationMs) {
        Map<String, Object> body = new HashMap<>();
        body.put("durationMs", durationMs);
        return person.api().patch("/api/v1/shots/" + shot, body);
    }

    @Test
    void aShotNobodyTimedLastsThreeSecondsAndTheFilmIsTheSumOfItsShots() {
        JsonNode first = storyboard().path("items").get(0);

        assertThat(first.path("durationMs").asLong()).isEqualTo(3_000);
        assertThat(first.path("durationAuto").asBoolean()).isTrue();
        assertThat(storyboard().path("runtimeMs").asLong()).isEqualTo(9_000);
        assertThat(film().path("runtimeMs").asLong()).isEqualTo(9_000);
        assertThat(film().path("fps").asInt()).isEqualTo(24);
        assertThat(film().path("aspectRatio").asString()).isEqualTo("16:9");
    }

    @Test
    void aDurationSetByHandCountsAndNullGoesBackToTheAutomaticOne() {
        Api.Response set = setDuration(shots.get(1), 4_500);

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("durationMs").asLong()).isEqualTo(4_500);
        assertThat(set.json().path("durationAuto").asBoolean()).isFalse();
        assertThat(film().path("runtimeMs").asLong()).isEqualTo(10_500);

        Api.Response automatic = setDuration(shots.get(1), null);

        assertThat(automatic.json().path("durationMs").asLong()).isEqualTo(3_000);
        assertThat(automatic.json().path("durationAuto").asBoolean()).isTrue();
        assertThat(storyboard().path("runtimeMs").asLong()).isEqualTo(9_000);
    }

    @Test
    void aTitleChangeKeepsADurationSetByHand() {
        setDuration(shots.getFirst(), 7_000);

        person.api().patch("/api/v1/shots/" + shots.getFirst(), Map.of("title", "Раннее утро"));

        assertThat(storyboard().path("items").get(0).path("durationMs").asLong())
                .isEqualTo(7_000);
    }

    @Test
    void durationsOutsideHalfASecondToTenMinutesOrNotWholeMillisecondsAreRefusedAndChangeNothing() {
        for (Object wrong : List.of(499, 600_001, "3", 1.5, List.of(1))) {
            Api.Response refused = setDuration(shots.getFirst(), wrong);

            assertThat(refused.status()).as(String.valueOf(wrong)).isEqualTo(400);
            assertThat(refused.string("field")).isEqualTo("durationMs");
            assertThat(refused.string("detail")).contains("0,5").contains("600");
        }
        assertThat(storyboard().path("items").get(0).path("durationAuto").asBoolean())
                .isTrue();
    }

    @Test
    void aVideoHeadlinerGivesTheShotItsLength() {
        String still = studio.generate(
                person,
                shots.getFirst(),
                Map.of(
                        "modelId", studio.localModel(person, "local/draft"),
                        "prompt", "рассвет",
                        "params", Map.of("size", "1280x720")));
        String video = studio.animate(person, still, 2).path("assetIds").get(0).asString();
        studio.awaitProcessed(person, video);

        person.api().patch("/api/v1/shots/" + shots.getFirst(), Map.of("headlinerAssetId", video));

        JsonNode shot = storyboard().path("items").get(0);
        assertThat(shot.path("durationAuto").asBoolean()).isTrue();
        assertThat(shot.path("durationMs").asLong()).isBetween(1_800L, 2_200L);
        assertThat(film().path("runtimeMs").asLong())
                .isEqualTo(shot.path("durationMs").asLong() + 6_000);
    }

    @Test
    void theFilmsFrameRateAndShapeAreChangedTogetherOrNotAtAll() {
        Api.Response changed =
                person.api().patch("/api/v1/projects/" + project, Map.of("fps", 25, "aspectRatio", "9:16"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("fps").asInt()).isEqualTo(25);
        assertThat(changed.json().path("aspectRatio").asString()).isEqualTo("9:16");

        Api.Response wrongRate =
                person.api().patch("/api/v1/projects/" + project, Map.of("name", "Новое имя", "fps", 23));
        Api.Response wrongShape = person.api().patch("/api/v1/projects/" + project, Map.of("aspectRatio", "5:3"));

        assertThat(wrongRate.status()).isEqualTo(400);
        assertThat(wrongRate.string("field")).isEqualTo("fps");
        assertThat(wrongShape.status()).isEqualTo(400);
        assertThat(wrongShape.string("field")).isEqualTo("aspectRatio");
        assertThat(film().path("name").asString()).isEqualTo("Хронометраж");
        assertThat(film().path("fps").asInt()).isEqualTo(25);
    }

    @Test
    void theStoryboardShowsEachShotsStartAndTheRunningTimeAndTheBoxFormSetsADuration() {
        FormClient browser = studio.browser();
        browser.login(person.username(), Studio.PASSWORD);
        HttpResponse<String> saved = browser.submit(
                "/shots/" + shots.getFirst(),
                "/shots/" + shots.getFirst() + "/edit",
                Map.of("title", "Утро", "description", "", "status", "draft", "duration", "12,5"));

        assertThat(saved.statusCode()).isLessThan(400);
        String page = browser.get("/projects/" + project).body();
        assertThat(page).contains("12,5 с").contains("0:12").contains("0:15").contains(">0:18<");
        assertThat(storyboard().path("items").get(0).path("durationMs").asLong())
                .isEqualTo(12_500);
    }
}
