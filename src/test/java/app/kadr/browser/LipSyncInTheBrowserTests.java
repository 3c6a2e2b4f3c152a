package app.kadr.browser;

import static app.kadr.generation.FalStubs.falModel;
import static app.kadr.generation.FalStubs.json;
import static app.kadr.generation.FalStubs.pointFalAt;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kadr.support.Api.NamedBytes;
import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A director gives a video take a voice: from the take's menu, «Синхронизировать губы», uploads a sound in the dialog
 * and starts fal's lip sync. fal's documented input (https://fal.ai/models/fal-ai/sync-lipsync/llms.txt) is
 * {@code video_url} and {@code audio_url}, both required, plus the optional {@code sync_mode}; the fake checks the
 * files arrive there, and the result lands in the shot's feed linked to both sources.
 */
@KadrTest
@Tag("browser")
class LipSyncInTheBrowserTests {

    private static final WireMockServer fal = new WireMockServer(options().dynamicPort());

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @BeforeAll
    static void startFal() {
        fal.start();
    }

    @AfterAll
    static void stopFal() {
        fal.stop();
    }

    @org.junit.jupiter.api.BeforeEach
    void forgetFalsRequests() {
        fal.resetAll();
    }

    @Test
    void aStillIsUpscaledOfflineFromItsMenuWhileBackgroundRemovalSaysWhyItNeedsAProvider() {
        Studio.Person person = studio.newPerson();
        String shot = studio.newShot(person, studio.newProject(person, "Обработка"), "Крупный план");
        String still = studio.upload(person, shot, new NamedBytes("лицо.png", Samples.png(320, 200)))
                .getFirst();
        studio.awaitProcessed(person, still);
        Page page = browser.signedIn(studio, person);
        page.navigate("/shots/" + shot);
        Locator dialog = page.locator("#transform-dialog");

        menuItem(page, still, "Убрать фон").click();
        assertThat(dialog.locator(".notice").first()).containsText("Встроенный движок не удаляет фон");
        dialog.locator("[data-transform-close]").click();
        menuItem(page, still, "Увеличить").click();
        assertThat(dialog.locator("[data-model-name]")).containsText("Увеличение (без ИИ)");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Запустить"))
                .click();

        JsonNode bigger = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> takes(person, shot).stream()
                                .filter(take -> take.path("origin").asString().equals("generated"))
                                .filter(take ->
                                        take.path("mediaStatus").asString().equals("ready"))
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
        assertThat(bigger.path("width").asInt()).isEqualTo(640);
        assertThat(bigger.path("generation").path("sourceAssetIds").get(0).asString())
                .isEqualTo(still);
    }

    private static Locator menuItem(Page page, String assetId, String name) {
        page.locator("#asset-" + assetId + " .card-menu > summary").click();
        return page.locator("#asset-" + assetId)
                .getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName(name));
    }

    @Test
    void aVideoTakeAndAnUploadedSoundReachFalsLipSyncAndTheResultLandsLinkedToBoth() {
        Studio.Person director = studio.newAdmin();
        JsonNode falBefore = falProvider(director);
        pointFalAt(director, fal, 4);
        try {
            lipSync(director);
        } finally {
            restore(director, falBefore);
        }
    }

    private void lipSync(Studio.Person director) {
        String shot = studio.newShot(director, studio.newProject(director, "Диалог"), "Реплика героя");
        byte[] clip = Samples.video("mp4", 2);
        String video =
                studio.upload(director, shot, new NamedBytes("лицо.mp4", clip)).getFirst();
        studio.awaitProcessed(director, video);
        byte[] voice = Samples.audio("mp3", 2);
        stubLipSync();

        Page page = browser.signedIn(studio, director);
        page.navigate("/shots/" + shot);
        menuItem(page, video, "Синхронизировать губы").click();
        Locator dialog = page.locator("#transform-dialog");
        assertThat(dialog.locator("[data-model-name]")).containsText("Sync Lipsync");
        dialog.locator("[data-partner-upload]").setInputFiles(new FilePayload("голос.mp3", "audio/mpeg", voice));
        assertThat(dialog.locator("select[name=partner] option:checked")).hasText("голос.mp3", withTime());
        Browser.screenshot(page, "lip-sync-dialog");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Запустить"))
                .click();
        assertThat(page.locator("#toasts")).containsText("Обработка запущена");

        String audio = takes(director, shot).stream()
                .filter(take -> take.path("kind").asString().equals("audio"))
                .map(take -> take.path("id").asString())
                .findFirst()
                .orElseThrow();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> fal.verify(postRequestedFor(urlEqualTo("/fal-ai/sync-lipsync"))
                        .withRequestBody(matchingJsonPath(
                                "$.video_url", WireMock.equalTo("data:video/mp4;base64," + base64(clip))))
                        .withRequestBody(matchingJsonPath(
                                "$.audio_url", WireMock.equalTo("data:audio/mpeg;base64," + base64(voice))))
                        .withRequestBody(matchingJsonPath("$.sync_mode", WireMock.equalTo("cut_off")))));

        JsonNode result = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> takes(director, shot).stream()
                                .filter(take -> take.path("origin").asString().equals("generated"))
                                .filter(take ->
                                        take.path("mediaStatus").asString().equals("ready"))
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
        assertThat(result.path("kind").asString()).isEqualTo("video");
        assertThat(StreamSupport.stream(
                                result.path("generation").path("sourceAssetIds").spliterator(), false)
                        .map(JsonNode::asString))
                .containsExactly(video, audio);
        assertThat(page.locator("#asset-" + result.path("id").asString()))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(30_000));
        assertThat(page.locator("#asset-" + audio + " .badge-chip.length")).hasText("0:02");
        Browser.screenshot(page, "lip-sync-feed");
    }

    @Test
    void aLipSyncNeedsAVideoAndASoundAndNothingElse() {
        Studio.Person director = studio.newAdmin();
        JsonNode falBefore = falProvider(director);
        pointFalAt(director, fal, 4);
        try {
            String shot = studio.newShot(director, studio.newProject(director, "Проверки"), "Шот");
            String video = studio.upload(director, shot, new NamedBytes("лицо.mp4", Samples.video("mp4", 2)))
                    .getFirst();
            String still = studio.upload(director, shot, new NamedBytes("кадр.png", Samples.png(64, 48)))
                    .getFirst();
            studio.awaitProcessed(director, video);
            studio.awaitProcessed(director, still);
            String lipSync = falModel(director, "fal-ai/sync-lipsync");
            String base = "/api/v1/shots/" + shot + "/generations";

            var withoutSound =
                    director.api().post(base, java.util.Map.of("modelId", lipSync, "sourceAssetIds", List.of(video)));
            var withAPicture = director.api()
                    .post(base, java.util.Map.of("modelId", lipSync, "sourceAssetIds", List.of(video, still)));
            var twoVideos = director.api()
                    .post(base, java.util.Map.of("modelId", lipSync, "sourceAssetIds", List.of(video, video)));

            assertThat(withoutSound.status()).isEqualTo(400);
            assertThat(withoutSound.string("detail")).isEqualTo("Этой модели нужен исходник: звук.");
            assertThat(withAPicture.status()).isEqualTo(400);
            assertThat(withAPicture.string("detail")).isEqualTo("Эта модель принимает исходником только: видео, звук.");
            assertThat(twoVideos.string("detail")).contains("один исходник вида «видео»");
            fal.verify(0, postRequestedFor(urlEqualTo("/fal-ai/sync-lipsync")));
        } finally {
            restore(director, falBefore);
        }
    }

    private static JsonNode falProvider(Studio.Person admin) {
        for (JsonNode provider : admin.api().get("/api/v1/providers").json().path("items")) {
            if (provider.path("kind").asString().equals("fal")) {
                return provider;
            }
        }
        throw new AssertionError("No fal provider");
    }

    /** Other tests of this context expect fal as a fresh studio has it: without a key. */
    private static void restore(Studio.Person admin, JsonNode before) {
        java.util.Map<String, Object> back = new java.util.LinkedHashMap<>();
        back.put("baseUrl", before.path("baseUrl").asString());
        back.put("apiKey", "");
        back.put("selfHosted", before.path("selfHosted").asBoolean());
        back.put("enabled", before.path("enabled").asBoolean());
        back.put("maxConcurrency", before.path("maxConcurrency").asInt());
        var restored =
                admin.api().patch("/api/v1/providers/" + before.path("id").asString(), back);
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    }

    private static void stubLipSync() {
        fal.resetAll();
        fal.stubFor(post("/fal-ai/sync-lipsync").willReturn(json(200, """
                {"request_id":"lip-1","status":"IN_QUEUE","queue_position":0,
                 "status_url":"x","response_url":"x","cancel_url":"x"}""")));
        fal.stubFor(get(urlPathEqualTo("/fal-ai/sync-lipsync/requests/lip-1/status"))
                .willReturn(json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}")));
        fal.stubFor(get("/fal-ai/sync-lipsync/requests/lip-1").willReturn(json(200, """
                {"video":{"url":"%s/files/lip-1.mp4","content_type":"video/mp4"}}""".formatted(fal.baseUrl()))));
        fal.stubFor(get("/files/lip-1.mp4")
                .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(Samples.video("mp4", 3))));
    }

    private static List<JsonNode> takes(Studio.Person person, String shot) {
        return StreamSupport.stream(
                        person.api()
                                .get("/api/v1/shots/" + shot + "/assets")
                                .json()
                                .path("items")
                                .spliterator(),
                        false)
                .toList();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions withTime() {
        return new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000);
    }
}
