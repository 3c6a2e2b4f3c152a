package app.kadr.generation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/** fal's queue answers as WireMock stubs, and the studio's fal provider pointed at them, for the job tests. */
final class FalStubs {

    private FalStubs() {}

    /** Points the studio's fal provider at the fake with a test key, allowing {@code limit} requests at once. */
    static void pointFalAt(Studio.Person admin, WireMockServer fal, int limit) {
        String provider = null;
        for (JsonNode found : admin.api().get("/api/v1/providers").json().path("items")) {
            if (found.path("kind").asString().equals("fal")) {
                provider = found.path("id").asString();
            }
        }
        Api.Response changed = admin.api()
                .patch(
                        "/api/v1/providers/" + provider,
                        Map.of(
                                "baseUrl",
                                fal.baseUrl(),
                                "selfHosted", // the fake runs on this machine
                                true,
                                "apiKey",
                                "fal-test-key",
                                "enabled",
                                true,
                                "maxConcurrency",
                                limit));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    static String falModel(Studio.Person person, String externalId) {
        for (JsonNode found :
                person.api().get("/api/v1/models?provider=fal").json().path("items")) {
            if (found.path("externalId").asString().equals(externalId)) {
                return found.path("id").asString();
            }
        }
        throw new AssertionError("No fal model " + externalId);
    }

    static MappingBuilder status(String requestId, ResponseDefinitionBuilder answer) {
        return get(urlPathEqualTo("/fal-ai/flux/requests/" + requestId + "/status"))
                .willReturn(answer);
    }

    /** The request's result: one small picture, served by the fake too. */
    static void stubResult(WireMockServer fal, String requestId) throws IOException {
        fal.stubFor(get("/fal-ai/flux/requests/" + requestId)
                .willReturn(json(200, """
                {"images":[{"url":"%s/files/%s.png","content_type":"image/png"}],"seed":3}""".formatted(fal.baseUrl(), requestId))));
        fal.stubFor(get("/files/" + requestId + ".png")
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(picture())));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static void awaitStatus(Studio.Person person, String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!person.api()
                .get("/api/v1/generations/" + id)
                .json()
                .path("status")
                .asString()
                .equals(status)) {
            assertThat(System.nanoTime())
                    .as("generation %s reaching %s", id, status)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static byte[] picture() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff8800);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }
}
