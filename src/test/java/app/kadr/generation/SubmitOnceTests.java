package app.kadr.generation;

import static app.kadr.generation.FalStubs.falModel;
import static app.kadr.generation.FalStubs.json;
import static app.kadr.generation.FalStubs.pointFalAt;
import static app.kadr.generation.FalStubs.status;
import static app.kadr.generation.FalStubs.stubResult;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
 * A job is submitted to a paying provider at most once, even when the studio is killed between the provider
 * accepting it and the studio storing its request id. Such a kill leaves the row with its submit marker set, no
 * request id, its slot held and its job due; the tests put a generation in exactly that state and let its job run.
 */
@GenerationJobTest
class SubmitOnceTests {

    private static final String SUBMIT = "/fal-ai/flux/schnell";
    private static final WireMockServer fal = new WireMockServer(options().dynamicPort());

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GenerationJobs jobs;

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
        pointFalAt(person, fal, 8);
        shot = studio.newShot(person, studio.newProject(person, "Один раз"), "Шот");
    }

    @Test
    void aSubmitCutShortByAStopIsNotMadeAgainAndEndsWithARussianMessage() throws Exception {
        String id = cutShortDuringItsSubmit("маяк " + UUID.randomUUID(), "req-after-stop");

        JsonNode ended = studio.awaitGeneration(person, id);

        assertThat(ended.path("status").asString()).isEqualTo("failed");
        assertThat(ended.path("error").path("code").asString()).isEqualTo("submit_unknown");
        assertThat(ended.path("error").path("message").asString())
                .isEqualTo("Студия перезапустилась, пока отправляла задачу провайдеру. Задача могла до него дойти, и он"
                        + " мог списать за неё оплату. Кадр не отправил её повторно, чтобы вы не заплатили дважды:"
                        + " проверьте кабинет провайдера, и если результата там нет, нажмите «Повторить».");
        fal.verify(0, postRequestedFor(urlEqualTo(SUBMIT)));
        assertThat(slotsHeldBy(id)).as("slots still held").isZero();
    }

    @Test
    void retryingAGenerationWhoseSubmitWasCutShortSubmitsItOnceAndFinishes() throws Exception {
        String id = cutShortDuringItsSubmit("маяк " + UUID.randomUUID(), "req-retried");
        fal.stubFor(status("req-retried", json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}")));
        stubResult(fal, "req-retried");
        assertThat(studio.awaitGeneration(person, id).path("error").path("code").asString())
                .isEqualTo("submit_unknown");

        Api.Response retried = person.api().post("/api/v1/generations/" + id + "/retry", null);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(studio.awaitGeneration(person, id).path("status").asString()).isEqualTo("done");
        fal.verify(1, postRequestedFor(urlEqualTo(SUBMIT)));
        assertThat(stored(id))
                .as("request id and submit marker after a normal run")
                .containsEntry("provider_request_id", "req-retried")
                .containsEntry("submit_started_at", null);
    }

    @Test
    void theOfflineEngineCostsNothingSoACutShortSubmitIsSimplyMadeAgain() throws Exception {
        String id = generate(studio.localModel(person, "local/draft"), "дом у моря");
        JsonNode first = studio.awaitGeneration(person, id);
        assertThat(first.path("status").asString()).isEqualTo("done");
        String firstTake = first.path("assetIds").path(0).asString();

        asLeftByAStopDuringItsSubmit(id);
        JsonNode ended = studio.awaitGeneration(person, id);

        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("done");
        assertThat(ended.path("assetIds")).hasSize(1);
        assertThat(ended.path("assetIds").path(0).asString())
                .as("the take made again")
                .isNotEqualTo(firstTake);
        assertThat(stored(id)).containsEntry("submit_started_at", null);
        assertThat(slotsHeldBy(id)).as("slots still held").isZero();
    }

    @Test
    void aSubmitTurnedAwayWithA429IsRetriedAndAcceptedExactlyOnce() throws Exception {
        String prompt = "маяк " + UUID.randomUUID();
        fal.stubFor(post(SUBMIT)
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .inScenario("busy")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(429, "{\"detail\":\"Too many requests\"}").withHeader("Retry-After", "0"))
                .willSetStateTo("free"));
        fal.stubFor(post(SUBMIT)
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .inScenario("busy")
                .whenScenarioStateIs("free")
                .willReturn(accepted("req-busy")));
        fal.stubFor(status("req-busy", json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}")));
        stubResult(fal, "req-busy");

        String id = generate(falModel(person, "fal-ai/flux/schnell"), prompt);

        assertThat(studio.awaitGeneration(person, id).path("status").asString()).isEqualTo("done");
        fal.verify(2, postRequestedFor(urlEqualTo(SUBMIT)));
        assertThat(stored(id))
                .containsEntry("provider_request_id", "req-busy")
                .containsEntry("attempts", 1)
                .containsEntry("submit_started_at", null);
    }

    @Test
    void aSubmitThatGetsNoAnswerIsNotMadeAgainAndEndsWithARussianMessage() throws Exception {
        String prompt = "маяк " + UUID.randomUUID();
        // Slower than the adapter's read time-out (1s here): fal got the request, the studio never hears back.
        fal.stubFor(post(SUBMIT)
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .willReturn(accepted("req-unanswered").withFixedDelay(2500)));

        String id = generate(falModel(person, "fal-ai/flux/schnell"), prompt);
        JsonNode ended = studio.awaitGeneration(person, id);

        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("failed");
        assertThat(ended.path("error").path("code").asString()).isEqualTo("submit_no_answer");
        assertThat(ended.path("error").path("message").asString())
                .isEqualTo("Провайдер не ответил на отправку задачи. Задача могла до него дойти, и он мог списать за"
                        + " неё оплату. Кадр не отправил её повторно, чтобы вы не заплатили дважды: проверьте кабинет"
                        + " провайдера, и если результата там нет, нажмите «Повторить».");
        fal.verify(1, postRequestedFor(urlEqualTo(SUBMIT)));
        assertThat(slotsHeldBy(id)).as("slots still held").isZero();
    }

    @Test
    void retryingAGenerationWhoseSubmitGotNoAnswerSubmitsItOnceMoreAndFinishes() throws Exception {
        String prompt = "маяк " + UUID.randomUUID();
        fal.stubFor(post(SUBMIT)
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .inScenario("silent")
                .whenScenarioStateIs(STARTED)
                .willReturn(accepted("req-lost").withFixedDelay(2500))
                .willSetStateTo("answering"));
        fal.stubFor(post(SUBMIT)
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .inScenario("silent")
                .whenScenarioStateIs("answering")
                .willReturn(accepted("req-answered")));
        fal.stubFor(status("req-answered", json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}")));
        stubResult(fal, "req-answered");
        String id = generate(falModel(person, "fal-ai/flux/schnell"), prompt);
        assertThat(studio.awaitGeneration(person, id).path("error").path("code").asString())
                .isEqualTo("submit_no_answer");

        Api.Response retried = person.api().post("/api/v1/generations/" + id + "/retry", null);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(studio.awaitGeneration(person, id).path("status").asString()).isEqualTo("done");
        fal.verify(2, postRequestedFor(urlEqualTo(SUBMIT)));
        assertThat(stored(id)).containsEntry("provider_request_id", "req-answered");
    }

    @Test
    void aPollThatGetsNoAnswerIsSimplyAskedAgain() throws Exception {
        String prompt = "маяк " + UUID.randomUUID();
        fal.stubFor(post(SUBMIT)
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .willReturn(accepted("req-slow-poll")));
        fal.stubFor(status(
                        "req-slow-poll",
                        json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}").withFixedDelay(2500))
                .inScenario("slow poll")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("quick"));
        fal.stubFor(status("req-slow-poll", json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}"))
                .inScenario("slow poll")
                .whenScenarioStateIs("quick"));
        stubResult(fal, "req-slow-poll");

        String id = generate(falModel(person, "fal-ai/flux/schnell"), prompt);

        assertThat(studio.awaitGeneration(person, id).path("status").asString()).isEqualTo("done");
        fal.verify(1, postRequestedFor(urlEqualTo(SUBMIT)));
        fal.verify(2, getRequestedFor(urlPathEqualTo("/fal-ai/flux/requests/req-slow-poll/status")));
        assertThat(stored(id))
                .containsEntry("provider_request_id", "req-slow-poll")
                .containsEntry("attempts", 1);
    }

    /**
     * A fal generation whose submit was cut short: its first run ends at once (fal refuses the key), then its row is
     * put where a stop during the submit leaves it. From now on fal would accept the prompt as the given request.
     */
    private String cutShortDuringItsSubmit(String prompt, String requestId) throws InterruptedException {
        fal.stubFor(post(SUBMIT)
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .willReturn(json(401, "{\"detail\":\"Invalid key\"}")));
        String id = generate(falModel(person, "fal-ai/flux/schnell"), prompt);
        assertThat(studio.awaitGeneration(person, id).path("error").path("code").asString())
                .isEqualTo("bad_key");
        fal.stubFor(post(SUBMIT)
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .willReturn(accepted(requestId)));
        fal.resetRequests();
        asLeftByAStopDuringItsSubmit(id);
        return id;
    }

    private void asLeftByAStopDuringItsSubmit(String id) throws InterruptedException {
        CutShort.duringItsSubmit(jdbc, jobs, id, null);
    }

    private static ResponseDefinitionBuilder accepted(String requestId) {
        return json(200, """
                {"request_id":"%s","status":"IN_QUEUE","queue_position":0,
                 "status_url":"x","response_url":"x","cancel_url":"x"}""".formatted(requestId));
    }

    private Map<String, Object> stored(String id) {
        return jdbc.sql("select provider_request_id, attempts, submit_started_at from generations where id = ?")
                .param(UUID.fromString(id))
                .query()
                .singleRow();
    }

    private int slotsHeldBy(String id) {
        return jdbc.sql("select count(*) from generation_slots where generation_id = ?")
                .param(UUID.fromString(id))
                .query(Integer.class)
                .single();
    }

    private String generate(String model, String prompt) {
        Api.Response started =
                person.api().post("/api/v1/shots/" + shot + "/generations", Map.of("modelId", model, "prompt", prompt));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.json().get(0).path("id").asString();
    }
}
