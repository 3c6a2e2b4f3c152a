package app.kadr.smartedit;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.FakeAgent;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import app.kadr.support.VendorNeutral;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Smart edits through the API, end to end with the offline engine: the rewrite, the new take, its lineage. */
@KadrTest
@VendorNeutral
class SmartEditApiTests {

    @Autowired
    Studio studio;

    Studio.Person person;
    String shot;
    String first;

    @BeforeEach
    void aTake() {
        person = studio.newPerson();
        String project = studio.newProject(person, "Умная правка");
        shot = studio.newShot(person, project, "Мост");
        first = take("a man on a bridge, 24mm lens, daytime, wide shot", 4242);
    }

    private String take(String prompt, int seed) {
        return studio.generate(
                person,
                shot,
                Map.of(
                        "modelId", studio.localModel(person, "local/draft"),
                        "prompt", prompt,
                        "params", Map.of("seed", seed, "size", "1024x1024")));
    }

    private String assetOf(JsonNode generation) {
        return studio.awaitTake(person, generation.path("id").asString());
    }

    private Api.Response smartEdit(String assetId, Map<String, Object> body) {
        return person.api().post("/api/v1/assets/" + assetId + "/smart-edit", body);
    }

    @Test
    void anOfflineSmartEditRewritesRunsAndLinksTheNewTakeToItsParent() {
        Api.Response edited = smartEdit(first, Map.of("instruction", "сделай камеру 35мм"));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(202);
        JsonNode body = edited.json();
        assertThat(body.path("originalPrompt").asString())
                .isEqualTo("a man on a bridge, 24mm lens, daytime, wide shot");
        assertThat(body.path("rewrittenPrompt").asString())
                .isEqualTo("a man on a bridge, 35mm lens, daytime, wide shot");
        assertThat(body.path("offline").asBoolean()).isTrue();
        assertThat(body.path("explanation").asString()).contains("Объектив", "24mm", "35mm");
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        body.path("diff").forEach(w -> {
            if (w.path("change").asString().equals("REMOVED"))
                removed.add(w.path("text").asString());
            if (w.path("change").asString().equals("ADDED"))
                added.add(w.path("text").asString());
        });
        assertThat(removed).containsExactly("24mm");
        assertThat(added).containsExactly("35mm");

        String child = assetOf(body.path("generation"));
        JsonNode made = person.api().get("/api/v1/assets/" + child).json().path("generation");
        assertThat(made.path("prompt").asString()).isEqualTo("a man on a bridge, 35mm lens, daytime, wide shot");
        assertThat(made.path("seed").asLong()).as("the seed is kept by default").isEqualTo(4242);
        assertThat(made.path("parentAssetId").asString()).isEqualTo(first);
        assertThat(made.path("editInstruction").asString()).isEqualTo("сделай камеру 35мм");
        assertThat(person.api()
                        .get("/api/v1/assets/" + child)
                        .json()
                        .path("shotId")
                        .asString())
                .isEqualTo(shot);
    }

    @Test
    void aPreviewRunsNothingAndAHandEditedPromptRunsAsWritten() {
        Api.Response preview = person.api()
                .post("/api/v1/assets/" + first + "/smart-edit/preview", Map.of("instruction", "make it night"));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().path("rewrittenPrompt").asString())
                .isEqualTo("a man on a bridge, 24mm lens, night, wide shot");
        assertThat(preview.json().path("generation").isNull()).isTrue();
        assertThat(person.api()
                        .get("/api/v1/shots/" + shot + "/generations")
                        .json()
                        .path("items"))
                .hasSize(1);

