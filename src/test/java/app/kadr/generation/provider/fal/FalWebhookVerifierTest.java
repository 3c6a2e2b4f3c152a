package app.kadr.generation.provider.fal;

import static app.kadr.generation.provider.fal.FalWebhookSignatureTest.ed25519;
import static app.kadr.generation.provider.fal.FalWebhookSignatureTest.jwkX;
import static app.kadr.generation.provider.fal.FalWebhookSignatureTest.sign;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How fal's keys are fetched: kept for their TTL, fetched again when fal may have added one, but not on every
 * forgery.
 */
class FalWebhookVerifierTest {

    private static final WireMockServer fal = new WireMockServer(options().dynamicPort());
    private static final byte[] BODY = "{\"request_id\":\"req-1\",\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void startFal() {
        fal.start();
    }

    @AfterAll
    static void stopFal() {
        fal.stop();
    }

    @BeforeEach
    void forgetEverything() {
        fal.resetAll();
    }

    @Test
    void aKeyFalAddedSinceTheLastFetchIsFetchedAndAccepted() throws Exception {
        KeyPair old = ed25519();
        KeyPair added = ed25519();
        publish(old);
        FalWebhookVerifier verifier = verifier(Duration.ZERO);
        assertThat(verifier.verify(signed(old), BODY)).contains("req-1");

        publish(old, added);

        assertThat(verifier.verify(signed(added), BODY)).contains("req-1");
        fal.verify(2, getRequestedFor(urlEqualTo("/jwks.json")));
    }

    @Test
    void keysAreKeptForTheirTtlAndForgeriesFetchThemAtMostOncePerPause() throws Exception {
        KeyPair genuine = ed25519();
        publish(genuine);
        FalWebhookVerifier verifier = verifier(Duration.ofMinutes(1));

        for (int i = 0; i < 5; i++) {
            assertThat(verifier.verify(signed(genuine), BODY)).contains("req-1");
            assertThat(verifier.verify(signed(ed25519()), BODY)).isEmpty();
        }

        fal.verify(1, getRequestedFor(urlEqualTo("/jwks.json")));
    }

    @Test
    void withoutReachableKeysNothingIsAccepted() throws Exception {
        fal.stubFor(get("/jwks.json").willReturn(aResponse().withStatus(503)));

        assertThat(verifier(Duration.ZERO).verify(signed(ed25519()), BODY)).isEmpty();
    }

    private static FalWebhookVerifier verifier(Duration refetchPause) {
        FalWebhookSettings settings =
                new FalWebhookSettings(true, URI.create(fal.baseUrl() + "/jwks.json"), Duration.ofHours(1));
        return new FalWebhookVerifier(new FalJwks(settings, refetchPause));
    }

    private static void publish(KeyPair... keys) {
        String jwks = Arrays.stream(keys)
                .map(key -> "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"%s\"}".formatted(jwkX(key.getPublic())))
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        fal.stubFor(get("/jwks.json")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(jwks)));
    }

    /** fal's four headers for {@link #BODY}, signed with {@code key}. */
    private static java.util.function.Function<String, String> signed(KeyPair key) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = sign(key, FalWebhookSignature.message("req-1", "user-7", timestamp, BODY));
        Map<String, String> headers = Map.of(
                FalWebhookVerifier.REQUEST_ID,
                "req-1",
                FalWebhookVerifier.USER_ID,
                "user-7",
                FalWebhookVerifier.TIMESTAMP,
                timestamp,
                FalWebhookVerifier.SIGNATURE,
                signature);
        return headers::get;
    }
}
