package app.kadr.generation;

import static app.kadr.generation.FalStubs.awaitStatus;
import static app.kadr.generation.FalStubs.falModel;
import static app.kadr.generation.FalStubs.json;
import static app.kadr.generation.FalStubs.pointFalAt;
import static app.kadr.generation.FalStubs.status;
import static app.kadr.generation.FalStubs.stubResult;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * fal's webhooks, switched on: a submit tells fal where to announce the finished request, a webhook signed with
 * a key of fal's JWKS wakes the job at once (polling is set so slow that nothing else could finish it in time),
 * and anything not signed so is refused without touching the job.
 */
@KadrTest
@TestPropertySource(
        properties = {
            // So slow that only the webhook can finish a job within the test.
            "kadr.generation.poll-interval=10m",
            "kadr.public-url=https://kadr.example.org",
            "kadr.generation.fal-webhooks=true"
        })
class FalWebhookTests {

    private static final WireMockServer fal = new WireMockServer(options().dynamicPort());
    private static final String WEBHOOK = "https://kadr.example.org/api/v1/webhooks/fal";
    private static final KeyPair falKey = ed25519();
    private static final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Studio studio;

    @LocalServerPort
    int port;

    private Studio.Person person;
    private String shot;
    private String model;

    @DynamicPropertySource
    static void falsKeysAtTheFake(DynamicPropertyRegistry properties) {
        if (!fal.isRunning()) {
            fal.start();
        }
        properties.add("kadr.generation.fal-jwks-url", () -> fal.baseUrl() + "/.well-known/jwks.json");
    }

    @AfterAll
    static void stopFal() {
        fal.stop();
    }

    @BeforeEach
    void aShotWithFalPointedAtTheFake() {
        fal.resetAll();
        fal.stubFor(get("/.well-known/jwks.json").willReturn(json(200, """
                {"keys":[{"kty":"OKP","crv":"Ed25519","alg":"EdDSA","use":"sig","kid":"fal-1","x":"%s"}]}""".formatted(jwkX(falKey)))));
        person = studio.newAdmin();
        pointFalAt(person, fal, 8);
        shot = studio.newShot(person, studio.newProject(person, "Вебхуки fal"), "Шот");
        model = falModel(person, "fal-ai/flux/schnell");
    }

