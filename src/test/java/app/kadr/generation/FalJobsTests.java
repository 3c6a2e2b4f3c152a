package app.kadr.generation;

import static app.kadr.generation.FalStubs.awaitStatus;
import static app.kadr.generation.FalStubs.falModel;
import static app.kadr.generation.FalStubs.json;
import static app.kadr.generation.FalStubs.pointFalAt;
import static app.kadr.generation.FalStubs.status;
import static app.kadr.generation.FalStubs.stubResult;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kadr.support.Api;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The durable job of a generation against a fal queue fake, seen through the API: cancelling reaches fal, a time
 * limit stops a job with a Russian message, answers that cannot get better end the job at once, and a freed
 * provider slot starts the next waiting job at once rather than at its next look.
 */
@GenerationJobTest
class FalJobsTests {

    private static final WireMockServer fal = new WireMockServer(options().dynamicPort());

    @Autowired
    Studio studio;

    private Studio.Person person;
    private String shot;
    private String model;

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
        shot = studio.newShot(person, studio.newProject(person, "Очередь fal"), "Шот");
        model = falModel(person, "fal-ai/flux/schnell");
    }

    @Test
    void cancellingARunningGenerationAsksFalToStop() throws InterruptedException {
        String prompt = accepted("req-cancel");
        fal.stubFor(status("req-cancel", json(202, "{\"status\":\"IN_PROGRESS\",\"logs\":[]}")));
        fal.stubFor(put("/fal-ai/flux/requests/req-cancel/cancel")
                .willReturn(json(202, "{\"status\":\"CANCELLATION_REQUESTED\"}")));
        String id = generate(prompt);
        awaitStatus(person, id, "running");

        Api.Response cancelled = person.api().post("/api/v1/generations/" + id + "/cancel", null);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(studio.awaitGeneration(person, id).path("status").asString()).isEqualTo("cancelled");
        fal.verify(putRequestedFor(urlEqualTo("/fal-ai/flux/requests/req-cancel/cancel")));
        fal.verify(1, postRequestedFor(urlEqualTo("/fal-ai/flux/schnell")));
    }

    @Test
    void aGenerationOverItsTimeLimitIsStoppedAtFalAndEndsWithARussianMessage() {
        String prompt = accepted("req-slow");
        fal.stubFor(status("req-slow", json(202, "{\"status\":\"IN_PROGRESS\",\"logs\":[]}")));
        fal.stubFor(put("/fal-ai/flux/requests/req-slow/cancel")
                .willReturn(json(202, "{\"status\":\"CANCELLATION_REQUESTED\"}")));

        JsonNode ended = studio.awaitGeneration(person, generate(prompt));

        assertThat(ended.path("status").asString()).isEqualTo("failed");
        assertThat(ended.path("error").path("code").asString()).isEqualTo("time_limit");
        assertThat(ended.path("error").path("message").asString())
                .isEqualTo("Генерация не уложилась в отведённое время и остановлена. Повторите её или выберите модель"
                        + " побыстрее.");
        fal.verify(putRequestedFor(urlEqualTo("/fal-ai/flux/requests/req-slow/cancel")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            moderation | 422 | {"detail":[{"loc":["body","prompt"],"msg":"Refused","type":"content_policy_violation"}]} | Запрос отклонён модерацией провайдера.
            bad_key    | 401 | {"detail":"Invalid key"}                                                                   | Неверный ключ API провайдера.
            no_credits | 403 | {"detail":"User is locked. Reason: Exhausted balance."}                                    | Недостаточно средств у провайдера.
            bad_input  | 422 | {"detail":[{"loc":["body","image_size"],"msg":"not valid","type":"type_error.enum"}]}      | Неверные параметры: image_size.
            """)
    void answersThatCannotGetBetterEndTheGenerationAtOnceWithoutARetry(
            String code, int status, String body, String message) {
        String prompt = "отказ " + UUID.randomUUID();
        fal.stubFor(post("/fal-ai/flux/schnell")
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .willReturn(json(status, body)));

        JsonNode ended = studio.awaitGeneration(person, generate(prompt));

        assertThat(ended.path("status").asString()).isEqualTo("failed");
        assertThat(ended.path("error").path("code").asString()).isEqualTo(code);
        assertThat(ended.path("error").path("message").asString()).isEqualTo(message);
        fal.verify(1, postRequestedFor(urlEqualTo("/fal-ai/flux/schnell")));
    }

    @Test
    void aFreedSlotStartsTheLongestWaitingGenerationAtOnce() throws Exception {
        pointFalAt(person, fal, 1);
        String first = accepted("req-first");
        String second = accepted("req-second");
        fal.stubFor(status("req-first", json(202, "{\"status\":\"IN_PROGRESS\",\"logs\":[]}")));
        fal.stubFor(status("req-second", json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}")));
        stubResult(fal, "req-first");
        stubResult(fal, "req-second");
        String firstId = generate(first);
        awaitStatus(person, firstId, "running");
        String secondId = generate(second);
        // The second looks for a slot, finds none and sleeps for 15 to 45 s: meanwhile it stays unsubmitted.
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(submitsOf(second))
                        .as("the second waits for the slot")
                        .isEmpty());

        fal.stubFor(status("req-first", json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}")));

        // Woken by the freed slot, not by its own next look 15 to 45 s later.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(submitsOf(second)).hasSize(1));
        assertThat(studio.awaitGeneration(person, secondId).path("status").asString())
                .isEqualTo("done");
        assertThat(studio.awaitGeneration(person, firstId).path("status").asString())
                .isEqualTo("done");
    }

    @Test
    void withWebhooksOffAsByDefaultThereIsNoWebhookAddress() {
        Api.Response answer = person.api().anonymous().post("/api/v1/webhooks/fal", Map.of("request_id", "req-1"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
    }

    /** A prompt whose submit fal accepts as the given request. */
    private static String accepted(String requestId) {
        String prompt = "маяк " + requestId + " " + UUID.randomUUID();
        // The exact address: with webhooks off, as by default, a submit names no fal_webhook.
        fal.stubFor(post("/fal-ai/flux/schnell")
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .willReturn(json(200, """
                        {"request_id":"%s","status":"IN_QUEUE","queue_position":0,
                         "status_url":"x","response_url":"x","cancel_url":"x"}""".formatted(requestId))));
        return prompt;
    }

    private static List<LoggedRequest> submitsOf(String prompt) {
        return fal.findAll(postRequestedFor(urlEqualTo("/fal-ai/flux/schnell"))
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt))));
    }

    private String generate(String prompt) {
        Api.Response started =
                person.api().post("/api/v1/shots/" + shot + "/generations", Map.of("modelId", model, "prompt", prompt));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.json().get(0).path("id").asString();
    }
}
