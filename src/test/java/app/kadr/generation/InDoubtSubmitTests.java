package app.kadr.generation;

import static app.kadr.generation.FalStubs.json;
import static app.kadr.generation.FalStubs.model;
import static app.kadr.generation.FalStubs.picture;
import static app.kadr.generation.FalStubs.pointAt;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kadr.support.Api;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.time.Duration;
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
 * A submit left in doubt by a stop is not lost where the provider lets the studio name the request: the studio
 * chose the id and stored it with its submit marker before the provider heard of it, so after the restart it asks
 * the provider for that id. Found, the generation is followed to its result; never received, it is submitted once
 * more under the same id. The fakes speak the protocols cited in {@code RunwareRecoveryTest} (Runware's getResponse
 * and conflictTaskUUID) and {@code ComfyUiRecoveryTest} (ComfyUI's prompt_id, /history and /queue).
 */
@GenerationJobTest
class InDoubtSubmitTests {

    private static final WireMockServer fake = new WireMockServer(options().dynamicPort());

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GenerationJobs jobs;

    private Studio.Person person;
    private String shot;
    private String requestId;

    @BeforeAll
    static void startFake() {
        fake.start();
    }

    @AfterAll
    static void stopFake() {
        fake.stop();
    }

    @BeforeEach
    void aShotWithRunwareAndComfyPointedAtTheFake() {
        fake.resetAll();
        person = studio.newAdmin();
        pointAt(person, "runware", fake.baseUrl() + "/v1", "rw-test-key", 4);
        pointAt(person, "comfyui", fake.baseUrl(), null, 4);
        shot = studio.newShot(person, studio.newProject(person, "Сомнения"), "Шот");
        requestId = UUID.randomUUID().toString();
    }

    @Test
    void aRunwareTaskThatArrivedBeforeTheStopIsFollowedToItsPictureWithoutASecondSubmit() throws Exception {
        String id = runwareRefused();
        fake.stubFor(runware("getResponse").willReturn(json(200, """
                {"data":[{"taskType":"imageInference","taskUUID":"%s","status":"success","imageUUID":"i-1",
                          "imageURL":"%s/files/%s.png","seed":42}]}""".formatted(requestId, fake.baseUrl(), requestId))));
        servePicture();
        CutShort.duringItsSubmit(jdbc, jobs, id, requestId);

        JsonNode ended = studio.awaitGeneration(person, id);

        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("done");
        assertThat(ended.path("assetIds")).hasSize(1);
        fake.verify(0, postRequestedFor(urlEqualTo("/v1")).withRequestBody(taskType("imageInference")));
        fake.verify(postRequestedFor(urlEqualTo("/v1"))
                .withRequestBody(taskType("getResponse"))
                .withRequestBody(matchingJsonPath("$[0].taskUUID", equalTo(requestId))));
        assertThat(providerRequestId(id)).isEqualTo(requestId);
    }

    @Test
    void aRunwareTaskThatNeverArrivedIsSubmittedOnceUnderTheSameTaskUUID() throws Exception {
        String id = runwareRefused();
        fake.stubFor(runware("getResponse").willReturn(json(200, "{\"data\":[]}")));
        fake.stubFor(
                runware("imageInference").willReturn(json(200, """
                {"data":[{"taskType":"imageInference","taskUUID":"%s","imageUUID":"i-2",
                          "imageURL":"%s/files/%s.png","seed":42,"cost":0.0038}]}""".formatted(requestId, fake.baseUrl(), requestId))));
        servePicture();
        CutShort.duringItsSubmit(jdbc, jobs, id, requestId);

        JsonNode ended = studio.awaitGeneration(person, id);

        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("done");
        fake.verify(1, postRequestedFor(urlEqualTo("/v1")).withRequestBody(taskType("imageInference")));
        fake.verify(
                1,
                postRequestedFor(urlEqualTo("/v1"))
                        .withRequestBody(taskType("imageInference"))
                        .withRequestBody(matchingJsonPath("$[0].taskUUID", equalTo(requestId))));
        assertThat(providerRequestId(id)).isEqualTo(requestId);
    }

    @Test
    void aComfyPromptThatRanBeforeTheStopIsTakenFromTheHistoryWithoutASecondSubmit() throws Exception {
        String id = comfyRefused();
        fake.stubFor(get("/history/" + requestId).willReturn(json(200, comfyDone())));
        servePicture();
        CutShort.duringItsSubmit(jdbc, jobs, id, requestId);

        JsonNode ended = studio.awaitGeneration(person, id);

        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("done");
        fake.verify(0, postRequestedFor(urlEqualTo("/prompt")));
        assertThat(providerRequestId(id)).isEqualTo(requestId);
    }

    @Test
    void aComfyPromptInNeitherHistoryNorQueueIsQueuedOnceUnderTheSameId() throws Exception {
        String id = comfyRefused();
        fake.stubFor(get("/history/" + requestId)
                .inScenario("comfy")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(200, "{}")));
        fake.stubFor(get("/history/" + requestId)
                .inScenario("comfy")
                .whenScenarioStateIs("queued")
                .willReturn(json(200, comfyDone())));
        fake.stubFor(get("/queue").willReturn(json(200, "{\"queue_running\":[],\"queue_pending\":[]}")));
        fake.stubFor(post("/prompt")
                .inScenario("comfy")
                .willReturn(json(200, "{\"prompt_id\":\"%s\",\"number\":1,\"node_errors\":{}}".formatted(requestId)))
                .willSetStateTo("queued"));
        servePicture();
        CutShort.duringItsSubmit(jdbc, jobs, id, requestId);

        JsonNode ended = studio.awaitGeneration(person, id);

        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("done");
        fake.verify(1, postRequestedFor(urlEqualTo("/prompt")));
        fake.verify(postRequestedFor(urlEqualTo("/prompt"))
                .withRequestBody(matchingJsonPath("$.prompt_id", equalTo(requestId))));
    }

    @Test
    void aRunwareSubmitThatGetsNoAnswerIsLookedUpByTheTaskUUIDStoredBeforeItWasSentAndNotMadeTwice() throws Exception {
        String prompt = "маяк " + UUID.randomUUID();
        // Runware takes the task but answers later than the studio waits (2 s here).
        fake.stubFor(runware("imageInference")
                .withRequestBody(matchingJsonPath("$[0].positivePrompt", equalTo(prompt)))
                .willReturn(json(200, "{\"data\":[]}").withFixedDelay(4000)));
        fake.stubFor(runware("getResponse")
                .willReturn(json(200, """
                        {"data":[{"taskType":"imageInference","taskUUID":"{{jsonPath request.body '$[0].taskUUID'}}",
                                  "status":"success","imageURL":"%s/files/%s.png","seed":1}]}""".formatted(fake.baseUrl(), requestId)).withTransformers("response-template")));
        servePicture();

        String id = generate(model(person, "runware", "runware:101@1"), prompt, Map.of());
        String sent = sentTaskUUID();
        Map<String, Object> row = jdbc.sql("select submit_started_at, submit_request_id, provider_request_id"
                        + " from generations where id = ?")
                .param(UUID.fromString(id))
                .query()
                .singleRow();
        JsonNode ended = studio.awaitGeneration(person, id);

        assertThat(row.get("submit_request_id"))
                .as("stored before Runware heard of it")
                .isEqualTo(sent);
        assertThat(row.get("submit_started_at")).as("the submit marker").isNotNull();
        assertThat(row.get("provider_request_id")).as("no answer stored yet").isNull();
        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("done");
        fake.verify(1, postRequestedFor(urlEqualTo("/v1")).withRequestBody(taskType("imageInference")));
        fake.verify(postRequestedFor(urlEqualTo("/v1"))
                .withRequestBody(taskType("getResponse"))
                .withRequestBody(matchingJsonPath("$[0].taskUUID", equalTo(sent))));
        assertThat(providerRequestId(id)).isEqualTo(sent);
    }

    /** The taskUUID of the first inference Runware received, once it has received one. */
    private String sentTaskUUID() {
        var received = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .alias("Runware receives the inference")
                .until(
                        () -> fake.findAll(
                                postRequestedFor(urlEqualTo("/v1")).withRequestBody(taskType("imageInference"))),
                        requests -> !requests.isEmpty());
        return tools.jackson.databind.json.JsonMapper.shared()
                .readTree(received.getFirst().getBodyAsString())
                .path(0)
                .path("taskUUID")
                .asString();
    }

    /** A Runware picture whose first run Runware refused; the fake then forgets it. */
    private String runwareRefused() throws InterruptedException {
        String prompt = "маяк " + UUID.randomUUID();
        fake.stubFor(runware("imageInference")
                .withRequestBody(matchingJsonPath("$[0].positivePrompt", equalTo(prompt)))
                .willReturn(json(401, "{\"errors\":[{\"code\":\"invalidApiKey\",\"message\":\"Invalid API key\"}]}")));
        String id = generate(model(person, "runware", "runware:101@1"), prompt, Map.of());
        assertThat(studio.awaitGeneration(person, id).path("error").path("code").asString())
                .isEqualTo("bad_key");
        fake.resetAll();
        return id;
    }

    /** A ComfyUI picture whose first run ComfyUI refused; the fake then forgets it. */
    private String comfyRefused() throws InterruptedException {
        fake.stubFor(post("/prompt")
                .willReturn(json(400, "{\"error\":{\"type\":\"prompt_no_outputs\"},\"node_errors\":{}}")));
        String id = generate(
                model(person, "comfyui", "comfyui/sdxl-txt2img"),
                "маяк " + UUID.randomUUID(),
                Map.of("width", 1024, "height", 1024, "steps", 20, "guidance", 7));
        assertThat(studio.awaitGeneration(person, id).path("error").path("code").asString())
                .isEqualTo("bad_input");
        fake.resetAll();
        return id;
    }

    private String comfyDone() {
        return """
                {"%s": {"outputs": {"9": {"images": [{"filename": "%s.png", "subfolder": "", "type": "output"}]}},
                        "status": {"status_str": "success", "completed": true, "messages": []}}}""".formatted(requestId, requestId);
    }

    private void servePicture() throws Exception {
        byte[] png = picture();
        fake.stubFor(get("/files/" + requestId + ".png")
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));
        fake.stubFor(get(urlPathEqualTo("/view"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));
    }

    private static MappingBuilder runware(String taskType) {
        return post("/v1").withRequestBody(taskType(taskType));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern taskType(String taskType) {
        return matchingJsonPath("$[0].taskType", equalTo(taskType));
    }

    private String providerRequestId(String id) {
        return jdbc.sql("select provider_request_id from generations where id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
    }

    private String generate(String model, String prompt, Map<String, Object> params) {
        Api.Response started = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of("modelId", model, "prompt", prompt, "params", params));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.json().get(0).path("id").asString();
    }
}