    @Test
    void aSignedWebhookFinishesTheGenerationAtOnceAndItsResultIsFetchedFromFalOnce() throws Exception {
        String id = runningAtFal("req-hook");
        fal.stubFor(status("req-hook", json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}")));
        stubResult(fal, "req-hook");

        Instant sent = Instant.now();
        byte[] body = webhookBody("req-hook");
        HttpResponse<String> answer = send(body, signed(falKey, body, Instant.now()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode ended = studio.awaitGeneration(person, id);
        assertThat(ended.path("status").asString()).isEqualTo("done");
        assertThat(Duration.between(sent, Instant.now()))
                .as("from the webhook to the finished generation")
                .isLessThan(Duration.ofSeconds(10));
        fal.verify(postRequestedFor(urlPathEqualTo("/fal-ai/flux/schnell"))
                .withQueryParam("fal_webhook", equalTo(WEBHOOK)));
        fal.verify(1, getRequestedFor(urlEqualTo("/fal-ai/flux/requests/req-hook")));
    }

    @Test
    void unsignedForgedOrStaleWebhooksAreRefusedAndLeaveTheJobAlone() throws Exception {
        String id = runningAtFal("req-forged");
        fal.stubFor(status("req-forged", json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}")));
        stubResult(fal, "req-forged");
        byte[] body = webhookBody("req-forged");
        Map<String, Map<String, String>> forgeries = new LinkedHashMap<>();
        forgeries.put("signed by a key not in fal's JWKS", signed(ed25519(), body, Instant.now()));
        forgeries.put(
                "five minutes and more old", signed(falKey, body, Instant.now().minusSeconds(310)));
        forgeries.put("from the future", signed(falKey, body, Instant.now().plusSeconds(310)));
        Map<String, String> wrong = new LinkedHashMap<>(signed(falKey, body, Instant.now()));
        wrong.put("X-Fal-Webhook-User-Id", "someone-else");
        forgeries.put("signature over other headers", wrong);
        for (String header : signed(falKey, body, Instant.now()).keySet()) {
            Map<String, String> without = new LinkedHashMap<>(signed(falKey, body, Instant.now()));
            without.remove(header);
            forgeries.put("without " + header, without);
        }

        for (Map.Entry<String, Map<String, String>> forgery : forgeries.entrySet()) {
            HttpResponse<String> answer = send(body, forgery.getValue());

            assertThat(answer.statusCode()).as(forgery.getKey()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .as(forgery.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
            assertThat(problem.path("detail").asString()).isEqualTo("Подпись вебхука fal не подтверждена.");
        }
        HttpResponse<String> changedBody = send(
                "{\"request_id\":\"req-forged\",\"status\":\"ERROR\"}".getBytes(StandardCharsets.UTF_8),
                signed(falKey, body, Instant.now()));
        assertThat(changedBody.statusCode())
                .as("a body other than the signed one")
                .isEqualTo(401);

        // A wrongly woken job would ask fal within a moment; a rightly sleeping one stays quiet.
        await().during(Duration.ofMillis(1_500))
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(
                                fal.findAll(getRequestedFor(urlPathEqualTo("/fal-ai/flux/requests/req-forged/status"))))
                        .isEmpty());
        assertThat(person.api()
                        .get("/api/v1/generations/" + id)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("running");
    }

    @Test
    void aWebhookForARequestKadrDoesNotKnowIsAcknowledgedSoFalStopsRetrying() throws Exception {
        byte[] body = webhookBody("req-unknown");
        HttpResponse<String> answer = send(body, signed(falKey, body, Instant.now()));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(fal.findAll(getRequestedFor(urlPathEqualTo("/fal-ai/flux/requests/req-unknown/status"))))
                .isEmpty();
    }

    @Test
    void aBodyOverAMegabyteIsRefusedUnread() throws Exception {
        byte[] body = new byte[1024 * 1024 + 1];

        HttpResponse<String> answer = send(body, signed(falKey, webhookBody("req-big"), Instant.now()));

        assertThat(answer.statusCode()).isEqualTo(413);
    }

    /** A generation fal has accepted as the given request, which waits for its next (distant) poll. */
    private String runningAtFal(String requestId) throws InterruptedException {
        String prompt = "маяк " + requestId + " " + UUID.randomUUID();
        fal.stubFor(post(urlPathEqualTo("/fal-ai/flux/schnell"))
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(prompt)))
                .willReturn(json(200, """
                        {"request_id":"%s","status":"IN_QUEUE","queue_position":0}""".formatted(requestId))));
        Api.Response started =
                person.api().post("/api/v1/shots/" + shot + "/generations", Map.of("modelId", model, "prompt", prompt));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get(0).path("id").asString();
        awaitStatus(person, id, "running");
        return id;
    }

    private static byte[] webhookBody(String requestId) {
        return """
                {"request_id":"%1$s","gateway_request_id":"%1$s","status":"OK",
                 "payload":{"images":[{"url":"https://v3.fal.media/files/forged.png"}]}}""".formatted(requestId).getBytes(StandardCharsets.UTF_8);
    }

    /** The four headers fal sends, signed with {@code key} as fal signs. */
    private static Map<String, String> signed(KeyPair key, byte[] body, Instant at) throws Exception {
        String requestId =
                JsonMapper.builder().build().readTree(body).path("request_id").asString();
        String timestamp = String.valueOf(at.getEpochSecond());
        String message = String.join(
                "\n",
                requestId,
                "user-7",
                timestamp,
                HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(body)));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(key.getPrivate());
        ed25519.update(message.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Fal-Webhook-Request-Id", requestId);
        headers.put("X-Fal-Webhook-User-Id", "user-7");
        headers.put("X-Fal-Webhook-Timestamp", timestamp);
        headers.put("X-Fal-Webhook-Signature", HexFormat.of().formatHex(ed25519.sign()));
        return headers;
    }

    private HttpResponse<String> send(byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/webhooks/fal"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwkX(KeyPair key) {
        byte[] encoded = key.getPublic().getEncoded();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }
}
