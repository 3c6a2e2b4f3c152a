package app.kadr.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.EventStream;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The client's answers on a published version: approvals per shot that move the shot's status as the link says,
 * candidates the owner offers and the client's favourite among them, kept per version; and every wrong answer
 * refused in Russian without a trace.
 */
@KadrTest
class ReviewTests {

    @Autowired
    Studio studio;

    Studio.Person owner;
    String project;
    String dawn;
    String city;
    String chase;
    PublicClient client;

    @BeforeEach
    void aStoryboardOfThreeShots() {
        owner = studio.newPerson();
        project = studio.newProject(owner, "Реклама сока");
        dawn = studio.newShot(owner, project, "Рассвет");
        city = studio.newShot(owner, project, "Город");
        chase = studio.newShot(owner, project, "Погоня");
        client = new PublicClient(studio.baseUrl());
    }

    @Test
    void approvalsBelongToTheirVersionAndTheShotStatusFollowsThem() {
        JsonNode link = Sharing.newLink(owner, project);
        String token = link.path("token").asString();

        PublicClient.Answer approved = approve(token, dawn, "approved", null);
        PublicClient.Answer changes = approve(token, city, "changes", "  Город темнее, пожалуйста  ");

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(changes.status()).as(changes.toString()).isEqualTo(200);
        assertThat(changes.json().path("comment").asString()).isEqualTo("Город темнее, пожалуйста");
        JsonNode view = view(token);
        assertThat(view.path("shots")
                        .get(0)
                        .path("review")
                        .path("approval")
                        .path("decision")
                        .asString())
                .isEqualTo("approved");
        assertThat(view.path("shots")
                        .get(1)
                        .path("review")
                        .path("approval")
                        .path("comment")
                        .asString())
                .isEqualTo("Город темнее, пожалуйста");
        assertThat(view.path("shots").get(2).path("review").path("approval").isNull())
                .isTrue();
        assertThat(status(dawn)).as("approved → «Готово» by default").isEqualTo("done");
        assertThat(status(city)).as("changes → «В работе» by default").isEqualTo("in_progress");
        assertThat(status(chase)).isEqualTo("draft");
        assertThat(counts(1)).containsExactly(1, 1, 1);
        String grid = owner.api().get("/projects/" + project + "/grid").text();
        assertThat(grid)
                .contains("data-approval=\"approved\"", "data-approval=\"changes\"", "data-approval=\"none\"")
                .contains("Клиент утвердил (версия 1)");

        assertThat(approve(token, dawn, "changes", "Всё-таки светлее").status())
                .as("a second answer replaces the first")
                .isEqualTo(200);
        assertThat(counts(1)).containsExactly(0, 2, 1);
        assertThat(status(dawn)).isEqualTo("in_progress");

        publish(link);

        JsonNode second = view(token);
        assertThat(second.path("release").path("number").asInt()).isEqualTo(2);
        for (JsonNode shot : second.path("shots")) {
            assertThat(shot.path("review").path("approval").isNull())
                    .as("a new version starts without answers")
                    .isTrue();
        }
        assertThat(counts(2)).containsExactly(0, 0, 3);
        assertThat(counts(1)).as("the old version keeps its answers").containsExactly(0, 2, 1);
        assertThat(approve(token, chase, "approved", null).status()).isEqualTo(200);
        JsonNode history =
                owner.api().get("/api/v1/shots/" + dawn + "/reviews").json().path("items");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("version").asInt()).isEqualTo(1);
        assertThat(history.get(0).path("comment").asString()).isEqualTo("Всё-таки светлее");
        String panel = owner.api().get("/projects/" + project + "/sharing").text();
        assertThat(panel).contains("1 утверждено", "0 на доработку", "2 без ответа");
    }

    @Test
    void theOwnerSeesTheCountsOfEveryVersionAndTheMarkSaysWhichVersionItCameFrom() {
        JsonNode link = Sharing.newLink(owner, project);
        String token = link.path("token").asString();
        approve(token, dawn, "approved", null);
        approve(token, city, "changes", "Город темнее");
        publish(link);
        approve(token, chase, "approved", null);
        approve(token, city, "approved", null);

        JsonNode all = owner.api()
                .get("/api/v1/projects/" + project + "/share-versions/answers/all")
                .json()
                .path("items");
        assertThat(all).hasSize(2);
        assertThat(all.get(0).path("version").asInt()).as("newest first").isEqualTo(2);
        assertThat(List.of(
                        all.get(0).path("approved").asInt(),
                        all.get(0).path("changes").asInt(),
                        all.get(0).path("unanswered").asInt()))
                .containsExactly(2, 0, 1);
        assertThat(List.of(
                        all.get(1).path("approved").asInt(),
                        all.get(1).path("changes").asInt(),
                        all.get(1).path("unanswered").asInt()))
                .as("the first version keeps its own answers")
                .containsExactly(1, 1, 1);
        assertThat(all.get(1).path("publishedAt").asString()).isNotBlank();

        String panel = owner.api().get("/projects/" + project + "/sharing").text();
        assertThat(panel)
                .as("the link shows version 2; the older version's counts are in the panel too")
                .contains("Ответы по версиям (2)")
                .contains("data-version=\"1\"", "data-version=\"2\"")
                .contains("2 утверждено", "1 утверждено", "1 на доработку");

        String grid = owner.api().get("/projects/" + project + "/grid").text();
        assertThat(grid)
                .as("each mark says the version its answer was given on")
                .contains("Клиент утвердил (версия 2)", "Клиент утвердил (версия 1)")
                .doesNotContain("Клиент просит правки");
        assertThat(studio.newPerson()
                        .api()
                        .get("/api/v1/projects/" + project + "/share-versions/answers/all")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theLinkSaysWhatAnAnswerDoesToTheStatus() {
        JsonNode link = Sharing.newLink(owner, project);
        String follows = "/api/v1/share-links/" + link.path("id").asString() + "/status-follows";
        Map<String, @Nullable Object> rules = new HashMap<>();
        rules.put("approved", null);
        rules.put("changes", "draft");
        Api.Response set = owner.api().put(follows, rules);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("approved").isNull()).isTrue();
        owner.api().patch("/api/v1/shots/" + city, Map.of("status", "done"));

        approve(link.path("token").asString(), dawn, "approved", null);
        approve(link.path("token").asString(), city, "changes", "Не то");

        assertThat(status(dawn)).as("left as it was").isEqualTo("draft");
        assertThat(status(city)).isEqualTo("draft");
        Api.Response bad = owner.api().put(follows, Map.of("approved", "утверждён"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("Статус должен быть одним из");
        assertThat(studio.newPerson().api().put(follows, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void theClientPicksAmongCandidatesOfTheVersionAndTheOwnerMakesItTheHeadliner() {
        String first = still(dawn, "дубль-первый.png");
        String second = still(dawn, "дубль-второй.png");
        String headliner = still(dawn, "хедлайнер.png");
        Sharing.makeHeadliner(owner, dawn, headliner);
        Api.Response offered = owner.api().put(candidates(dawn), Map.of("assetIds", List.of(first, second)));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
        JsonNode link = Sharing.newLink(owner, project);
        String token = link.path("token").asString();

        JsonNode review = view(token).path("shots").get(0).path("review");
        JsonNode candidates = review.path("candidates");
        assertThat(candidates).hasSize(2);
        assertThat(candidates.get(0).path("letter").asString()).isEqualTo("A");
        assertThat(view(token).path("shots").get(1).path("review").path("candidates"))
                .isEmpty();
        String candidateJson = candidates.toString();
        assertThat(candidateJson).doesNotContain(first, second, "дубль");
        for (JsonNode candidate : candidates) {
            assertThat(client.get(candidate.path("media").path("thumbUrl").asString())
                            .status())
                    .isEqualTo(200);
        }
        String favourite = candidates.get(1).path("ref").asString();

        PublicClient.Answer picked =
                client.put(pick(token, dawn), Map.of("candidateRef", favourite, "reason", "Свет мягче"));

        assertThat(picked.status()).as(picked.toString()).isEqualTo(200);
        assertThat(view(token)
                        .path("shots")
                        .get(0)
                        .path("review")
                        .path("pick")
                        .path("candidateRef")
                        .asString())
                .isEqualTo(favourite);
        JsonNode answer = owner.api()
                .get("/api/v1/shots/" + dawn + "/reviews")
                .json()
                .path("items")
                .get(0);
        assertThat(answer.path("pick").asInt()).isEqualTo(2);
        assertThat(answer.path("pickAssetId").asString()).isEqualTo(second);
        assertThat(answer.path("pickReason").asString()).isEqualTo("Свет мягче");
        assertThat(headlinerOf(dawn))
                .as("the studio never changes the headliner by itself")
                .isEqualTo(headliner);
        assertThat(owner.api().get("/projects/" + project + "/sharing").text())
                .contains("выбран вариант B", "«Свет мягче»", "Сделать хедлайнером");
        assertThat(owner.api().get("/shots/" + dawn + "/review").text()).contains("выбран вариант B");

        Api.Response made = owner.api().form("/shots/" + dawn + "/review/headliner", Map.of("version", "1"));

        assertThat(made.status()).as(made.toString()).isEqualTo(200);
        assertThat(made.headers().getFirst("HX-Trigger")).isEqualTo("feed-changed");
        assertThat(headlinerOf(dawn)).isEqualTo(second);
        assertThat(made.text()).contains("хедлайнер").doesNotContain("Сделать хедлайнером");

        owner.api().put(candidates(dawn), Map.of("assetIds", List.of()));
        publish(link);
        JsonNode next = view(token).path("shots").get(0).path("review");
        assertThat(next.path("candidates")).as("offered no more").isEmpty();
        assertThat(next.path("pick").isNull()).isTrue();
        assertThat(client.put(pick(token, dawn), Map.of("candidateRef", favourite))
                        .status())
                .as("the old version's candidate is nothing in the new one")
                .isEqualTo(400);
        assertThat(owner.api()
                        .get("/api/v1/shots/" + dawn + "/reviews")
                        .json()
                        .path("items")
                        .get(0)
                        .path("pick")
                        .asInt())
                .as("the old version's pick stays readable to the owner")
                .isEqualTo(2);
    }

    @Test
    void wrongAnswersAreRefusedInRussianAndStrangersSeeNothing() {
        String a = still(city, "a.png");
        String b = still(city, "b.png");
        owner.api().put(candidates(city), Map.of("assetIds", List.of(a, b)));
        JsonNode link = Sharing.newLink(owner, project);
        String token = link.path("token").asString();

        assertRefused(approve(token, dawn, "может быть", null), 400, "Выберите «Утверждено» или «Нужны правки»");
        assertRefused(approve(token, dawn, null, null), 400, "Выберите «Утверждено» или «Нужны правки»");
        assertRefused(approve(token, dawn, "changes", "   "), 400, "Напишите, что поправить");
        assertRefused(approve(token, dawn, "changes", "я".repeat(2001)), 400, "Комментарий не длиннее");
        assertRefused(
                client.put(pick(token, city), Map.of("candidateRef", "угадал")), 400, "Выберите один из вариантов");
        assertRefused(client.put(pick(token, city), Map.of()), 400, "Выберите один из вариантов");
        assertRefused(client.put(pick(token, dawn), Map.of("candidateRef", "x")), 400, "Выберите один из вариантов");
        String ref = view(token)
                .path("shots")
                .get(1)
                .path("review")
                .path("candidates")
                .get(0)
                .path("ref")
                .asString();
        assertRefused(
                client.put(pick(token, city), Map.of("candidateRef", ref, "reason", "я".repeat(2001))),
                400,
                "Причина не длиннее");
        assertThat(counts(1)).as("nothing half-written").containsExactly(0, 0, 3);
        assertThat(status(dawn)).isEqualTo("draft");

        assertThat(approve(token, UUID.randomUUID().toString(), "approved", null)
                        .status())
                .isEqualTo(404);
        assertThat(approve(token, "не-шот", "approved", null).status()).isEqualTo(404);
        String later = studio.newShot(owner, project, "Позже");
        assertThat(approve(token, later, "approved", null).status())
                .as("a shot the version does not show")
                .isEqualTo(404);
        assertThat(approve("x".repeat(43), dawn, "approved", null).status()).isEqualTo(404);
        Studio.Person stranger = studio.newPerson();
        String theirs = studio.newShot(stranger, studio.newProject(stranger, "Чужой"), "Чужой шот");
        assertThat(approve(token, theirs, "approved", null).status()).isEqualTo(404);
        assertThat(approve(
                                Sharing.newLink(owner, project, Map.of("mode", "live"))
                                        .path("token")
                                        .asString(),
                                dawn,
                                "approved",
                                null)
                        .status())
                .as("a live link has no version to answer on")
                .isEqualTo(409);
        PublicClient.Answer muted = approve(
                Sharing.newLink(owner, project, Map.of("allowComments", false))
                        .path("token")
                        .asString(),
                dawn,
                "approved",
                null);
        assertRefused(muted, 403, "отключил ответы");

        assertRefused(owner.api().put(candidates(city), Map.of("assetIds", List.of(a))), 400, "от 2 до 4 дублей");
        assertRefused(owner.api().put(candidates(city), Map.of("assetIds", List.of(a, a))), 400, "дважды");
        String c = still(city, "c.png");
        String d = still(city, "d.png");
        String e = still(city, "e.png");
        assertRefused(
                owner.api().put(candidates(city), Map.of("assetIds", List.of(a, b, c, d, e))), 400, "от 2 до 4 дублей");
        String elsewhere = still(chase, "f.png");
        String foreign = studio.upload(stranger, theirs, new Api.NamedBytes("g.png", Samples.png(64, 36)))
                .getFirst();
        assertRefused(owner.api().put(candidates(city), Map.of("assetIds", List.of(a, elsewhere))), 400, "этого шота");
        assertRefused(owner.api().put(candidates(city), Map.of("assetIds", List.of(a, foreign))), 400, "этого шота");
        assertRefused(owner.api().put(candidates(city), Map.of("assetIds", List.of(a, "не-uuid"))), 400, "");
        assertThat(owner.api().get(candidates(city)).json().path("assetIds").toString())
                .as("a refused offer changes nothing")
                .contains(a, b)
                .doesNotContain(elsewhere);

        assertThat(stranger.api()
                        .put(candidates(city), Map.of("assetIds", List.of()))
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api().get("/api/v1/shots/" + city + "/reviews").status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .get("/api/v1/projects/" + project + "/share-versions/answers?version=1")
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .form("/shots/" + city + "/review/headliner", Map.of("version", "1"))
                        .status())
                .isEqualTo(404);
        assertRefused(
                owner.api().form("/shots/" + city + "/review/headliner", Map.of("version", "1")), 400, "ещё не выбрал");
    }

    @Test
    void theOpenApiContractDescribesTheAnswersAndTheirFields() {
        JsonNode docs = studio.api().get("/v3/api-docs").json();

        JsonNode paths = docs.path("paths");
        assertThat(paths.has("/api/v1/projects/{projectId}/share-versions/answers/all"))
                .isTrue();
        assertThat(paths.path("/api/v1/public/{token}/shots/{shotRef}/approval")
                        .path("put")
                        .path("summary")
                        .asString())
                .contains("Ответ клиента");
        JsonNode schemas = docs.path("components").path("schemas");
        assertThat(schemas.path("VersionAnswers")
                        .path("properties")
                        .path("unanswered")
                        .path("description")
                        .asString())
                .isEqualTo("Шотов без ответа");
        assertThat(schemas.path("ShotReview")
                        .path("properties")
                        .path("decision")
                        .path("enum")
                        .toString())
                .contains("approved", "changes");
        assertThat(schemas.path("ShareLink")
                        .path("properties")
                        .path("mode")
                        .path("enum")
                        .toString())
                .contains("live", "version");
        assertThat(schemas.path("Annotation")
                        .path("properties")
                        .path("type")
                        .path("enum")
                        .toString())
                .contains("point", "rect", "arrow", "path");
    }

    private void assertRefused(PublicClient.Answer answer, int status, String text) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.text()).contains(text);
    }

    private void assertRefused(Api.Response answer, int status, String text) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.text()).contains(text);
    }

    @Test
    void theOwnersOpenPagesHearOfAClientsAnswerAtOnce() {
        String token = Sharing.newLink(owner, project).path("token").asString();
        try (EventStream page = EventStream.open(studio.baseUrl(), project, owner.token())) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(page::isOpen);

            PublicClient.Answer answered = approve(token, city, "changes", "Темнее");

            assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(page.events()).anySatisfy(event -> {
                        assertThat(event.name()).isEqualTo("answer");
                        assertThat(event.data()).contains(city);
                    }));
        }
    }

    @Test
    void answersFromOneAddressOnALinkAreLimitedToAQuickReviewersPace() {
        String token = Sharing.newLink(owner, project).path("token").asString();
        Api busy = studio.api().from(Studio.newAddress());
        String approval = "/api/v1/public/" + token + "/shots/" + dawn + "/approval";
        int allowed = ClientThrottle.ANSWERS.perAddressOnLink().allowed();
        for (int i = 1; i <= allowed; i++) {
            String decision = i % 2 == 0 ? "approved" : "changes";
            Api.Response answered = busy.put(approval, Map.of("decision", decision, "comment", "Правка " + i));
            assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        }

        Api.Response refused = busy.put(approval, Map.of("decision", "approved"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text()).contains("Слишком много ответов подряд");
        assertThat(approve(token, city, "approved", null).status())
                .as("another address answers as before")
                .isEqualTo(200);
    }

    private PublicClient.Answer approve(
            String token, String shotRef, @Nullable String decision, @Nullable String comment) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("comment", comment);
        return client.put("/api/v1/public/" + token + "/shots/" + shotRef + "/approval", body);
    }

    private static String pick(String token, String shotRef) {
        return "/api/v1/public/" + token + "/shots/" + shotRef + "/pick";
    }

    private static String candidates(String shotId) {
        return "/api/v1/shots/" + shotId + "/candidates";
    }

    private String still(String shotId, String name) {
        String asset = studio.upload(owner, shotId, new Api.NamedBytes(name, Samples.png(320, 180)))
                .getFirst();
        assertThat(studio.awaitProcessed(owner, asset).path("mediaStatus").asString())
                .isEqualTo("ready");
        return asset;
    }

    private void publish(JsonNode link) {
        Api.Response published =
                owner.api().post("/api/v1/share-links/" + link.path("id").asString() + "/versions", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
    }

    private List<Integer> counts(int version) {
        Api.Response answers =
                owner.api().get("/api/v1/projects/" + project + "/share-versions/answers?version=" + version);
        assertThat(answers.status()).as(answers.toString()).isEqualTo(200);
        JsonNode json = answers.json();
        return List.of(
                json.path("approved").asInt(),
                json.path("changes").asInt(),
                json.path("unanswered").asInt());
    }

    private String status(String shotId) {
        return owner.api().get("/api/v1/shots/" + shotId).json().path("status").asString();
    }

    private String headlinerOf(String shotId) {
        return owner.api()
                .get("/api/v1/shots/" + shotId)
                .json()
                .path("headliner")
                .path("id")
                .asString();
    }

    private JsonNode view(String token) {
        PublicClient.Answer answer = client.get("/api/v1/public/" + token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }
}
