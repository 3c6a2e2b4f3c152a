package app.kadr.generation.provider.stability;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.and;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderAdapter;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.ProviderResult;
import app.kadr.generation.provider.SourceImage;
import app.kadr.generation.provider.Submission;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class StabilityAdapterTest {

    private static final String KEY = "sk-stability-secret";
    private static final byte[] PNG = "fake png bytes".getBytes(StandardCharsets.UTF_8);
    private static final String PNG_BASE64 = Base64.getEncoder().encodeToString(PNG);

    // The JDK client offers an h2c upgrade on plain HTTP, which WireMock's Jetty accepts and then cancels for
    // a streamed (multipart) body; real providers speak HTTPS, so the fake simply stays on HTTP/1.1.
    private static final WireMockServer stability =
            new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));

    @TempDir
    Path files;

    private final StabilityAdapter adapter = new StabilityAdapter(Duration.ofSeconds(5));

    @BeforeAll
    static void start() {
        stability.start();
    }

    @AfterAll
    static void stop() {
        stability.stop();
    }

    @BeforeEach
    void reset() {
        stability.resetAll();
    }

    @Test
    void springMakesItTheAdapterForStability() {
        try (var context = new AnnotationConfigApplicationContext(StabilityAdapter.class)) {
            assertThat(context.getBean(ProviderAdapter.class).kind()).isEqualTo("stability");
        }
    }

    @Test
    void generatesOneImageWithAMultipartCallAndReturnsItInlineWithItsSeed() throws Exception {
        stability.stubFor(post("/v2beta/stable-image/generate/core")
                .willReturn(okJson("{\"image\":\"" + PNG_BASE64 + "\",\"finish_reason\":\"SUCCESS\",\"seed\":42}")));

        Submission submission = adapter.submit(request(
                "stable-image/generate/core",
                Map.of("prompt", "кот в шляпе", "aspect_ratio", "16:9", "seed", 42, "output_format", "jpeg"),
                List.of()));

        assertThat(submission.finished()).isTrue();
        ProviderResult result = submission.results().getFirst();
        assertThat(result.bytes()).isEqualTo(PNG);
        assertThat(result.url()).isNull();
        assertThat(result.mimeType()).isEqualTo("image/jpeg");
        assertThat(result.seed()).isEqualTo(42L);
        assertThat(submission.raw()).contains("SUCCESS").doesNotContain(KEY).doesNotContain(PNG_BASE64);
        stability.verify(
                exactly(1),
                postRequestedFor(urlEqualTo("/v2beta/stable-image/generate/core"))
                        .withHeader("Authorization", equalTo("Bearer " + KEY))
                        .withHeader("Accept", equalTo("application/json"))
                        .withHeader("Content-Type", containing("multipart/form-data"))
                        .withRequestBodyPart(aMultipart("prompt")
                                .withBody(equalTo("кот в шляпе"))
                                .build())
                        .withRequestBodyPart(aMultipart("aspect_ratio")
                                .withBody(equalTo("16:9"))
                                .build())
                        .withRequestBodyPart(
                                aMultipart("seed").withBody(equalTo("42")).build()));
    }

    // platform.stability.ai/docs/api-reference, POST /v2beta/stable-image/generate/core: with Accept application/json
    // the 200 answer is "application/json; type=image/png" {image, finish_reason, seed}; seed is 0–4294967294 with
    // default 0, "omit this parameter or pass 0 to use a random seed".

    @Test
    void theDocumentedJsonAnswerWithItsImageTypeParameterIsRead() throws Exception {
        stability.stubFor(post("/v2beta/stable-image/generate/core")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; type=image/png")
                        .withHeader("finish-reason", "SUCCESS")
                        .withHeader("seed", "3141592653")
                        .withBody("{\"image\":\"" + PNG_BASE64
                                + "\",\"finish_reason\":\"SUCCESS\",\"seed\":3141592653}")));

        Submission submission =
                adapter.submit(request("stable-image/generate/core", Map.of("prompt", "кот"), List.of()));

        assertThat(submission.results()).singleElement().satisfies(result -> {
            assertThat(result.bytes()).isEqualTo(PNG);
            assertThat(result.seed()).isEqualTo(3141592653L);
        });
    }

    @Test
    void aSeedOfZeroIsLeftForStabilityToPickAndItsChoiceIsReturned() throws Exception {
        stability.stubFor(post("/v2beta/stable-image/generate/core")
                .willReturn(
                        okJson("{\"image\":\"" + PNG_BASE64 + "\",\"finish_reason\":\"SUCCESS\",\"seed\":987654}")));

        Submission submission =
                adapter.submit(request("stable-image/generate/core", Map.of("prompt", "кот", "seed", 0), List.of()));

        assertThat(submission.results().getFirst().seed()).isEqualTo(987654L);
        assertThat(stability.findAll(postRequestedFor(urlEqualTo("/v2beta/stable-image/generate/core"))))
                .singleElement()
                .satisfies(sent -> assertThat(sent.getPart("seed")).isNull());
    }

    @Test
    void sendsTheSourceImageAndTheMaskAsFileParts() throws Exception {
        byte[] photo = {1, 2, 3, 4};
        byte[] mask = {9, 8, 7};
        stability.stubFor(post("/v2beta/stable-image/edit/inpaint")
                .willReturn(okJson("{\"image\":\"" + PNG_BASE64 + "\",\"finish_reason\":\"SUCCESS\",\"seed\":7}")));

        Submission submission = adapter.submit(request(
                "stable-image/edit/inpaint",
                Map.of("prompt", "a red door"),
                List.of(source("photo.png", photo, "image"), source("mask.png", mask, "mask"))));

        assertThat(submission.results()).hasSize(1);
        assertThat(submission.results().getFirst().mimeType()).isEqualTo("image/png");
        stability.verify(postRequestedFor(urlEqualTo("/v2beta/stable-image/edit/inpaint"))
                .withRequestBodyPart(aMultipart("image")
                        // A second Content-Disposition pattern would replace the name check, so both go in one.
                        .withHeader(
                                "Content-Disposition",
                                and(containing("name=\"image\""), containing("filename=\"photo.png\"")))
                        .withHeader("Content-Type", equalTo("image/png"))
                        .withBody(binaryEqualTo(photo))
                        .build())
                .withRequestBodyPart(
                        aMultipart("mask").withBody(binaryEqualTo(mask)).build())
                .withRequestBodyPart(
                        aMultipart("prompt").withBody(equalTo("a red door")).build()));
    }

    /**
     * Stability's API reference, POST /v2beta/stable-image/edit/search-and-replace: multipart with the file part
     * {@code image} and the fields {@code prompt}, {@code search_prompt}, {@code grow_mask}, {@code output_format}.
     * The catalog marks where the image goes with {@code "$source:image"}; the mark itself is never sent.
     */
    @Test
    void searchAndReplaceSendsTheImageAndWhatToFindAsDocumented() throws Exception {
        byte[] photo = {1, 2, 3};
        stability.stubFor(post("/v2beta/stable-image/edit/search-and-replace")
                .willReturn(okJson("{\"image\":\"" + PNG_BASE64 + "\",\"finish_reason\":\"SUCCESS\",\"seed\":11}")));

        Submission submission = adapter.submit(request(
                "stable-image/edit/search-and-replace",
                Map.of(
                        "image", "$source:image",
                        "prompt", "a blue vintage car",
                        "search_prompt", "red car",
                        "grow_mask", 5,
                        "output_format", "png"),
                List.of(source("street.png", photo, "image"))));

        assertThat(submission.results())
                .singleElement()
                .satisfies(result -> assertThat(result.seed()).isEqualTo(11L));
        stability.verify(postRequestedFor(urlEqualTo("/v2beta/stable-image/edit/search-and-replace"))
                .withRequestBodyPart(aMultipart("image")
                        .withHeader("Content-Disposition", containing("filename=\"street.png\""))
                        .withBody(binaryEqualTo(photo))
                        .build())
                .withRequestBodyPart(aMultipart("prompt")
                        .withBody(equalTo("a blue vintage car"))
                        .build())
                .withRequestBodyPart(
                        aMultipart("search_prompt").withBody(equalTo("red car")).build())
                .withRequestBodyPart(
                        aMultipart("grow_mask").withBody(equalTo("5")).build()));
        assertThat(stability.getAllServeEvents().getFirst().getRequest().getBodyAsString())
                .doesNotContain("$source");
    }

    /**
     * Stability's API reference, POST /v2beta/stable-image/edit/search-and-recolor: file part {@code image}, fields
     * {@code prompt} (the new colour) and {@code select_prompt} (what to recolour).
     */
    @Test
    void searchAndRecolorSendsWhatToSelectAndTheNewColour() throws Exception {
        stability.stubFor(post("/v2beta/stable-image/edit/search-and-recolor")
                .willReturn(okJson("{\"image\":\"" + PNG_BASE64 + "\",\"finish_reason\":\"SUCCESS\",\"seed\":2}")));

        adapter.submit(request(
                "stable-image/edit/search-and-recolor",
                Map.of("image", "$source:image", "prompt", "emerald green", "select_prompt", "jacket"),
                List.of(source("coat.png", PNG, "image"))));

        stability.verify(postRequestedFor(urlEqualTo("/v2beta/stable-image/edit/search-and-recolor"))
                .withRequestBodyPart(
                        aMultipart("image").withBody(binaryEqualTo(PNG)).build())
                .withRequestBodyPart(
                        aMultipart("prompt").withBody(equalTo("emerald green")).build())
                .withRequestBodyPart(
                        aMultipart("select_prompt").withBody(equalTo("jacket")).build()));
    }

    /**
     * Stability's API reference, POST /v2beta/stable-image/edit/replace-background-and-relight: the picture goes in
     * the file part {@code subject_image} (not {@code image}), the scene in {@code background_prompt}, the light in
     * {@code light_source_direction} (above, below, left, right) and {@code light_source_strength}; it answers with an
     * id that is polled at /v2beta/results/{id}.
     */
    @Test
    void relightSendsTheSubjectImageUnderItsOwnPartNameAndIsPolled() throws Exception {
        byte[] portrait = {4, 5, 6};
        stability.stubFor(post("/v2beta/stable-image/edit/replace-background-and-relight")
                .willReturn(okJson("{\"id\":\"relight-1\"}")));
        stability.stubFor(get("/v2beta/results/relight-1")
                .willReturn(okJson("{\"image\":\"" + PNG_BASE64 + "\",\"finish_reason\":\"SUCCESS\",\"seed\":8}")));
        ProviderRequest relight = request(
                "stable-image/edit/replace-background-and-relight",
                Map.of(
                        "subject_image", "$source:image",
                        "background_prompt", "a neon-lit alley at night",
                        "light_source_direction", "left",
                        "light_source_strength", 0.7),
                List.of(source("portrait.png", portrait, "image")));

        Submission submission = adapter.submit(relight);
        Poll done = adapter.poll(relight, submission.providerRequestId());

        assertThat(submission.providerRequestId()).isEqualTo("relight-1");
        assertThat(done).isInstanceOf(Poll.Finished.class);
        stability.verify(postRequestedFor(urlEqualTo("/v2beta/stable-image/edit/replace-background-and-relight"))
                .withRequestBodyPart(aMultipart("subject_image")
                        .withBody(binaryEqualTo(portrait))
                        .build())
                .withRequestBodyPart(aMultipart("background_prompt")
                        .withBody(equalTo("a neon-lit alley at night"))
                        .build())
                .withRequestBodyPart(aMultipart("light_source_direction")
                        .withBody(equalTo("left"))
                        .build())
                .withRequestBodyPart(aMultipart("light_source_strength")
                        .withBody(equalTo("0.7"))
                        .build()));
        assertThat(stability.getAllServeEvents().stream()
                        .map(event -> event.getRequest().getBodyAsString())
                        .filter(body -> body.contains("name=\"image\"")))
                .isEmpty();
    }

    @Test
    void anImageStabilityFilteredIsModerationNotAResult() {
        stability.stubFor(post("/v2beta/stable-image/generate/core")
                .willReturn(okJson(
                        "{\"image\":\"" + PNG_BASE64 + "\",\"finish_reason\":\"CONTENT_FILTERED\",\"seed\":1}")));

        ProviderException failure = failure(() -> adapter.submit(core()));

        assertThat(failure.kind()).isEqualTo(Kind.MODERATION);
        assertThat(failure.raw()).contains("CONTENT_FILTERED");
    }

    @Test
    void anAsynchronousEndpointIsPolledUntilTheResultIsThere() throws Exception {
        stability.stubFor(post("/v2beta/stable-image/upscale/creative").willReturn(okJson("{\"id\":\"job-1\"}")));
        stability.stubFor(get("/v2beta/results/job-1")
                .inScenario("upscale")
                .willReturn(aResponse().withStatus(202).withBody("{\"id\":\"job-1\",\"status\":\"in-progress\"}"))
                .willSetStateTo("done"));
        stability.stubFor(get("/v2beta/results/job-1")
                .inScenario("upscale")
                .whenScenarioStateIs("done")
                .willReturn(okJson("{\"image\":\"" + PNG_BASE64 + "\",\"finish_reason\":\"SUCCESS\",\"seed\":5}")));
        ProviderRequest upscale = request(
                "stable-image/upscale/creative",
                Map.of("prompt", "sharper", "output_format", "webp"),
                List.of(source("small.png", PNG, "image")));

        Submission submission = adapter.submit(upscale);
        Poll first = adapter.poll(upscale, submission.providerRequestId());
        Poll second = adapter.poll(upscale, submission.providerRequestId());

        assertThat(submission.finished()).isFalse();
        assertThat(submission.providerRequestId()).isEqualTo("job-1");
        assertThat(first).isEqualTo(new Poll.Waiting(true, null, null));
        assertThat(second).isInstanceOfSatisfying(Poll.Finished.class, finished -> {
            assertThat(finished.results()).singleElement().satisfies(result -> {
                assertThat(result.bytes()).isEqualTo(PNG);
                assertThat(result.mimeType()).isEqualTo("image/webp");
                assertThat(result.seed()).isEqualTo(5L);
            });
            assertThat(finished.raw()).doesNotContain(KEY);
        });
        stability.verify(getRequestedFor(urlEqualTo("/v2beta/results/job-1"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void afterARestartANewInstancePollsTheStoredIdAndNothingIsSubmittedTwice() throws Exception {
        stability.stubFor(post("/v2beta/stable-image/upscale/creative").willReturn(okJson("{\"id\":\"job-2\"}")));
        stability.stubFor(get("/v2beta/results/job-2")
                .willReturn(okJson("{\"image\":\"" + PNG_BASE64 + "\",\"finish_reason\":\"SUCCESS\",\"seed\":5}")));
        ProviderRequest upscale =
                request("stable-image/upscale/creative", Map.of("prompt", "x"), List.of(source("a.png", PNG, "image")));

        String storedId =
                new StabilityAdapter(Duration.ofSeconds(5)).submit(upscale).providerRequestId();
        Poll afterRestart = new StabilityAdapter(Duration.ofSeconds(5)).poll(upscale, storedId);

        assertThat(afterRestart).isInstanceOf(Poll.Finished.class);
        stability.verify(exactly(1), postRequestedFor(urlEqualTo("/v2beta/stable-image/upscale/creative")));
    }

    @Test
    void aResultStabilityNoLongerKeepsIsAFailure() {
        stability.stubFor(get("/v2beta/results/old")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withBody("{\"id\":\"e1\",\"name\":\"not_found\",\"errors\":[\"result expired\"]}")));

        ProviderException failure = failure(() -> adapter.poll(core(), "old"));

        assertThat(failure.kind()).isEqualTo(Kind.FAILED);
        assertThat(failure.raw()).contains("expired");
    }

    @ParameterizedTest(name = "{0} {1} → {2} {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "400 | prompt: cannot be empty               | BAD_INPUT  | prompt",
                "400 | something is wrong                    | BAD_INPUT  | -",
                "401 | authorization failed                  | BAD_KEY    | -",
                "402 | payment required                      | NO_CREDITS | -",
                "403 | content moderation                    | MODERATION | -",
                "413 | payload too large                     | BAD_INPUT  | image",
                "422 | aspect_ratio: must be one of 16:9 1:1 | BAD_INPUT  | aspect_ratio",
                "500 | internal error                        | BUSY       | -",
                "503 | unavailable                           | BUSY       | -",
            })
    void eachErrorStatusMeansWhatProvidersMdSays(int status, String error, Kind kind, @Nullable String field) {
        stability.stubFor(post("/v2beta/stable-image/generate/core")
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"e\",\"name\":\"n\",\"errors\":[\"" + error + "\"]}")));

        ProviderException failure = failure(() -> adapter.submit(core()));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.field()).isEqualTo(field);
        assertThat(failure.raw()).contains(error).doesNotContain(KEY);
    }

    @Test
    void aRateLimitIsBusyForAsLongAsStabilityAsks() {
        stability.stubFor(post("/v2beta/stable-image/generate/core")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        ProviderException failure = failure(() -> adapter.submit(core()));

        assertThat(failure.kind()).isEqualTo(Kind.BUSY);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsOutStabilitysSixtySecondLockout() {
        stability.stubFor(post("/v2beta/stable-image/generate/core")
                .willReturn(aResponse().withStatus(429).withBody("{\"errors\":[\"rate limited\"]}")));

        ProviderException failure = failure(() -> adapter.submit(core()));

        assertThat(failure.kind()).isEqualTo(Kind.BUSY);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsNoAnswer() {
        stability.stubFor(post("/v2beta/stable-image/generate/core")
                .willReturn(okJson("{\"image\":\"" + PNG_BASE64 + "\"}").withFixedDelay(2000)));

        ProviderException failure = failure(() -> new StabilityAdapter(Duration.ofMillis(200)).submit(core()));

        assertThat(failure.kind()).isEqualTo(Kind.NO_ANSWER);
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProviderRequest nowhere = new ProviderRequest(
                "http://127.0.0.1:" + closedPort + "/v2beta",
                KEY,
                "stable-image/generate/core",
                "text_to_image",
                Map.of("prompt", "x"),
                List.of(),
                1,
                null,
                true);

        ProviderException failure = failure(() -> adapter.submit(nowhere));

        assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
    }

    @Test
    void withoutAKeyNothingIsSent() {
        ProviderRequest keyless = new ProviderRequest(
                baseUrl(),
                " ",
                "stable-image/generate/core",
                "text_to_image",
                Map.of("prompt", "x"),
                List.of(),
                1,
                null,
                true);

        ProviderException failure = failure(() -> adapter.submit(keyless));

        assertThat(failure.kind()).isEqualTo(Kind.NO_KEY);
        stability.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void anImageRoleStabilityHasNoFieldForIsBadInputBeforeAnythingIsSent() throws Exception {
        ProviderRequest withEndFrame = request(
                "stable-image/generate/core", Map.of("prompt", "x"), List.of(source("end.png", PNG, "end_image")));

        ProviderException failure = failure(() -> adapter.submit(withEndFrame));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_INPUT);
        assertThat(failure.field()).isEqualTo("end_image");
        stability.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static String baseUrl() {
        return stability.baseUrl() + "/v2beta";
    }

    private static ProviderRequest core() {
        return request("stable-image/generate/core", Map.of("prompt", "x"), List.of());
    }

    private static ProviderRequest request(String externalId, Map<String, Object> input, List<SourceImage> sources) {
        return new ProviderRequest(baseUrl(), KEY, externalId, "text_to_image", input, sources, 1, null, true);
    }

    private SourceImage source(String name, byte[] content, String role) throws IOException {
        return new SourceImage(Files.write(files.resolve(name), content), "image/png", role);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static ProviderException failure(Call call) {
        ProviderException failure = catchThrowableOfType(ProviderException.class, call::run);
        assertThat(failure).as("a ProviderException").isNotNull();
        return failure;
    }
}
