package app.kadr.generation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kadr.support.Api;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** fal's queue answers as WireMock stubs, and the studio's fal provider pointed at them, for the job tests. */
public final class FalStubs {

    private FalStubs() {}

    /** Points the studio's fal provider at the fake with a test key, allowing {@code limit} requests at once. */
    public static void pointFalAt(Studio.Person admin, WireMockServer fal, int limit) {
        pointAt(admin, "fal", fal.baseUrl(), "fal-test-key", limit);
    }

    /** Points the studio's provider of the given kind at an address, with a key where it takes one, and enables it. */
    static void pointAt(Studio.Person admin, String kind, String baseUrl, @Nullable String key, int limit) {
        String provider = null;
        for (JsonNode found : admin.api().get("/api/v1/providers").json().path("items")) {
            if (found.path("kind").asString().equals(kind)) {
                provider = found.path("id").asString();
            }
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("baseUrl", baseUrl);
        if (key != null) {
            changes.put("apiKey", key);
        }
        changes.put("selfHosted", true); // the fake runs on this machine
        changes.put("enabled", true);
        changes.put("maxConcurrency", limit);
        Api.Response changed = admin.api().patch("/api/v1/providers/" + provider, changes);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    /** The id of a catalog model by its provider kind and its id at the provider. */
    static String model(Studio.Person person, String kind, String externalId) {
        for (JsonNode found :
                person.api().get("/api/v1/models?provider=" + kind).json().path("items")) {
            if (found.path("externalId").asString().equals(externalId)) {
                return found.path("id").asString();
            }
        }
        throw new AssertionError("No " + kind + " model " + externalId);
    }

    public static String falModel(Studio.Person person, String externalId) {
        return model(person, "fal", externalId);
    }

    public static MappingBuilder status(String requestId, ResponseDefinitionBuilder answer) {
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

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    public static void awaitStatus(Studio.Person person, String id, String status) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .alias("generation " + id + " reaching " + status)
                .until(() -> person.api()
                        .get("/api/v1/generations/" + id)
                        .json()
                        .path("status")
                        .asString()
                        .equals(status));
    }

    /** A small PNG, as a provider's result. */
    static byte[] picture() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff8800);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }
}
