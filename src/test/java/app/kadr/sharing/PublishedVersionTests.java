package app.kadr.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Published versions: a link shows the storyboard as it was when the owner published it, marks what changed
 * since the version before, and may stay on an old version or show the live storyboard instead.
 */
@KadrTest
class PublishedVersionTests {

    @Autowired
    Studio studio;

    Studio.Person owner;
    String project;
    String dawn;
    String city;
    String chase;
    PublicClient client;

    @BeforeEach
    void aStoryboardWithAPicture() {
        owner = studio.newPerson();
        project = studio.newProject(owner, "Реклама чая");
        dawn = studio.newShot(owner, project, "Рассвет");
        city = studio.newShot(owner, project, "Город");
        chase = studio.newShot(owner, project, "Погоня");
        Sharing.headliner(studio, owner, dawn, "рассвет.png", Sharing.png());
        client = new PublicClient(studio.baseUrl());
    }

    @Test
    void aChangeAfterPublishingIsNotVisibleToTheClientUntilTheNextPublish() {
        JsonNode link = Sharing.newLink(owner, project);
        String token = link.path("token").asString();
        assertThat(link.path("mode").asString()).isEqualTo("version");
        assertThat(link.path("version").path("version").asInt()).isEqualTo(1);
        JsonNode first = view(token);
        String dawnThumb =
                first.path("shots").get(0).path("headliner").path("thumbUrl").asString();
        assertThat(first.path("release").path("number").asInt()).isEqualTo(1);
        assertThat(changes(first))
                .as("the first version has nothing to compare with")
                .containsOnly("-");

        assertThat(durations(first)).as("each shot's running time on the film").containsExactly(3000L, 3000L, 3000L);

        rename(dawn, "Рассвет над морем");
        Api.Response longer = owner.api().patch("/api/v1/shots/" + dawn, Map.of("durationMs", 4500));
        assertThat(longer.status()).as(longer.toString()).isEqualTo(200);
        Sharing.headliner(studio, owner, city, "город.png", Sharing.png());
        String finale = studio.newShot(owner, project, "Финал");
        assertThat(owner.api().delete("/api/v1/shots/" + chase).status()).isEqualTo(204);

        JsonNode unchanged = view(token);
        assertThat(titles(unchanged)).containsExactly("Рассвет", "Город", "Погоня");
        assertThat(durations(unchanged)).first().isEqualTo(3000L);
        assertThat(unchanged.path("shots").get(1).path("headliner").isNull()).isTrue();
        assertThat(client.get(dawnThumb).status()).isEqualTo(200);
        assertThat(client.get("/s/" + token).text())
                .contains("Рассвет", "Погоня")
                .doesNotContain("Финал", "над морем", "4,5 с");
        assertThat(comment(token, finale).status())
                .as("a shot the client has not been shown takes no comments")
                .isEqualTo(404);
        assertThat(comment(token, chase).status())
                .as("a shot of the version the client sees takes comments, even one trashed since")
                .isEqualTo(201);

        Api.Response published =
                owner.api().post("/api/v1/share-links/" + link.path("id").asString() + "/versions", null);

        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().path("version").asInt()).isEqualTo(2);
        assertThat(Instant.parse(published.json().path("publishedAt").asString()))
                .isNotNull();
        JsonNode second = view(token);
        assertThat(second.path("release").path("number").asInt()).isEqualTo(2);
        assertThat(titles(second)).containsExactly("Рассвет над морем", "Город", "Финал");
        assertThat(durations(second)).containsExactly(4500L, 3000L, 3000L);
        assertThat(changes(second)).containsExactly("changed", "changed", "new");
        assertThat(second.path("release").path("removed").get(0).asString()).isEqualTo("Погоня");
        assertThat(second.path("shots")
                        .get(1)
                        .path("headliner")
                        .path("thumbUrl")
                        .asString())
                .startsWith("/api/v1/public/" + token + "/media/");
        String page = client.get("/s/" + token).text();
        assertThat(page)
                .contains("Версия 2 · " + PublishedVersion.DAY.format(Instant.now()), "Рассвет над морем", "Финал")
                .contains("Убраны с прошлой версии: Погоня", "Изменён", "Новый")
                .contains("4,5 с", "3 с");
        assertThat(comment(token, finale).status()).isEqualTo(201);
    }

    @Test
    void aLinkStaysOnAnOldVersionUntilMovedAndTheLiveModeShowsEveryChangeAtOnce() {
        JsonNode first = Sharing.newLink(owner, project);
        JsonNode second = Sharing.newLink(owner, project);
        assertThat(second.path("version").path("version").asInt())
                .as("an unchanged storyboard makes no new version for a new link")
                .isEqualTo(1);
        rename(dawn, "Рассвет 2");

        owner.api().post("/api/v1/share-links/" + first.path("id").asString() + "/versions", null);

        assertThat(titles(view(first.path("token").asString()))).first().isEqualTo("Рассвет 2");
        assertThat(titles(view(second.path("token").asString()))).first().isEqualTo("Рассвет");
        JsonNode versions = owner.api()
                .get("/api/v1/projects/" + project + "/share-versions")
                .json();
        assertThat(versions.path("items").get(0).path("version").asInt()).isEqualTo(2);
        assertThat(versions.path("items")).hasSize(2);

        String secondPath = "/api/v1/share-links/" + second.path("id").asString();
        Api.Response live = owner.api().patch(secondPath, Map.of("mode", "live"));
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(live.json().path("mode").asString()).isEqualTo("live");
        assertThat(live.json().path("version").isNull()).isTrue();
        studio.newShot(owner, project, "Эпилог");
        JsonNode now = view(second.path("token").asString());
        assertThat(titles(now)).containsExactly("Рассвет 2", "Город", "Погоня", "Эпилог");
        assertThat(now.path("release").isNull()).isTrue();

        Api.Response back = owner.api().patch(secondPath, Map.of("mode", "version", "version", 1));
        assertThat(back.json().path("version").path("version").asInt()).isEqualTo(1);
        assertThat(titles(view(second.path("token").asString()))).containsExactly("Рассвет", "Город", "Погоня");

        Api.Response unknown = owner.api().patch(secondPath, Map.of("mode", "version", "version", 99));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("Такой версии нет");
        Api.Response badMode = owner.api().patch(secondPath, Map.of("mode", "всё сразу"));
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.text()).contains("опубликованную версию или живую раскадровку");
        Api.Response badNew = owner.api().post("/api/v1/projects/" + project + "/share-links", Map.of("mode", "x"));
        assertThat(badNew.status()).isEqualTo(400);
        assertThat(owner.api()
                        .get("/api/v1/projects/" + project + "/share-links")
                        .json()
                        .path("items"))
                .as("a refused link is not made")
                .hasSize(2);
        JsonNode liveLink = Sharing.newLink(owner, project, Map.of("mode", "live"));
        assertThat(liveLink.path("mode").asString()).isEqualTo("live");
        assertThat(owner.api()
                        .get("/api/v1/projects/" + project + "/share-versions")
                        .json()
                        .path("items"))
                .as("a live link publishes nothing")
                .hasSize(2);
    }

    @Test
    void nobodyButTheOwnerPublishesMovesOrListsVersions() {
        JsonNode link = Sharing.newLink(owner, project);
        String path = "/api/v1/share-links/" + link.path("id").asString();
        Studio.Person intruder = studio.newPerson();

        assertThat(intruder.api().post(path + "/versions", null).status()).isEqualTo(404);
        assertThat(intruder.api().patch(path, Map.of("mode", "live")).status()).isEqualTo(404);
        assertThat(intruder.api()
                        .get("/api/v1/projects/" + project + "/share-versions")
                        .status())
                .isEqualTo(404);
        assertThat(intruder.api()
                        .form("/share-links/" + link.path("id").asString() + "/publish", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(owner.api()
                        .get("/api/v1/projects/" + project + "/share-versions")
                        .json()
                        .path("items"))
                .hasSize(1);
        assertThat(view(link.path("token").asString())
                        .path("release")
                        .path("number")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void theSharingPanelPublishesAndMovesALinkBetweenVersions() {
        JsonNode link = Sharing.newLink(owner, project);
        String id = link.path("id").asString();
        rename(dawn, "Рассвет в тумане");

        Api.Response published = owner.api().form("/share-links/" + id + "/publish", Map.of());

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.text())
                .contains("Опубликована версия 2", "Версия 1 · ", "Версия 2 · ", "Живая раскадровка");
        assertThat(titles(view(link.path("token").asString()))).first().isEqualTo("Рассвет в тумане");

        Api.Response moved = owner.api().form("/share-links/" + id + "/shown", Map.of("shown", "1"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(titles(view(link.path("token").asString()))).first().isEqualTo("Рассвет");
        assertThat(owner.api()
                        .form("/share-links/" + id + "/shown", Map.of("shown", "live"))
                        .status())
                .isEqualTo(200);
        assertThat(view(link.path("token").asString()).path("release").isNull()).isTrue();
        assertThat(owner.api()
                        .form("/share-links/" + id + "/shown", Map.of("shown", "<b>"))
                        .status())
                .isEqualTo(400);
    }

    private JsonNode view(String token) {
        PublicClient.Answer answer = client.get("/api/v1/public/" + token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private PublicClient.Answer comment(String token, String shotId) {
        return client.post(
                "/api/v1/public/" + token + "/shots/" + shotId + "/comments",
                Map.of("authorName", "Клиент", "text", "Нравится"));
    }

    private void rename(String shotId, String title) {
        Api.Response renamed = owner.api().patch("/api/v1/shots/" + shotId, Map.of("title", title));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    }

    private static List<String> titles(JsonNode view) {
        return StreamSupport.stream(view.path("shots").spliterator(), false)
                .map(shot -> shot.path("title").asString())
                .toList();
    }

    private static List<Long> durations(JsonNode view) {
        return StreamSupport.stream(view.path("shots").spliterator(), false)
                .map(shot -> shot.path("durationMs").asLong())
                .toList();
    }

    private static List<String> changes(JsonNode view) {
        return StreamSupport.stream(view.path("shots").spliterator(), false)
                .map(shot ->
                        shot.path("change").isString() ? shot.path("change").asString() : "-")
                .toList();
    }
}
