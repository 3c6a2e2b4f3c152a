package app.kadr.generation.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * «Проверить подключение»: each provider's cheapest documented authenticated call, its result in Russian, stored,
 * and shown on the models of a provider that failed it. The calls: fal's queue status (fal-ai/fal-js
 * {@code queue.status}), Runware's {@code authentication} task (Runware/sdk-python {@code runware/server.py}),
 * Stability's {@code GET /v1/user/account} (platform.stability.ai API reference, user account), OpenAI's
 * {@code GET /models} (openai-python {@code models.list}), ComfyUI's {@code GET /system_stats} (ComfyUI server.py).
 */
@KadrTest
class ConnectionCheckTests {

    private static final WireMockServer fake =
            new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));

    @Autowired
    Studio studio;

    private Studio.Person admin;
    private final Map<String, Map<String, Object>> changed = new HashMap<>();

    @BeforeAll
    static void start() {
        fake.start();
    }

    @AfterAll
    static void stop() {
        fake.stop();
    }

    @BeforeEach
    void anAdmin() {
        fake.resetAll();
        admin = studio.newAdmin();
    }

    @AfterEach
    void providersAsTheyWere() {
        // Providers are shared by every test of this studio: give them back their seeded address, no key.
        changed.forEach((id, before) -> admin.api().patch("/api/v1/providers/" + id, before));
    }

    @Test
    void openAiAnsweringItsModelListWorks() {
        fake.stubFor(get("/v1/models").willReturn(json(200, "{\"object\":\"list\",\"data\":[]}")));
        String openai = pointAtTheFake("openai", "/v1", "sk-good");

        JsonNode check = check(openai);

        assertThat(check.path("ok").asBoolean()).isTrue();
        assertThat(check.path("message").asString()).isEqualTo("Подключение работает.");
        fake.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer sk-good")));
    }

    @Test
    void aWrongKeyIsSaidInRussianAndItsModelsAreGreyedWithTheReason() {
        fake.stubFor(get("/v1/models")
                .willReturn(json(
                        401,
                        "{\"error\":{\"message\":\"Incorrect API key provided: sk-bad\","
                                + "\"code\":\"invalid_api_key\"}}")));
        String openai = pointAtTheFake("openai", "/v1", "sk-bad");

        JsonNode check = check(openai);

        assertThat(check.path("ok").asBoolean()).isFalse();
        assertThat(check.path("problem").asString()).isEqualTo("bad_key");
        assertThat(check.path("message").asString()).startsWith("Провайдер отклонил ключ API (401/403)");
        assertThat(check.toString()).doesNotContain("sk-bad");
        assertThat(pickerOptions()).contains("GPT Image 1 · ключ API отклонён");
    }

    @Test
    void withoutAKeyNothingIsCalledAndTheReasonIsTheMissingKey() {
        String stability = pointAtTheFake("stability", "/v2beta", "");

        JsonNode check = check(stability);

        assertThat(check.path("problem").asString()).isEqualTo("no_key");
        assertThat(check.path("message").asString()).startsWith("Не задан ключ API");
        fake.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void stabilityIsAskedForItsAccountBesideV2beta() {
        fake.stubFor(get("/v1/user/account").willReturn(json(200, "{\"id\":\"user-1\",\"email\":\"a@b.c\"}")));
        String stability = pointAtTheFake("stability", "/v2beta", "sk-stab");

        assertThat(check(stability).path("ok").asBoolean()).isTrue();
        fake.verify(
                getRequestedFor(urlEqualTo("/v1/user/account")).withHeader("Authorization", equalTo("Bearer sk-stab")));
    }

    @Test
    void runwareIsSentItsAuthenticationTask() {
        fake.stubFor(post("/v1")
                .willReturn(
                        json(200, "{\"data\":[{\"taskType\":\"authentication\",\"connectionSessionUUID\":\"s-1\"}]}")));
        String runware = pointAtTheFake("runware", "/v1", "rw-key");

        assertThat(check(runware).path("ok").asBoolean()).isTrue();
        fake.verify(postRequestedFor(urlEqualTo("/v1"))
                .withRequestBody(equalToJson("[{\"taskType\":\"authentication\",\"apiKey\":\"rw-key\"}]")));

        fake.stubFor(post("/v1")
                .willReturn(json(
                        200,
                        "{\"errors\":[{\"code\":\"invalidApiKey\",\"taskType\":\"authentication\","
                                + "\"message\":\"Invalid API key: rw-key\"}]}")));
        assertThat(check(runware).path("problem").asString()).isEqualTo("bad_key");
    }

    @Test
    void falIsAskedTheStatusOfARequestThatDoesNotExist() {
        fake.stubFor(get(urlPathMatching("/fal-ai/flux/requests/.*/status"))
                .willReturn(json(404, "{\"detail\":\"Request not found\"}")));
        String fal = pointAtTheFake("fal", "", "fal-key");

        assertThat(check(fal).path("ok").asBoolean()).isTrue();
        fake.verify(getRequestedFor(urlPathMatching("/fal-ai/flux/requests/.*/status"))
                .withHeader("Authorization", equalTo("Key fal-key")));
    }

    @Test
    void aComfyUiNobodyRunsIsUnreachableOnThePageAndInThePicker() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String comfy = provider("comfyui");
        remember(comfy);
        Api.Response on = admin.api()
                .patch(
                        "/api/v1/providers/" + comfy,
                        Map.of("baseUrl", "http://127.0.0.1:" + closedPort, "enabled", true));
        assertThat(on.status()).as(on.toString()).isEqualTo(200);

        Api.Response button = admin.api().form("/admin/catalog/providers/" + comfy + "/check", Map.of());

        assertThat(button.status()).as(button.toString()).isEqualTo(200);
        Document fragment = Jsoup.parseBodyFragment(button.text());
        assertThat(fragment.selectFirst("#check-comfyui.problem .check-message").text())
                .startsWith("Провайдер недоступен");
        assertThat(pickerOptions()).contains("SDXL на своём ComfyUI · провайдер недоступен");
        assertThat(Jsoup.parse(admin.api().get("/admin/catalog").text())
                        .selectFirst("#check-comfyui .check-message")
                        .text())
                .startsWith("Провайдер недоступен");
    }

    @Test
    void aComfyUiAnsweringItsSystemStatsWorks() {
        fake.stubFor(get("/system_stats")
                .willReturn(json(200, "{\"system\":{\"os\":\"posix\",\"comfyui_version\":\"0.3\"},\"devices\":[]}")));
        String comfy = pointAtTheFake("comfyui", "", null);

        assertThat(check(comfy).path("ok").asBoolean()).isTrue();
    }

    @Test
    void onlyAnAdminMayCheck() {
        Studio.Person person = studio.newPerson();

        Api.Response refused = person.api().post("/api/v1/providers/" + provider("openai") + "/check", null);

        assertThat(refused.status()).isEqualTo(403);
        fake.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    private JsonNode check(String providerId) {
        Api.Response answer = admin.api().post("/api/v1/providers/" + providerId + "/check", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private java.util.List<String> pickerOptions() {
        String shot = studio.newShot(admin, studio.newProject(admin, "Проверка"), "Шот");
        // The picker dialog's greyed models, each as «name · why it cannot run now».
        return Jsoup.parse(admin.api().get("/shots/" + shot + "/generate").text())
                .select("#model-picker [data-picker-group] .picker-model.unready")
                .stream()
                .map(model -> model.selectFirst(".pm-name").text() + " · "
                        + model.selectFirst(".pm-why > span").text())
                .toList();
    }

    private String pointAtTheFake(String kind, String path, @org.jspecify.annotations.Nullable String key) {
        String id = provider(kind);
        remember(id);
        Map<String, Object> change =
                new HashMap<>(Map.of("baseUrl", fake.baseUrl() + path, "selfHosted", true, "enabled", true));
        if (key != null) {
            change.put("apiKey", key);
        }
        Api.Response answer = admin.api().patch("/api/v1/providers/" + id, change);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return id;
    }

    private void remember(String id) {
        for (JsonNode found : admin.api().get("/api/v1/providers").json().path("items")) {
            if (found.path("id").asString().equals(id)) {
                changed.putIfAbsent(
                        id,
                        Map.of(
                                "baseUrl", found.path("baseUrl").asString(),
                                "enabled", found.path("enabled").asBoolean(),
                                "apiKey", ""));
            }
        }
    }

    private String provider(String kind) {
        for (JsonNode found : admin.api().get("/api/v1/providers").json().path("items")) {
            if (found.path("kind").asString().equals(kind)) {
                return found.path("id").asString();
            }
        }
        throw new AssertionError("No provider " + kind);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
