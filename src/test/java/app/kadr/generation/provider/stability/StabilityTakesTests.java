package app.kadr.generation.provider.stability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Stability takes end to end: variants are not sent the seeds 0, 1… (0 is Stability's "random"), and each take
 * records the seed Stability says it used (platform.stability.ai/docs/api-reference, stable-image/generate/core).
 */
@KadrTest
class StabilityTakesTests {

    private static final WireMockServer stability =
            new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));

    @Autowired
    Studio studio;

    @BeforeAll
    static void start() {
        stability.start();
    }

    @AfterAll
    static void stop() {
        stability.stop();
    }

    @Test
    void variantsGetRandomSeedsAndEachTakeRecordsTheSeedStabilityUsed() {
        Studio.Person admin = studio.newAdmin();
        pointStabilityAtTheFake(admin);
        String shot = studio.newShot(admin, studio.newProject(admin, "Stability"), "Шот");
        String picture = Base64.getEncoder().encodeToString(Samples.png(32, 32));
        stability.stubFor(post("/v2beta/stable-image/generate/core")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; type=image/png")
                        .withBody(
                                "{\"image\":\"" + picture + "\",\"finish_reason\":\"SUCCESS\",\"seed\":4000000001}")));

        Api.Response started = admin.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of("modelId", model(admin), "prompt", "маяк в шторм", "count", 2));

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        for (JsonNode generation : started.json()) {
            String take = studio.awaitTake(admin, generation.path("id").asString());
            JsonNode made = admin.api().get("/api/v1/assets/" + take).json();
            assertThat(made.path("generation").path("seed").asLong()).isEqualTo(4000000001L);
        }
        assertThat(stability.findAll(postRequestedFor(urlEqualTo("/v2beta/stable-image/generate/core"))))
                .hasSize(2)
                .allSatisfy(sent ->
                        assertThat(sent.getPart("seed").getBody().asString()).isNotIn("0", "1"));
    }

    private static void pointStabilityAtTheFake(Studio.Person admin) {
        for (JsonNode found : admin.api().get("/api/v1/providers").json().path("items")) {
            if (found.path("kind").asString().equals("stability")) {
                Api.Response changed = admin.api()
                        .patch(
                                "/api/v1/providers/" + found.path("id").asString(),
                                Map.of(
                                        "baseUrl",
                                        stability.baseUrl() + "/v2beta",
                                        "apiKey",
                                        "sk-test",
                                        "selfHosted", // the fake runs on this machine
                                        true,
                                        "enabled",
                                        true));
                assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            }
        }
    }

    private static String model(Studio.Person person) {
        for (JsonNode found :
                person.api().get("/api/v1/models?provider=stability").json().path("items")) {
            if (found.path("externalId").asString().equals("stable-image/generate/core")) {
                return found.path("id").asString();
            }
        }
        throw new AssertionError("No Stable Image Core");
    }
}
