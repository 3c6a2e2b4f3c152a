package app.kadr.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Comments on a moment and a spot (issue 14, item 3): a time in a video, a drawing over the picture, threads, and
 * the owner writing too — over real HTTP, from a stranger's client and the owner's API and pages.
 */
@KadrTest
class MomentCommentTests {

    @Autowired
    Studio studio;

    Studio.Person owner;
    String project;
    String videoShot;
    String video;
    String stillShot;
    String emptyShot;
    String token;
    PublicClient client;

    @BeforeEach
    void aSharedProjectWithAVideoAStillAndAnEmptyShot() {
        owner = studio.newPerson();
        project = studio.newProject(owner, "Клип");
        Api.Response format = owner.api().patch("/api/v1/projects/" + project, Map.of("fps", 25));
        assertThat(format.status()).as(format.toString()).isEqualTo(200);
        videoShot = studio.newShot(owner, project, "Пролёт");
        video = Sharing.headliner(studio, owner, videoShot, "пролёт.mp4", Samples.video("mp4", 4));
        stillShot = studio.newShot(owner, project, "Портрет");
        Sharing.headliner(studio, owner, stillShot, "портрет.png", Sharing.png());
        emptyShot = studio.newShot(owner, project, "Финал");
        token = Sharing.newLink(owner, project).path("token").asString();
        client = new PublicClient(studio.baseUrl());
    }

    PublicClient.Answer comment(Map<String, ?> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.putIfAbsent("authorName", "Марина");
        body.putIfAbsent("text", "Логотип крупнее");
        return client.post("/api/v1/public/" + token + "/comments", body);
    }

    static Map<String, Object> mark(String type, List<?> points) {
        return Map.of("type", type, "points", points);
    }

    static final List<List<Double>> RECT = List.of(List.of(0.1, 0.2), List.of(0.55, 0.6));

    @Test
    void aTimecodedCommentWithARectangleRoundTripsToTheOwnersView() {
        PublicClient.Answer posted =
                comment(Map.of("shotRef", videoShot, "timecodeMs", 3480, "annotation", mark("rect", RECT)));

        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        // 3,48 s at 25 frames a second is frame 87: three seconds and twelve frames.
        assertThat(posted.json().path("timecode").asString()).isEqualTo("00:00:03:12");
        assertThat(posted.json().has("assetId")).isFalse();

        JsonNode seen = owner.api()
                .get("/api/v1/shots/" + videoShot + "/comments")
                .json()
                .path("items")
                .get(0);
        assertThat(seen.path("timecodeMs").asLong()).isEqualTo(3480);
        assertThat(seen.path("timecode").asString()).isEqualTo("00:00:03:12");
        assertThat(seen.path("annotation").path("type").asString()).isEqualTo("rect");
        assertThat(points(seen.path("annotation"))).isEqualTo(RECT);
        assertThat(seen.path("assetId").asString()).isEqualTo(video);
        assertThat(seen.path("assetKind").asString()).isEqualTo("video");

        // The box's list carries the moment for the page to seek the same video and draw the same rectangle.
        String box = owner.api().get("/shots/" + videoShot + "/comments").text();
        assertThat(box)
                .contains("data-timecode-ms=\"3480\"", "data-mark-type=\"rect\"")
                .contains("data-mark-points=\"0.1,0.2 0.55,0.6\"", "00:00:03:12")
                .contains("data-url=\"/api/v1/assets/" + video + "/content/original\"");
        // The owner's stage is the same headliner, at the project's frame rate.
        String stage = owner.api().get("/shots/" + videoShot + "/moment").text();
        assertThat(stage).contains("data-fps=\"25\"", "/api/v1/assets/" + video + "/content/original");

        // And the client sees it back: on the page and in what the page polls.
        JsonNode mine = client.get("/api/v1/public/" + token + "/comments").json();
        JsonNode again = mine.path("shots").get(0).path("comments").get(0);
        assertThat(again.path("timecode").asString()).isEqualTo("00:00:03:12");
        assertThat(points(again.path("annotation"))).isEqualTo(RECT);
        assertThat(client.get("/s/" + token).text()).contains("data-mark-points=\"0.1,0.2 0.55,0.6\"");
    }

