package app.kadr.batch;

import static app.kadr.generation.FalStubs.falModel;
import static app.kadr.generation.FalStubs.json;
import static app.kadr.generation.FalStubs.pointFalAt;
import static app.kadr.generation.FalStubs.status;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A batch on a priced model whose provider, a fal queue fake, keeps every request in progress: the dry run's price is
 * what the started generations estimate, and cancelling the batch stops all of them through the generation's own
 * cancel (fal is asked to stop the one it runs).
 */
@KadrTest
// Quick polls; a patient read, so that a busy machine does not end a submit as unanswered.
@TestPropertySource(properties = {"kadr.generation.poll-interval=200ms", "kadr.generation.fal-read-timeout=30s"})
class BatchCancelTests {

    private static final WireMockServer fal = new WireMockServer(options().dynamicPort());

    @Autowired
    Studio studio;

    Studio.Person person;
    String project;
    String schnell;
    List<String> shots;
    List<String> descriptions;

    @BeforeAll
    static void startFal() {
        fal.start();
    }

    @AfterAll
    static void stopFal() {
        fal.stop();
    }

    @BeforeEach
    void threeDescribedShotsAndFalOneAtATime() {
        fal.resetAll();
        person = studio.newAdmin();
        pointFalAt(person, fal, 1);
        schnell = falModel(person, "fal-ai/flux/schnell");
        project = studio.newProject(person, "Пакет на fal");
        shots = new ArrayList<>();
        descriptions = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String description = "маяк " + n + " " + System.nanoTime();
            Api.Response shot = person.api()
                    .post(
                            "/api/v1/projects/" + project + "/shots",
                            Map.of("title", "Шот " + n, "description", description));
            shots.add(shot.id());
            descriptions.add(description);
            String request = "req-batch-" + System.nanoTime();
            fal.stubFor(post("/fal-ai/flux/schnell")
                    .withRequestBody(matchingJsonPath("$.prompt", equalTo(description)))
                    .willReturn(json(200, """
                            {"request_id":"%s","status":"IN_QUEUE","queue_position":0,
                             "status_url":"x","response_url":"x","cancel_url":"x"}""".formatted(request))));
            fal.stubFor(status(request, json(202, "{\"status\":\"IN_PROGRESS\",\"logs\":[]}")));
            fal.stubFor(put("/fal-ai/flux/requests/" + request + "/cancel")
                    .willReturn(json(202, "{\"status\":\"CANCELLATION_REQUESTED\"}")));
        }
    }

    @Test
    void theDryRunPriceIsWhatTheStartedGenerationsEstimate() {
        JsonNode dry = batch(true).json();
        Api.Response started = batch(false);

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        // FLUX.1 [schnell] costs $0.003 an image: 3 shots × 2 variants.
        assertThat(dry.path("estimatedCost").decimalValue()).isEqualByComparingTo("0.018");
        assertThat(dry.path("takes").asInt()).isEqualTo(6);
        BigDecimal estimated = BigDecimal.ZERO;
        for (JsonNode item : started.json().path("generations")) {
            JsonNode generation = person.api()
                    .get("/api/v1/generations/" + item.path("id").asString())
                    .json();
            estimated = estimated.add(generation.path("costEstimate").decimalValue());
        }
        assertThat(estimated).isEqualByComparingTo(dry.path("estimatedCost").decimalValue());
        assertThat(started.json().path("estimatedCost").decimalValue()).isEqualByComparingTo("0.018");
        person.api().post("/api/v1/batches/" + started.json().path("id").asString() + "/cancel", null);
    }

    @Test
    void cancellingTheBatchStopsItsRunningAndWaitingGenerations() {
        JsonNode started = batch(false).json();
        String id = started.path("id").asString();
        List<String> generations = new ArrayList<>();
        started.path("generations").forEach(g -> generations.add(g.path("id").asString()));
        assertThat(generations).hasSize(3);
        JsonNode running = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .alias("one generation of the batch at fal")
                .until(
                        () -> person.api().get("/api/v1/batches/" + id).json(),
                        batch -> batch.path("progress").path("running").asInt() == 1);
        assertThat(running.path("status").asString()).isEqualTo("running");
        assertThat(running.path("progress").path("pending").asInt())
                .as(running.toString())
                .isEqualTo(2);

        Api.Response cancelled = person.api().post("/api/v1/batches/" + id + "/cancel", null);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        JsonNode ended = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> person.api().get("/api/v1/batches/" + id).json(),
                        batch -> !batch.path("status").asString().equals("running"));
        assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("cancelled");
        assertThat(ended.path("statusLabel").asString()).isEqualTo("Отменено");
        assertThat(ended.path("progress").path("cancelled").asInt()).isEqualTo(3);
        assertThat(ended.path("cancelledAt").isNull()).isFalse();
        fal.verify(1, putRequestedFor(urlEqualTo("/fal-ai/flux/requests/" + runningRequest() + "/cancel")));
    }

    /**
     * The one request of this batch fal was given: with one slot, the other two generations never left the studio.
     * (A job of an earlier test may still knock at the fake, unanswered.)
     */
    private String runningRequest() {
        List<String> submitted = fal.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST"))
                .filter(e -> descriptions.stream()
                        .anyMatch(d -> e.getRequest().getBodyAsString().contains(d)))
                .map(e -> e.getResponse().getBodyAsString())
                .toList();
        assertThat(submitted).hasSize(1);
        return submitted.getFirst().replaceAll("(?s).*\"request_id\":\"([^\"]+)\".*", "$1");
    }

    private Api.Response batch(boolean dryRun) {
        return person.api()
                .post(
                        "/api/v1/projects/" + project + "/batches",
                        Map.of("shotIds", shots, "modelId", schnell, "count", 2, "dryRun", dryRun));
    }
}