        Api.Response run = smartEdit(
                first,
                Map.of(
                        "instruction",
                        "make it night",
                        "prompt",
                        "a man on a bridge at night, lanterns",
                        "keepSeed",
                        false));

        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        JsonNode generation = run.json().path("generation");
        assertThat(generation.path("prompt").asString()).isEqualTo("a man on a bridge at night, lanterns");
        assertThat(generation.path("seed").asLong()).isNotEqualTo(4242);
    }

    @Test
    void theLineageRunsFromTheFirstTakeToThisOneWithEachRequest() {
        String second = assetOf(smartEdit(first, Map.of("instruction", "сделай камеру 35мм"))
                .json()
                .path("generation"));
        String third = assetOf(smartEdit(second, Map.of("instruction", "замени день на вечер"))
                .json()
                .path("generation"));
        String fourth = assetOf(
                smartEdit(third, Map.of("instruction", "крупный план")).json().path("generation"));

        Api.Response lineage = person.api().get("/api/v1/assets/" + fourth + "/lineage");

        assertThat(lineage.status()).isEqualTo(200);
        JsonNode items = lineage.json().path("items");
        List<String> assets = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        items.forEach(step -> {
            assets.add(step.path("assetId").asString());
            requests.add(step.path("instruction").asString(""));
        });
        assertThat(assets).containsExactly(first, second, third, fourth);
        assertThat(requests).containsExactly("", "сделай камеру 35мм", "замени день на вечер", "крупный план");
        assertThat(items.path(3).path("prompt").asString())
                .isEqualTo("a man on a bridge, 35mm lens, evening, close-up");
        assertThat(items.path(3).path("seed").asLong()).isEqualTo(4242);
        assertThat(items.path(3).path("modelName").asString()).isEqualTo("Черновик (без ИИ)");
    }

    @Test
    void repeatKeepsTheSeedAndRemixChangesIt() {
        JsonNode repeated =
                person.api().post("/api/v1/assets/" + first + "/repeat", null).json();
        JsonNode remixed =
                person.api().post("/api/v1/assets/" + first + "/remix", null).json();

        assertThat(repeated.path("seed").asLong()).isEqualTo(4242);
        assertThat(repeated.path("prompt").asString()).isEqualTo("a man on a bridge, 24mm lens, daytime, wide shot");
        assertThat(repeated.path("params").path("size").asString()).isEqualTo("1024x1024");
        assertThat(remixed.path("seed").asLong()).isNotEqualTo(4242);
        assertThat(remixed.path("params").path("size").asString()).isEqualTo("1024x1024");
        String remix = assetOf(remixed);
        assertThat(person.api()
                        .get("/api/v1/assets/" + remix)
                        .json()
                        .path("generation")
                        .path("editInstruction")
                        .asString())
                .isEqualTo("Ремикс");
    }

    @Test
    void someoneElsesAssetIsNotFound() {
        Studio.Person stranger = studio.newPerson();

        for (String path : List.of("/smart-edit", "/smart-edit/preview", "/repeat", "/remix")) {
            Api.Response answer =
                    stranger.api().post("/api/v1/assets/" + first + path, Map.of("instruction", "сделай ночь"));
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.json().path("code").asString()).isEqualTo("not_found");
        }
        assertThat(stranger.api().get("/api/v1/assets/" + first + "/lineage").status())
                .isEqualTo(404);
    }

    @Test
    void anEmptyRequestOrAnUploadedPictureIsExplainedInRussian() {
        Api.Response empty = smartEdit(first, Map.of("instruction", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("detail").asString()).contains("Напишите, что изменить");

        String uploaded = studio.upload(
                        person, shot, new Api.NamedBytes("photo.jpg", app.kadr.support.Samples.jpeg(64, 48)))
                .getFirst();
        Api.Response notGenerated = smartEdit(uploaded, Map.of("instruction", "сделай ночь"));
        assertThat(notGenerated.status()).isEqualTo(400);
        assertThat(notGenerated.json().path("detail").asString()).contains("загружен");
    }

    @Test
    void withAnAgentTheRewriteComesFromItAndItsFailuresAreRussianProblems() {
        FakeAgent agent = new FakeAgent();
        Studio.Person admin = studio.newAdmin();
        try {
            Api.Response set = admin.api()
                    .put(
                            "/api/v1/settings/agent",
                            Map.of("baseUrl", agent.url(), "model", "m", "apiKey", "sk-x", "selfHosted", true));
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            assertThat(set.text()).doesNotContain("sk-x");
            assertThat(person.api().get("/api/v1/settings/agent").status()).isEqualTo(403);
            assertThat(person.api().get("/settings/agent").status()).isEqualTo(404);
            Api.Response page = admin.api().get("/settings/agent");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains("Настройки агента", agent.url()).doesNotContain("sk-x");

            String content = JsonMapper.builder()
                    .build()
                    .writeValueAsString(Map.of(
                            "prompt", "a man on a bridge, 35mm lens, golden hour, wide shot",
                            "negativePrompt", "blur",
                            "paramChanges", List.of(),
                            "explanation", "Объектив 35 мм, золотой час"));
            agent.answers(content);
            Api.Response preview = person.api()
                    .post(
                            "/api/v1/assets/" + first + "/smart-edit/preview",
                            Map.of("instruction", "35мм, золотой час"));
            assertThat(preview.json().path("offline").asBoolean()).isFalse();
            assertThat(preview.json().path("explanation").asString()).isEqualTo("Объектив 35 мм, золотой час");
            assertThat(preview.json().path("rewrittenPrompt").asString())
                    .isEqualTo("a man on a bridge, 35mm lens, golden hour, wide shot");
            agent.verify(postRequestedFor(urlEqualTo(FakeAgent.COMPLETIONS))
                    .withRequestBody(matchingJsonPath(
                            "$.messages[0].content", containing("Change only what the request asks for")))
                    .withRequestBody(
                            matchingJsonPath("$.messages[0].content", containing("Keep the prompt's language")))
                    .withRequestBody(matchingJsonPath(
                            "$.messages[1].content", containing("a man on a bridge, 24mm lens, daytime, wide shot")))
                    .withRequestBody(matchingJsonPath("$.messages[1].content", containing("35мм, золотой час"))));

            agent.answers("{\"variants\":[\"a lone man crossing an old stone bridge at dawn\","
                    + "\"a man on a misty bridge, cinematic\"]}");
            Api.Response enhanced = person.api().post("/api/v1/prompts/enhance", Map.of("prompt", "a man on a bridge"));
            assertThat(enhanced.status()).as(enhanced.toString()).isEqualTo(200);
            assertThat(enhanced.json().path("source").asString()).isEqualTo("agent");
            assertThat(enhanced.json().path("variants")).hasSize(2);

            agent.answersStatus(429);
            Api.Response busy = smartEdit(first, Map.of("instruction", "35мм"));
            assertThat(busy.status()).isEqualTo(429);
            assertThat(busy.headers().getContentType().toString()).startsWith("application/problem+json");
            assertThat(busy.json().path("code").asString()).isEqualTo("agent_busy");
            assertThat(busy.json().path("detail").asString()).contains("перегружен");

            agent.answersStatus(500);
            Api.Response failed = smartEdit(first, Map.of("instruction", "35мм"));
            assertThat(failed.status()).isEqualTo(502);
            assertThat(failed.json().path("code").asString()).isEqualTo("agent_unavailable");
            assertThat(person.api()
                            .get("/api/v1/shots/" + shot + "/generations")
                            .json()
                            .path("items"))
                    .as("a failed rewrite runs nothing")
                    .hasSize(1);
        } finally {
            admin.api().put("/api/v1/settings/agent", Map.of("baseUrl", ""));
            agent.close();
        }
    }

    @Test
    void enhancementWithoutAnAgentSaysHowToGetIt() {
        Api.Response answer = person.api().post("/api/v1/prompts/enhance", Map.of("prompt", "кот"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asString()).contains("ИИ-агент");
    }
}
