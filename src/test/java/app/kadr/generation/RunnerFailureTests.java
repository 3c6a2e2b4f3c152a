package app.kadr.generation;

import static app.kadr.generation.FalStubs.json;
import static app.kadr.generation.FalStubs.model;
import static app.kadr.generation.FalStubs.picture;
import static app.kadr.generation.FalStubs.pointFalAt;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.shared.KadrProperties;
import app.kadr.support.Api;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import app.kadr.support.VendorNeutral;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every way a generation's step can fail ends in a decision the person can read, and gives the provider slot back:
 * a source image trashed before or after the submit, a result file the studio refuses, a disk it cannot write. Polls and cancels use what
 * was stored at the submit, so a trashed source neither stops a running job from finishing nor from being
 * cancelled. fal is the fake here ({@code fal-ai/flux-pro/kontext}, image to image, polled under
 * {@code /fal-ai/flux-pro/requests/…}).
 */
@GenerationJobTest
@VendorNeutral
class RunnerFailureTests {

    private static final String EDIT = "/fal-ai/flux-pro/kontext";
    private static final WireMockServer fal = new WireMockServer(options().dynamicPort());

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KadrProperties properties;

    private Studio.Person person;
    private String shot;

    @BeforeAll
    static void startFal() {
        fal.start();
    }

    @AfterAll
    static void stopFal() {
        fal.stop();
    }

    @BeforeEach
    void aShotWithFalPointedAtTheFake() {
        fal.resetAll();
        person = studio.newAdmin();
        pointFalAt(person, fal, 2);
        shot = studio.newShot(person, studio.newProject(person, "Сбои"), "Шот");
    }

    @Test
    void aRetriedEditWhoseSourceWasTrashedMeanwhileEndsWithARussianReasonAndSendsNothing() {
        String source = still();
        String prompt = "зима " + UUID.randomUUID();
        fal.stubFor(post(EDIT)
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .willReturn(json(401, "{\"detail\":\"Invalid key\"}")));
        String id = edit(source, prompt);
        assertThat(studio.awaitGeneration(person, id).path("status").asString()).isEqualTo("failed");
        trash(source);
        fal.resetRequests();

        Api.Response retried = person.api().post("/api/v1/generations/" + id + "/retry", null);
        JsonNode ended = studio.awaitGeneration(person, id);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("failed");
        assertThat(ended.path("error").path("code").asString()).isEqualTo("source_gone");
        assertThat(ended.path("error").path("message").asString())
                .isEqualTo("Исходное изображение удалено или лежит в корзине, поэтому генерацию нельзя отправить."
                        + " Верните его из корзины и нажмите «Повторить» или начните генерацию с другим исходником.");
        fal.verify(0, postRequestedFor(urlEqualTo(EDIT)));
        assertThat(slotsInFlight()).isZero();
    }

    @Test
    void aRunningEditWhoseSourceIsTrashedStillFinishes() throws Exception {
        String source = still();
        running("req-keeps-going");
        String id = edit(source, accepted("req-keeps-going"));
        FalStubs.awaitStatus(person, id, "running");

        trash(source);
        fal.stubFor(status("req-keeps-going", "COMPLETED"));
        fal.stubFor(result("req-keeps-going", picture()));
        JsonNode ended = studio.awaitGeneration(person, id);

        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("done");
        assertThat(ended.path("assetIds")).hasSize(1);
    }

