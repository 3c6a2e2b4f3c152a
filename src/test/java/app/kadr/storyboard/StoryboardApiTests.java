package app.kadr.storyboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@KadrTest
class StoryboardApiTests {

    @Autowired
    Studio studio;

    Studio.Person person;
    String project;

    @BeforeEach
    void aProjectWithFourShots() {
        person = studio.newPerson();
        project = studio.newProject(person, "Осень");
        for (String title : List.of("Лес", "Дорога", "Дом", "Окно")) {
            studio.newShot(person, project, title);
        }
    }

    private JsonNode storyboard() {
        return person.api().get("/api/v1/projects/" + project + "/shots").json();
    }

    private List<String> titles() {
        List<String> titles = new ArrayList<>();
        storyboard().path("items").forEach(shot -> titles.add(shot.path("title").asString()));
        return titles;
    }

    private List<String> ids() {
        List<String> ids = new ArrayList<>();
        storyboard().path("items").forEach(shot -> ids.add(shot.path("id").asString()));
        return ids;
    }

    private List<Integer> numbers() {
        List<Integer> numbers = new ArrayList<>();
        storyboard()
                .path("items")
                .forEach(shot -> numbers.add(shot.path("number").asInt()));
        return numbers;
    }

    private long version() {
        return storyboard().path("version").asLong();
    }

    private Api.Response reorder(List<String> ids, long version) {
        return person.api()
                .put("/api/v1/projects/" + project + "/shots/order", Map.of("shotIds", ids, "version", version));
    }