    @Test
    void badDrawingsAndTimesAreRefusedInRussianAndWriteNothing() {
        List<List<Double>> tooMany = new ArrayList<>();
        for (int i = 0; i <= Annotation.MAX_PATH; i++) {
            tooMany.add(List.of(i / 1000.0, 0.5));
        }
        Map<String, Map<String, ?>> bad = new java.util.LinkedHashMap<>();
        bad.put("Рисунок может быть", Map.of("shotRef", videoShot, "annotation", mark("circle", RECT)));
        bad.put("должно быть точек: 2", Map.of("shotRef", videoShot, "annotation", mark("rect", RECT.subList(0, 1))));
        bad.put("должно быть точек: 1", Map.of("shotRef", stillShot, "annotation", mark("point", RECT)));
        bad.put(
                "от 0 до 1",
                Map.of(
                        "shotRef",
                        stillShot,
                        "annotation",
                        mark("arrow", List.of(List.of(0.1, 0.1), List.of(1.5, 0.2)))));
        bad.put(
                "от 0 до 1 ",
                Map.of(
                        "shotRef",
                        stillShot,
                        "annotation",
                        mark("arrow", List.of(List.of(-0.01, 0.1), List.of(0.5, 0.2)))));
        bad.put(
                "пара чисел",
                Map.of(
                        "shotRef",
                        stillShot,
                        "annotation",
                        mark("path", List.of(List.of(0.1, 0.1, 0.1), List.of(0.5, 0.2)))));
        bad.put("От 2 до 400", Map.of("shotRef", stillShot, "annotation", mark("path", tooMany)));
        bad.put(
                "одной и той же точки",
                Map.of(
                        "shotRef",
                        stillShot,
                        "annotation",
                        mark("rect", List.of(List.of(0.3, 0.3), List.of(0.3, 0.3)))));
        bad.put("только у видео", Map.of("shotRef", stillShot, "timecodeMs", 1000));
        bad.put("за пределами видео", Map.of("shotRef", videoShot, "timecodeMs", 60_000));
        bad.put("за пределами видео ", Map.of("shotRef", videoShot, "timecodeMs", -1));
        bad.put("не на чем", Map.of("shotRef", emptyShot, "annotation", mark("point", RECT.subList(0, 1))));
        bad.put(
                "нет у этого шота",
                Map.of(
                        "shotRef",
                        stillShot,
                        "parentId",
                        java.util.UUID.randomUUID().toString()));
        bad.put(
                "Не удалось прочитать запрос",
                Map.of("shotRef", stillShot, "annotation", Map.of("type", "rect", "points", "везде")));

        bad.forEach((message, body) -> {
            PublicClient.Answer refused = comment(body);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asString())
                    .as(body.toString())
                    .containsIgnoringCase(message.strip());
        });
        assertThat(comment(Map.of("shotRef", "не-шот")).status()).isEqualTo(404);
        assertThat(owner.api()
                        .get("/api/v1/projects/" + project + "/comments")
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void repliesThreadAndTheOwnerWritesOnEveryLinkButAnswersOnlyWhereTheThreadIs() {
        String first = comment(Map.of("shotRef", stillShot, "annotation", mark("point", RECT.subList(0, 1))))
                .json()
                .path("id")
                .asString();
        PublicClient.Answer reply = comment(Map.of("shotRef", stillShot, "parentId", first, "text", "И ещё фон"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        // A reply belongs to its thread's shot: under another shot it answers nothing.
        assertThat(comment(Map.of("shotRef", videoShot, "parentId", first)).status())
                .isEqualTo(400);

        Map<String, @Nullable Object> answer = new HashMap<>();
        answer.put("text", "Сделаем");
        answer.put("parentId", first);
        Api.Response answered = owner.api().post("/api/v1/shots/" + stillShot + "/comments", answer);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(201);
        assertThat(answered.json().path("byOwner").asBoolean()).isTrue();
        assertThat(answered.json().path("parentId").asString()).isEqualTo(first);
        Api.Response own = owner.api()
                .post(
                        "/api/v1/shots/" + videoShot + "/comments",
                        Map.of("text", "Здесь склейка", "timecodeMs", 2000, "annotation", mark("arrow", RECT)));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(own.json().path("timecode").asString()).isEqualTo("00:00:02:00");
        assertThat(own.json().path("read").asBoolean()).isTrue();

        JsonNode shots = client.get("/api/v1/public/" + token).json().path("shots");
        JsonNode thread = shots.get(1).path("comments");
        assertThat(thread).hasSize(1);
        assertThat(thread.get(0).path("replies")).hasSize(2);
        assertThat(thread.get(0).path("replies").get(1).path("byOwner").asBoolean())
                .isTrue();
        assertThat(thread.get(0).path("replies").get(1).path("authorName").asString())
                .isEqualTo("Автор");
        assertThat(shots.get(0).path("comments").get(0).path("text").asString()).isEqualTo("Здесь склейка");

        // Another link sees the owner's own comment, but not this client's thread nor the answer in it.
        String other = Sharing.newLink(owner, project).path("token").asString();
        JsonNode elsewhere = client.get("/api/v1/public/" + other).json().path("shots");
        assertThat(elsewhere.get(0).path("comments")).hasSize(1);
        assertThat(elsewhere.get(1).path("comments")).isEmpty();
        PublicClient.Answer foreign = client.post(
                "/api/v1/public/" + other + "/comments",
                Map.of("shotRef", stillShot, "parentId", first, "authorName", "Чужой", "text", "Ага"));
        assertThat(foreign.status()).isEqualTo(400);

        // The owner's form in the box sends the drawing as text; a broken one is refused above the list.
        Api.Response page = owner.api()
                .form(
                        "/shots/" + stillShot + "/comments",
                        Map.of("text", "Точка на лице", "markType", "point", "markPoints", "0.5,0.25"));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.text()).contains("Точка на лице", "data-mark-points=\"0.5,0.25\"");
        Api.Response broken = owner.api()
                .form(
                        "/shots/" + stillShot + "/comments",
                        Map.of("text", "Ещё", "markType", "rect", "markPoints", "a,b 1,1"));
        assertThat(broken.text()).contains("role=\"alert\"", "пара чисел");
    }

    private static List<List<Double>> points(JsonNode annotation) {
        List<List<Double>> points = new ArrayList<>();
        annotation
                .path("points")
                .forEach(p -> points.add(List.of(p.get(0).asDouble(), p.get(1).asDouble())));
        return points;
    }
}