    @Test
    void editsAsManyAsTheProvidersLimitWhoseSourcesAreTrashedAreCancelledAtFalAndLetTheNextOneRun() throws Exception {
        List<String> stuck = List.of("req-stuck-1", "req-stuck-2");
        List<String> ids = new java.util.ArrayList<>();
        for (String request : stuck) {
            String source = still();
            running(request);
            fal.stubFor(put("/fal-ai/flux-pro/requests/" + request + "/cancel")
                    .willReturn(json(202, "{\"status\":\"CANCELLATION_REQUESTED\"}")));
            ids.add(edit(source, accepted(request)));
            FalStubs.awaitStatus(person, ids.getLast(), "running");
            trash(source);
        }
        String next = "маяк " + UUID.randomUUID();
        fal.stubFor(post("/fal-ai/flux/schnell")
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(next)))
                .willReturn(queued("req-next")));
        fal.stubFor(FalStubs.status("req-next", json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}")));
        FalStubs.stubResult(fal, "req-next");
        String waiting = generate(model(person, "fal", "fal-ai/flux/schnell"), next, List.of());

        for (String id : ids) {
            Api.Response cancelled = person.api().post("/api/v1/generations/" + id + "/cancel", null);
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        }

        for (String id : ids) {
            assertThat(studio.awaitGeneration(person, id).path("status").asString())
                    .isEqualTo("cancelled");
        }
        for (String request : stuck) {
            fal.verify(putRequestedFor(urlEqualTo("/fal-ai/flux-pro/requests/" + request + "/cancel")));
        }
        assertThat(studio.awaitGeneration(person, waiting).path("status").asString())
                .isEqualTo("done");
        assertThat(slotsInFlight()).isZero();
    }

    @Test
    void aResultFileTheStudioRefusesEndsWithItsOwnReasonNotAsTheProvidersFailure() throws Exception {
        fal.stubFor(status("req-not-a-picture", "COMPLETED"));
        fal.stubFor(result("req-not-a-picture", "это не картинка".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String id = edit(still(), accepted("req-not-a-picture"));

        JsonNode ended = studio.awaitGeneration(person, id);

        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("failed");
        assertThat(ended.path("error").path("code").asString()).isEqualTo("result_refused");
        assertThat(ended.path("error").path("message").asString())
                .startsWith("Провайдер прислал файл, который студия не может принять. Формат файла не поддерживается.");
        assertThat(slotsInFlight()).isZero();
    }

    @Test
    void aResultTheStudioCannotWriteToItsDiskEndsWithItsOwnReasonAtOnce() throws Exception {
        String prompt = "маяк " + UUID.randomUUID();
        fal.stubFor(post("/fal-ai/flux/schnell")
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .willReturn(queued("req-no-disk")));
        fal.stubFor(FalStubs.status("req-no-disk", json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}")));
        FalStubs.stubResult(fal, "req-no-disk");
        // The studio's scratch folder becomes a plain file: nothing can be written there, even by root.
        Path scratch = properties.dataDir().resolve("tmp");
        Path aside = scratch.resolveSibling("tmp-aside-" + UUID.randomUUID());
        JsonNode ended;
        Files.move(scratch, aside);
        try {
            Files.writeString(scratch, "не папка");
            ended = studio.awaitGeneration(
                    person, generate(model(person, "fal", "fal-ai/flux/schnell"), prompt, List.of()));
        } finally {
            Files.deleteIfExists(scratch);
            Files.move(aside, scratch);
        }

        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("failed");
        assertThat(ended.path("error").path("code").asString()).isEqualTo("disk_error");
        assertThat(ended.path("error").path("message").asString())
                .isEqualTo("Не удалось записать файл на диск студии. Освободите место или проверьте права на папку"
                        + " данных и нажмите «Повторить».");
        assertThat(attempts(ended.path("id").asString()))
                .as("not retried as if fal were away")
                .isZero();
        assertThat(slotsInFlight()).isZero();
    }

    @Test
    void aStepThatKeepsFailingForAReasonOfTheStudiosOwnIsTriedABoundedNumberOfTimesThenEndsAndFreesItsSlot() {
        String prompt = "маяк " + UUID.randomUUID();
        fal.stubFor(post("/fal-ai/flux/schnell")
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .willReturn(json(401, "{\"detail\":\"Invalid key\"}")));
        String id = generate(model(person, "fal", "fal-ai/flux/schnell"), prompt, List.of());
        assertThat(studio.awaitGeneration(person, id).path("status").asString()).isEqualTo("failed");
        // As if the studio's secret key had changed: the stored fal key no longer opens.
        jdbc.sql("update providers set api_key_encrypted = 'не ключ' where kind = 'fal'")
                .update();
        fal.resetRequests();

        Api.Response retried = person.api().post("/api/v1/generations/" + id + "/retry", null);
        JsonNode ended = studio.awaitGeneration(person, id);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("failed");
        assertThat(ended.path("error").path("code").asString()).isEqualTo("internal");
        assertThat(ended.path("error").path("message").asString())
                .isEqualTo("Генерация остановлена из-за внутренней ошибки студии после нескольких попыток. Нажмите"
                        + " «Повторить»; если ошибка повторится, загляните в журнал студии.");
        assertThat(attempts(id))
                .as("attempts before the end, as KADR_GENERATION_MAX_ATTEMPTS (8) allows")
                .isEqualTo(7);
        assertThat(slotsInFlight()).isZero();
    }

    /** An uploaded picture, ready to start an edit from. */
    private String still() {
        String asset = studio.upload(person, shot, new Api.NamedBytes("кадр.png", Samples.png(64, 48)))
                .getFirst();
        studio.awaitProcessed(person, asset);
        return asset;
    }

    private void trash(String asset) {
        Api.Response trashed = person.api().delete("/api/v1/assets/" + asset);
        assertThat(trashed.status()).as(trashed.toString()).isEqualTo(204);
    }

    /** A prompt fal accepts as the given request. */
    private String accepted(String requestId) {
        String prompt = "правка " + UUID.randomUUID();
        fal.stubFor(post(EDIT)
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .willReturn(queued(requestId)));
        return prompt;
    }

    private void running(String requestId) {
        fal.stubFor(status(requestId, "IN_PROGRESS"));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder status(String requestId, String state) {
        return get(urlPathEqualTo("/fal-ai/flux-pro/requests/" + requestId + "/status"))
                .willReturn(json(
                        state.equals("COMPLETED") ? 200 : 202, "{\"status\":\"%s\",\"logs\":[]}".formatted(state)));
    }

    private com.github.tomakehurst.wiremock.client.MappingBuilder result(String requestId, byte[] file) {
        fal.stubFor(get("/files/" + requestId + ".png")
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(file)));
        return get("/fal-ai/flux-pro/requests/" + requestId)
                .willReturn(json(200, """
                        {"images":[{"url":"%s/files/%s.png","content_type":"image/png"}],"seed":3}""".formatted(fal.baseUrl(), requestId)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder queued(String requestId) {
        return json(200, """
                {"request_id":"%s","status":"IN_QUEUE","queue_position":0,
                 "status_url":"x","response_url":"x","cancel_url":"x"}""".formatted(requestId));
    }

    private String edit(String source, String prompt) {
        return generate(model(person, "fal", "fal-ai/flux-pro/kontext"), prompt, List.of(source));
    }

    private String generate(String model, String prompt, List<String> sources) {
        Api.Response started = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of("modelId", model, "prompt", prompt, "sourceAssetIds", sources));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.json().get(0).path("id").asString();
    }

    private int attempts(String id) {
        return jdbc.sql("select attempts from generations where id = ?")
                .param(UUID.fromString(id))
                .query(Integer.class)
                .single();
    }

    private int slotsInFlight() {
        return jdbc.sql("""
                        select count(*) from generation_slots s join generations g on g.id = s.generation_id
                        join shots sh on sh.id = g.shot_id where sh.id = ?""").param(UUID.fromString(shot)).query(Integer.class).single();
    }
}