    @Test
    void shotsAreNumberedByTheirPlace() {
        assertThat(titles()).containsExactly("Лес", "Дорога", "Дом", "Окно");
        assertThat(numbers()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aShotInsertedAtAPositionPushesTheRestDown() {
        Api.Response inserted =
                person.api().post("/api/v1/projects/" + project + "/shots", Map.of("title", "Рассвет", "position", 2));

        assertThat(inserted.status()).isEqualTo(201);
        assertThat(inserted.json().path("number").asInt()).isEqualTo(2);
        assertThat(titles()).containsExactly("Лес", "Рассвет", "Дорога", "Дом", "Окно");
        assertThat(numbers()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aPositionOutsideTheStoryboardIsRefused() {
        Api.Response tooFar =
                person.api().post("/api/v1/projects/" + project + "/shots", Map.of("title", "x", "position", 9));

        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.string("field")).isEqualTo("position");
    }

    @Test
    void aShotWithoutATitleIsNamedByItsNumber() {
        Api.Response shot = person.api().post("/api/v1/projects/" + project + "/shots", null);

        assertThat(shot.status()).isEqualTo(201);
        assertThat(shot.string("title")).isEqualTo("Шот 5");
    }

    @Test
    void duplicatingCopiesTheTextsRightAfterTheOriginal() {
        String forest = ids().getFirst();
        person.api().patch("/api/v1/shots/" + forest, Map.of("description", "Туман между соснами"));

        Api.Response copy = person.api().post("/api/v1/shots/" + forest + "/duplicate", null);

        assertThat(copy.status()).isEqualTo(201);
        assertThat(copy.string("description")).isEqualTo("Туман между соснами");
        assertThat(copy.json().path("assetCount").asInt()).isZero();
        assertThat(titles()).containsExactly("Лес", "Лес (копия)", "Дорога", "Дом", "Окно");
    }

    @Test
    void aShotInTheTrashLeavesNoGapAndComesBackToItsPlace() {
        String road = ids().get(1);

        assertThat(person.api().delete("/api/v1/shots/" + road).status()).isEqualTo(204);
        assertThat(titles()).containsExactly("Лес", "Дом", "Окно");
        assertThat(numbers()).containsExactly(1, 2, 3);
        assertThat(person.api().get("/api/v1/shots/" + road).status()).isEqualTo(404);

        Api.Response restored = person.api().post("/api/v1/shots/" + road + "/restore", null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.json().path("number").asInt()).isEqualTo(2);
        assertThat(titles()).containsExactly("Лес", "Дорога", "Дом", "Окно");
        assertThat(numbers()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void neighboursTrashedTogetherComeBackInTheirOrderWhicheverIsRestoredFirst() {
        List<String> ids = ids();
        trash(List.of(ids.get(1), ids.get(2)));
        person.api().post("/api/v1/projects/" + project + "/shots", Map.of("title", "Финал"));
        assertThat(titles()).containsExactly("Лес", "Окно", "Финал");

        person.api().post("/api/v1/shots/" + ids.get(2) + "/restore", null);
        assertThat(titles()).containsExactly("Лес", "Дом", "Окно", "Финал");
        person.api().post("/api/v1/shots/" + ids.get(1) + "/restore", null);
        assertThat(titles()).containsExactly("Лес", "Дорога", "Дом", "Окно", "Финал");
        assertThat(numbers()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aShotWhoseNeighboursAreGoneComesBackAtItsFormerNumber() {
        List<String> ids = ids();
        person.api().post("/api/v1/projects/" + project + "/shots", Map.of("title", "Финал"));
        trash(List.of(ids.get(2)));
        trash(List.of(ids.get(1), ids.get(3)));
        person.api().post("/api/v1/projects/" + project + "/shots", Map.of("title", "Титры", "position", 1));
        assertThat(titles()).containsExactly("Титры", "Лес", "Финал");

        person.api().post("/api/v1/shots/" + ids.get(2) + "/restore", null);

        assertThat(titles()).containsExactly("Титры", "Лес", "Дом", "Финал");
    }

    @Test
    void anUnnamedNewShotNeverTakesTheNameOfAnother() {
        String base = "/api/v1/projects/" + project + "/shots";
        assertThat(person.api().post(base, Map.of("position", 3)).string("title"))
                .isEqualTo("Шот 3");
        assertThat(person.api().post(base, Map.of("position", 3)).string("title"))
                .isEqualTo("Шот 4");
        assertThat(person.api().post(base, null).string("title")).isEqualTo("Шот 7");
        String seventh = ids().get(6);
        person.api().delete("/api/v1/shots/" + seventh);
        assertThat(person.api().post(base, null).string("title"))
                .as("a trashed shot may come back, so its name stays taken")
                .isEqualTo("Шот 8");

        String forest = ids().getFirst();
        person.api().patch("/api/v1/shots/" + forest, Map.of("title", "  "));
        assertThat(titles().getFirst()).isEqualTo("Шот 1");
        person.api().patch("/api/v1/shots/" + ids().get(1), Map.of("title", ""));
        assertThat(titles().get(1)).isEqualTo("Шот 2");
        assertThat(titles()).doesNotHaveDuplicates();
    }

    @Test
    void chosenShotsChangeStatusMoveAndGoToTheTrashTogether() {
        List<String> ids = ids();
        Api.Response done = person.api()
                .post(
                        "/api/v1/projects/" + project + "/shots/status",
                        Map.of("shotIds", List.of(ids.get(3), ids.get(1)), "status", "done"));
        assertThat(done.status()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        storyboard()
                .path("items")
                .forEach(shot -> statuses.add(shot.path("status").asString()));
        assertThat(statuses).containsExactly("draft", "done", "draft", "done");

        Api.Response moved = person.api()
                .post(
                        "/api/v1/projects/" + project + "/shots/move",
                        Map.of("shotIds", List.of(ids.get(3), ids.get(1)), "position", 1));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(titles())
                .as("they keep their order and stand together")
                .containsExactly("Дорога", "Окно", "Лес", "Дом");

        trash(List.of(ids.get(0), ids.get(3)));
        assertThat(titles()).containsExactly("Дорога", "Дом");
        assertThat(numbers()).containsExactly(1, 2);
    }

    @Test
    void aSelectionWithAShotOfAnotherProjectOrABadStatusChangesNothing() {
        String other = studio.newProject(person, "Зима");
        String foreign = studio.newShot(person, other, "Снег");
        List<String> ids = ids();

        Api.Response mixed = person.api()
                .post(
                        "/api/v1/projects/" + project + "/shots/status",
                        Map.of("shotIds", List.of(ids.getFirst(), foreign), "status", "done"));
        Api.Response badStatus = person.api()
                .post(
                        "/api/v1/projects/" + project + "/shots/status",
                        Map.of("shotIds", List.of(ids.getFirst()), "status", "finished"));
        Api.Response empty =
                person.api().post("/api/v1/projects/" + project + "/shots/trash", Map.of("shotIds", List.of()));
        Api.Response farAway = person.api()
                .post(
                        "/api/v1/projects/" + project + "/shots/move",
                        Map.of("shotIds", List.of(ids.getFirst()), "position", 9));
        Api.Response someoneElse =
                studio.newPerson().api().post("/api/v1/projects/" + project + "/shots/trash", Map.of("shotIds", ids));

        assertThat(mixed.status()).isEqualTo(404);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(farAway.status()).isEqualTo(400);
        assertThat(farAway.string("detail")).contains("от 1 до 4");
        assertThat(someoneElse.status()).isEqualTo(404);
        assertThat(titles()).containsExactly("Лес", "Дорога", "Дом", "Окно");
        storyboard()
                .path("items")
                .forEach(shot -> assertThat(shot.path("status").asString()).isEqualTo("draft"));
    }

    @Test
    void chosenShotsMoveToTheEndOfAnotherProjectWithTheirTakes() {
        String winter = studio.newProject(person, "Зима");
        studio.newShot(person, winter, "Снег");
        List<String> ids = ids();
        String take = studio.upload(
                        person, ids.get(1), new Api.NamedBytes("дорога.png", app.kadr.support.Samples.png(64, 36)))
                .getFirst();

        Api.Response moved = person.api()
                .post(
                        "/api/v1/projects/" + project + "/shots/transfer",
                        Map.of("shotIds", List.of(ids.get(3), ids.get(1)), "targetProjectId", winter));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(titles()).containsExactly("Лес", "Дом");
        assertThat(numbers()).containsExactly(1, 2);
        JsonNode there =
                person.api().get("/api/v1/projects/" + winter + "/shots").json();
        List<String> thereTitles = new ArrayList<>();
        List<Integer> thereNumbers = new ArrayList<>();
        there.path("items").forEach(shot -> {
            thereTitles.add(shot.path("title").asString());
            thereNumbers.add(shot.path("number").asInt());
        });
        assertThat(thereTitles).as("in their storyboard order").containsExactly("Снег", "Дорога", "Окно");
        assertThat(thereNumbers).containsExactly(1, 2, 3);
        JsonNode takes =
                person.api().get("/api/v1/shots/" + ids.get(1) + "/assets").json();
        assertThat(takes.path("items").get(0).path("id").asString()).isEqualTo(take);
        assertThat(person.api()
                        .get("/api/v1/shots/" + ids.get(1))
                        .json()
                        .path("projectId")
                        .asString())
                .isEqualTo(winter);
    }

    @Test
    void shotsGoOnlyBetweenTheOwnersProjects() {
        List<String> ids = ids();
        Studio.Person stranger = studio.newPerson();
        String strangers = studio.newProject(stranger, "Чужой");
        String winter = studio.newProject(person, "Зима");

        Api.Response intoStrangers = person.api()
                .post(
                        "/api/v1/projects/" + project + "/shots/transfer",
                        Map.of("shotIds", List.of(ids.getFirst()), "targetProjectId", strangers));
        Api.Response outOfMine = stranger.api()
                .post(
                        "/api/v1/projects/" + project + "/shots/transfer",
                        Map.of("shotIds", List.of(ids.getFirst()), "targetProjectId", strangers));
        Api.Response same = person.api()
                .post(
                        "/api/v1/projects/" + project + "/shots/transfer",
                        Map.of("shotIds", List.of(ids.getFirst()), "targetProjectId", project));
        Api.Response nowhere = person.api()
                .post("/api/v1/projects/" + project + "/shots/transfer", Map.of("shotIds", List.of(ids.getFirst())));
        Api.Response nothing = person.api()
                .post(
                        "/api/v1/projects/" + project + "/shots/transfer",
                        Map.of("shotIds", List.of(), "targetProjectId", winter));

        assertThat(intoStrangers.status()).isEqualTo(404);
        assertThat(outOfMine.status()).isEqualTo(404);
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.string("detail")).contains("уже в этом проекте");
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(titles()).containsExactly("Лес", "Дорога", "Дом", "Окно");
        assertThat(stranger.api()
                        .get("/api/v1/projects/" + strangers + "/shots")
                        .json()
                        .path("items"))
                .isEmpty();
    }

    private void trash(List<String> shotIds) {
        assertThat(person.api()
                        .post("/api/v1/projects/" + project + "/shots/trash", Map.of("shotIds", shotIds))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aNewOrderIsSavedAndNumbersFollowIt() {
        List<String> ids = ids();
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);

        Api.Response saved = reorder(reversed, version());

        assertThat(saved.status()).isEqualTo(200);
        assertThat(titles()).containsExactly("Окно", "Дом", "Дорога", "Лес");
        assertThat(numbers()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        long version = version();
        List<String> ids = ids();
        assertThat(reorder(List.of(ids.get(1), ids.get(0), ids.get(2), ids.get(3)), version)
                        .status())
                .isEqualTo(200);

        Api.Response stale = reorder(List.of(ids.get(3), ids.get(2), ids.get(1), ids.get(0)), version);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.string("code")).isEqualTo("conflict");
        assertThat(titles()).containsExactly("Дорога", "Лес", "Дом", "Окно");
    }

    @Test
    void anOrderMissingAShotIsRefused() {
        Api.Response missing = reorder(ids().subList(0, 3), version());

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.string("field")).isEqualTo("shotIds");
        assertThat(titles()).containsExactly("Лес", "Дорога", "Дом", "Окно");
    }

    @Test
    void anOrderNamingAShotTwiceIsRefused() {
        List<String> ids = ids();

        Api.Response duplicated = reorder(List.of(ids.get(0), ids.get(0), ids.get(2), ids.get(3)), version());

        assertThat(duplicated.status()).isEqualTo(400);
        assertThat(duplicated.string("detail")).contains("дважды");
    }

    @Test
    void anOrderWithAnotherProjectsShotIsRefused() {
        String otherProject = studio.newProject(person, "Другой");
        String foreign = studio.newShot(person, otherProject, "Чужой");
        List<String> ids = new ArrayList<>(ids());
        ids.set(0, foreign);

        Api.Response refused = reorder(ids, version());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(titles()).containsExactly("Лес", "Дорога", "Дом", "Окно");
    }

    @Test
    void anOrderWithAnUnknownIdIsRefused() {
        List<String> ids = new ArrayList<>(ids());
        ids.add(UUID.randomUUID().toString());

        assertThat(reorder(ids, version()).status()).isEqualTo(400);
    }

    @Test
    void twoTabsReorderingAtOnceNeverCorruptTheOrder() {
        long version = version();
        List<String> ids = ids();
        List<CompletableFuture<Integer>> attempts = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    List<String> shuffled = new ArrayList<>(ids);
                    Collections.rotate(shuffled, i + 1);
                    return reorder(shuffled, version).status();
                }))
                .toList();

        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(numbers()).containsExactly(1, 2, 3, 4);
        assertThat(ids()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void theHeadlinerMustBeAnAssetOfTheShot() {
        String shot = ids().getFirst();

        Api.Response foreign = person.api()
                .patch(
                        "/api/v1/shots/" + shot,
                        Map.of("headlinerAssetId", UUID.randomUUID().toString()));

        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.string("field")).isEqualTo("headlinerAssetId");
    }

    @Test
    void statusAndTextsAreChangedByPatch() {
        String shot = ids().getFirst();

        Api.Response changed = person.api()
                .patch("/api/v1/shots/" + shot, Map.of("status", "in_progress", "title", "Лес на рассвете"));
        Api.Response wrongStatus = person.api().patch("/api/v1/shots/" + shot, Map.of("status", "finished"));

        assertThat(changed.string("status")).isEqualTo("in_progress");
        assertThat(changed.string("title")).isEqualTo("Лес на рассвете");
        assertThat(wrongStatus.status()).isEqualTo(400);
        assertThat(wrongStatus.string("field")).isEqualTo("status");
    }
}
