package app.kadr.generation.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Takes made through OpenAI end to end, against a fake as strict as OpenAI (undocumented fields refused): the studio
 * sends what openai-python documents, so a gpt-image-1 take is made and a text-to-video needs no reference frame.
 */
@KadrTest
class OpenAiTakesTests {

    private static final WireMockServer openai = StrictOpenAi.server();

    @Autowired
    Studio studio;

    private Studio.Person admin;
    private String shot;

    @BeforeAll
    static void start() {
        openai.start();
    }

    @AfterAll
    static void stop() {
        openai.stop();
    }

    @BeforeEach
    void openAiPointedAtTheFake() {
        openai.resetAll();
        admin = studio.newAdmin();
        String provider = provider(admin, "openai");
        Api.Response changed = admin.api()
                .patch(
                        "/api/v1/providers/" + provider,
                        Map.of(
                                "baseUrl",
                                openai.baseUrl() + "/v1",
                                "apiKey",
                                "sk-test",
                                "selfHosted",
                                true,
                                "enabled",
                                true));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        shot = studio.newShot(admin, studio.newProject(admin, "OpenAI"), "Шот");
    }

    @Test
    void aGptImageTakeIsMadeThoughTheStudioKeepsASeedOpenAiDoesNotTake() {
        String picture = Base64.getEncoder().encodeToString(Samples.png(64, 48));
        openai.stubFor(post("/v1/images/generations")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"created\":1,\"data\":[{\"b64_json\":\"" + picture + "\"}]}")));

        String take =
                studio.generate(admin, shot, Map.of("modelId", model(admin, "gpt-image-1"), "prompt", "кот в шляпе"));

        JsonNode made = admin.api().get("/api/v1/assets/" + take).json();
        assertThat(made.path("generation").path("seed").isNumber()).isTrue();
        openai.verify(1, postRequestedFor(urlEqualTo("/v1/images/generations")));
    }

    @Test
    void aTextToVideoModelThatMayTakeAReferenceFrameStartsFromThePromptAlone() {
        String sora = soraLikeModel();
        openai.stubFor(post("/v1/videos")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"video_1\",\"status\":\"queued\",\"progress\":0}")));
        openai.stubFor(get("/v1/videos/video_1")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"id\":\"video_1\",\"status\":\"failed\",\"error\":{\"code\":\"moderation_blocked\","
                                        + "\"message\":\"blocked\"}}")));

        Api.Response started = admin.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of("modelId", sora, "prompt", "волны", "params", Map.of("duration", "4")));

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode ended =
                studio.awaitGeneration(admin, started.json().get(0).path("id").asString());
        // The video job was accepted and ran; the fake then ends it by moderation, a failure named as OpenAI's.
        assertThat(ended.path("error").path("code").asString())
                .as(ended.toString())
                .isEqualTo("moderation");
        assertThat(openai.findAll(postRequestedFor(urlEqualTo("/v1/videos"))))
                .singleElement()
                .satisfies(request ->
                        assertThat(request.getPart("input_reference")).isNull());
    }

    /** A Sora model as an admin adds it: text-to-video with the optional reference frame mapped. */
    private String soraLikeModel() {
        Api.Response created = admin.api()
                .post(
                        "/api/v1/models",
                        Map.of(
                                "provider",
                                "openai",
                                "externalId",
                                "sora-2-" + java.util.UUID.randomUUID(),
                                "name",
                                "Видео по описанию",
                                "vendor",
                                "OpenAI",
                                "task",
                                "text_to_video",
                                "quality",
                                "high",
                                "description",
                                "Необязательный исходный кадр",
                                "paramSchema",
                                Map.of(
                                        "type",
                                        "object",
                                        "properties",
                                        Map.of(
                                                "duration",
                                                Map.of(
                                                        "type",
                                                        "string",
                                                        "title",
                                                        "Длительность",
                                                        "enum",
                                                        java.util.List.of("4", "8")))),
                                "fieldMapping",
                                Map.of("prompt", "prompt", "sourceImage", "input_reference", "duration", "seconds"),
                                "price",
                                Map.of("unit", "second", "usd", 0.1)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private static String provider(Studio.Person admin, String kind) {
        for (JsonNode found : admin.api().get("/api/v1/providers").json().path("items")) {
            if (found.path("kind").asString().equals(kind)) {
                return found.path("id").asString();
            }
        }
        throw new AssertionError("No provider " + kind);
    }

    private static String model(Studio.Person person, String externalId) {
        for (JsonNode found :
                person.api().get("/api/v1/models?provider=openai").json().path("items")) {
            if (found.path("externalId").asString().equals(externalId)) {
                return found.path("id").asString();
            }
        }
        throw new AssertionError("No OpenAI model " + externalId);
    }
}
