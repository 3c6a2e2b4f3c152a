package app.kadr.generation.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.and;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderAdapter;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.SourceImage;
import app.kadr.generation.provider.Submission;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class OpenAiAdapterTest {

    private static final String KEY = "sk-openai-secret";
    private static final byte[] FIRST = "first image".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECOND = "second image".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MP4 = "fake mp4".getBytes(StandardCharsets.UTF_8);

    // Refuses undocumented fields as OpenAI does, so a field the adapter should not send fails the test.
    private static final WireMockServer openai = StrictOpenAi.server();

    @TempDir
    Path files;

    private final OpenAiAdapter adapter = new OpenAiAdapter(Duration.ofSeconds(5));

    @BeforeAll
    static void start() {
        openai.start();
    }

    @AfterAll
    static void stop() {
        openai.stop();
    }

    @BeforeEach
    void reset() {
        openai.resetAll();
    }

    @Test
    void springMakesItTheAdapterForOpenai() {
        try (var context = new AnnotationConfigApplicationContext(OpenAiAdapter.class)) {
            assertThat(context.getBean(ProviderAdapter.class).kind()).isEqualTo("openai");
        }
    }

    @Test
    void textToImageIsOneJsonCallForCountImagesReturnedInline() throws Exception {
        openai.stubFor(post("/v1/images/generations").willReturn(okJson(twoImages("webp"))));

        Submission submission = adapter.submit(request(
                "gpt-image-1",
                "text_to_image",
                Map.of("prompt", "кот в шляпе", "size", "1536x1024", "quality", "high", "output_format", "webp"),
                List.of(),
                2));

        assertThat(submission.finished()).isTrue();
        assertThat(submission.results())
                .hasSize(2)
                .allSatisfy(result -> assertThat(result.mimeType()).isEqualTo("image/webp"));
        assertThat(submission.results().get(0).bytes()).isEqualTo(FIRST);
        assertThat(submission.results().get(1).bytes()).isEqualTo(SECOND);
        assertThat(submission.raw())
                .contains("\"images\":2")
                .doesNotContain(KEY)
                .doesNotContain(base64(FIRST));
        openai.verify(
                exactly(1),
                postRequestedFor(urlEqualTo("/v1/images/generations"))
                        .withHeader("Authorization", equalTo("Bearer " + KEY))
                        .withHeader("Content-Type", containing("application/json"))
                        .withRequestBody(equalToJson("""
                                {"model":"gpt-image-1","prompt":"кот в шляпе","n":2,"size":"1536x1024",
                                 "quality":"high","output_format":"webp"}""")));
    }

    @Test
    void imageToImageSendsEverySourceAsAnImageArrayPartAndTheMaskAsMask() throws Exception {
        byte[] photo = {1, 2, 3};
        byte[] mask = {4, 5};
        openai.stubFor(post("/v1/images/edits").willReturn(okJson(twoImages(null))));

        Submission submission = adapter.submit(request(
                "gpt-image-1",
                "inpaint",
                Map.of("prompt", "add a hat", "size", "1024x1024"),
                List.of(source("photo.png", photo, "image"), source("mask.png", mask, "mask")),
                1));

        assertThat(submission.results())
                .first()
                .satisfies(result -> assertThat(result.mimeType()).isEqualTo("image/png"));
        openai.verify(postRequestedFor(urlEqualTo("/v1/images/edits"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart("image[]")
                        // A second Content-Disposition pattern would replace the name check, so both go in one.
                        .withHeader(
                                "Content-Disposition",
                                and(containing("name=\"image[]\""), containing("filename=\"photo.png\"")))
                        .withHeader("Content-Type", equalTo("image/png"))
                        .withBody(binaryEqualTo(photo))
                        .build())
                .withRequestBodyPart(
                        aMultipart("mask").withBody(binaryEqualTo(mask)).build())
                .withRequestBodyPart(
                        aMultipart("prompt").withBody(equalTo("add a hat")).build())
                .withRequestBodyPart(
                        aMultipart("model").withBody(equalTo("gpt-image-1")).build())
                .withRequestBodyPart(aMultipart("n").withBody(equalTo("1")).build()));
    }

    /**
     * A prompt with elements becomes an edit with each reference as one more {@code image[]} part, in order: the
     * endpoint takes "an array of images … up to 16" (openai-python src/openai/types/image_edit_params.py,
     * ImageEditParams.image). The marks the studio put at the mapped field are not sent as a field.
     */
    @Test
    void referencesGoAsImageArrayPartsOfAnEditInTheirOrder() throws Exception {
        byte[] anya = {7, 7};
        byte[] mayak = {8, 8, 8};
        openai.stubFor(post("/v1/images/edits").willReturn(okJson(twoImages(null))));

        adapter.submit(request(
                "gpt-image-1",
                "text_to_image",
                Map.of("prompt", "Аня идёт по Маяк", "image[]", List.of("$source:ref1", "$source:ref2")),
                List.of(source("anya.png", anya, "ref1"), source("mayak.png", mayak, "ref2")),
                1));

        var edits = openai.findAll(postRequestedFor(urlEqualTo("/v1/images/edits")));
        assertThat(edits).hasSize(1);
        var parts = edits.getFirst().getParts().stream()
                .filter(part -> part.getName().equals("image[]"))
                .map(part -> part.getBody().asBytes())
                .toList();
        assertThat(parts).containsExactly(anya, mayak);
        assertThat(edits.getFirst().getBodyAsString()).doesNotContain("$source:");
    }

    @ParameterizedTest(name = "{0} {1} → {3} {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "400 | moderation_blocked      | Your request was rejected by the safety system | MODERATION | -",
                "400 | content_policy_violation | Your request was rejected as a result of our safety system | MODERATION | -",
                "400 | invalid_value           | Invalid size                                   | BAD_INPUT  | size",
                "401 | invalid_api_key         | Incorrect API key provided                     | BAD_KEY    | -",
                "429 | insufficient_quota      | You exceeded your current quota                | NO_CREDITS | -",
                "429 | rate_limit_exceeded     | Rate limit reached                             | BUSY       | -",
                "500 | server_error            | The server had an error                        | BUSY       | -",
                "503 | -                       | The engine is currently overloaded             | BUSY       | -",
            })
    void eachErrorMeansWhatProvidersMdSays(
            int status, @Nullable String code, String message, Kind kind, @Nullable String field) {
        String param = "invalid_value".equals(code) ? "\"size\"" : "null";
        String codeJson = code == null ? "null" : "\"" + code + "\"";
        openai.stubFor(post("/v1/images/generations")
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\","
                                + "\"param\":" + param + ",\"code\":" + codeJson + "}}")));

        ProviderException failure = failure(() -> adapter.submit(textToImage()));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.field()).isEqualTo(field);
        assertThat(failure.raw()).contains(message).doesNotContain(KEY);
    }

    @Test
    void aRateLimitIsBusyForAsLongAsOpenAiAsks() {
        openai.stubFor(post("/v1/images/generations")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("retry-after", "20")
                        .withBody("{\"error\":{\"message\":\"Rate limit\",\"code\":\"rate_limit_exceeded\"}}")));

        ProviderException failure = failure(() -> adapter.submit(textToImage()));

        assertThat(failure.kind()).isEqualTo(Kind.BUSY);
        assertThat(failure.kind().retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void runningOutOfQuotaIsNotRetriedEvenThoughItComesAsA429() {
        openai.stubFor(post("/v1/images/generations")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("retry-after", "20")
                        .withBody("{\"error\":{\"message\":\"quota\",\"type\":\"insufficient_quota\","
                                + "\"code\":\"insufficient_quota\"}}")));

        ProviderException failure = failure(() -> adapter.submit(textToImage()));

        assertThat(failure.kind()).isEqualTo(Kind.NO_CREDITS);
        assertThat(failure.kind().retryable()).isFalse();
    }

    @Test
    void aSoraVideoIsSubmittedAsMultipartWithTheReferenceFrameAndPolledToItsContent() throws Exception {
        byte[] frame = png(1280, 720);
        openai.stubFor(post("/v1/videos").willReturn(okJson("{\"id\":\"video_1\",\"status\":\"queued\"}")));
        openai.stubFor(get("/v1/videos/video_1")
                .inScenario("sora")
                .willReturn(okJson("{\"id\":\"video_1\",\"status\":\"queued\",\"progress\":0}"))
                .willSetStateTo("running"));
        openai.stubFor(get("/v1/videos/video_1")
                .inScenario("sora")
                .whenScenarioStateIs("running")
                .willReturn(okJson("{\"id\":\"video_1\",\"status\":\"in_progress\",\"progress\":45}"))
                .willSetStateTo("done"));
        openai.stubFor(get("/v1/videos/video_1")
                .inScenario("sora")
                .whenScenarioStateIs("done")
                .willReturn(okJson("{\"id\":\"video_1\",\"status\":\"completed\",\"progress\":100}")));
        openai.stubFor(get("/v1/videos/video_1/content")
                .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(MP4)));
        ProviderRequest sora = request(
                "sora-2",
                "image_to_video",
                Map.of("prompt", "the cat walks", "seconds", "8", "size", "1280x720"),
                List.of(source("frame.png", frame, "image")),
                1);

        Submission submission = adapter.submit(sora);
        Poll queued = adapter.poll(sora, submission.providerRequestId());
        Poll running = adapter.poll(sora, submission.providerRequestId());
        Poll done = adapter.poll(sora, submission.providerRequestId());

        assertThat(submission.providerRequestId()).isEqualTo("video_1");
        assertThat(submission.finished()).isFalse();
        assertThat(queued).isEqualTo(new Poll.Waiting(false, 0.0, null));
        assertThat(running).isEqualTo(new Poll.Waiting(true, 0.45, null));
        assertThat(done).isInstanceOfSatisfying(Poll.Finished.class, finished -> {
            assertThat(finished.results()).singleElement().satisfies(video -> {
                assertThat(video.bytes()).isEqualTo(MP4);
                assertThat(video.url()).isNull();
                assertThat(video.mimeType()).isEqualTo("video/mp4");
            });
            assertThat(finished.raw()).contains("completed").doesNotContain(KEY);
        });
        openai.verify(postRequestedFor(urlEqualTo("/v1/videos"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(
                        aMultipart("model").withBody(equalTo("sora-2")).build())
                .withRequestBodyPart(
                        aMultipart("prompt").withBody(equalTo("the cat walks")).build())
                .withRequestBodyPart(
                        aMultipart("seconds").withBody(equalTo("8")).build())
                .withRequestBodyPart(
                        aMultipart("size").withBody(equalTo("1280x720")).build())
                .withRequestBodyPart(aMultipart("input_reference")
                        .withHeader("Content-Type", equalTo("image/png"))
                        .build()));
        openai.verify(getRequestedFor(urlEqualTo("/v1/videos/video_1/content"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void afterARestartANewInstancePollsTheStoredVideoIdAndNothingIsSubmittedTwice() throws Exception {
        openai.stubFor(post("/v1/videos").willReturn(okJson("{\"id\":\"video_2\",\"status\":\"queued\"}")));
        openai.stubFor(get("/v1/videos/video_2")
                .willReturn(okJson("{\"id\":\"video_2\",\"status\":\"completed\",\"progress\":100}")));
        openai.stubFor(get("/v1/videos/video_2/content")
                .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(MP4)));
        ProviderRequest sora = request("sora-2-pro", "text_to_video", Map.of("prompt", "sea"), List.of(), 1);

        String storedId = new OpenAiAdapter(Duration.ofSeconds(5)).submit(sora).providerRequestId();
        Poll afterRestart = new OpenAiAdapter(Duration.ofSeconds(5)).poll(sora, storedId);

        assertThat(afterRestart).isInstanceOf(Poll.Finished.class);
        openai.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/videos")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"moderation_blocked, MODERATION", "internal_error, FAILED"})
    void aFailedVideoIsModerationOnlyWhenOpenAiSaysSo(String code, Kind kind) {
        openai.stubFor(get("/v1/videos/video_3")
                .willReturn(okJson("{\"id\":\"video_3\",\"status\":\"failed\",\"error\":{\"code\":\"" + code
                        + "\",\"message\":\"it went wrong\"}}")));

        ProviderException failure = failure(() -> adapter.poll(sora(), "video_3"));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.raw()).contains("it went wrong");
    }

    @Test
    void cancellingAVideoDeletesTheJob() throws Exception {
        openai.stubFor(delete("/v1/videos/video_4").willReturn(okJson("{\"id\":\"video_4\",\"deleted\":true}")));

        adapter.cancel(sora(), "video_4");

        openai.verify(deleteRequestedFor(urlEqualTo("/v1/videos/video_4"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsNoAnswer() {
        openai.stubFor(post("/v1/images/generations")
                .willReturn(okJson(twoImages(null)).withFixedDelay(2000)));

        ProviderException failure = failure(() -> new OpenAiAdapter(Duration.ofMillis(200)).submit(textToImage()));

        assertThat(failure.kind()).isEqualTo(Kind.NO_ANSWER);
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProviderRequest nowhere = new ProviderRequest(
                "http://127.0.0.1:" + closedPort + "/v1",
                KEY,
                "gpt-image-1",
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
                baseUrl(), null, "gpt-image-1", "text_to_image", Map.of("prompt", "x"), List.of(), 1, null, true);

        ProviderException failure = failure(() -> adapter.submit(keyless));

        assertThat(failure.kind()).isEqualTo(Kind.NO_KEY);
        openai.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    // OpenAI documents no seed for images or videos (openai-python src/openai/types/image_generate_params.py,
    // image_edit_params.py, video_create_params.py) and answers an unknown field with 400 unknown_parameter.

    @Test
    void aGptImageTakeIsNotSentTheSeedTheStudioRecords() throws Exception {
        openai.stubFor(post("/v1/images/generations").willReturn(okJson(twoImages(null))));

        Submission submission = adapter.submit(request(
                "gpt-image-1", "text_to_image", Map.of("prompt", "кот", "seed", 123456, "size", "auto"), List.of(), 1));

        assertThat(submission.results()).hasSize(2);
        openai.verify(postRequestedFor(urlEqualTo("/v1/images/generations"))
                .withRequestBody(
                        equalToJson("{\"model\":\"gpt-image-1\",\"prompt\":\"кот\",\"n\":1,\"size\":\"auto\"}")));
    }

    @Test
    void anEditIsNotSentTheSeedEither() throws Exception {
        openai.stubFor(post("/v1/images/edits").willReturn(okJson(twoImages(null))));

        Submission submission = adapter.submit(request(
                "gpt-image-1",
                "image_to_image",
                Map.of("prompt", "в шляпе", "seed", 7),
                List.of(source("photo.png", png(64, 64), "image")),
                1));

        assertThat(submission.results()).isNotEmpty();
    }

    @Test
    void aSoraVideoIsNotSentTheSeed() throws Exception {
        openai.stubFor(post("/v1/videos").willReturn(okJson("{\"id\":\"video_9\",\"status\":\"queued\"}")));

        Submission submission =
                adapter.submit(request("sora-2", "text_to_video", Map.of("prompt", "sea", "seed", 42), List.of(), 1));

        assertThat(submission.providerRequestId()).isEqualTo("video_9");
    }

    @Test
    void aFieldOpenAiDoesNotKnowIsNamedInTheRefusal() {
        openai.stubFor(post("/v1/images/generations").willReturn(okJson(twoImages(null))));

        ProviderException failure = failure(() -> adapter.submit(
                request("gpt-image-1", "text_to_image", Map.of("prompt", "x", "style_strength", 3), List.of(), 1)));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_INPUT);
        assertThat(failure.field()).isEqualTo("style_strength");
    }

    @Test
    void soraMakesAVideoFromThePromptAloneWithoutAReferenceFrame() throws Exception {
        // input_reference is "Optional reference asset upload" (openai-python video_create_params.py).
        openai.stubFor(post("/v1/videos").willReturn(okJson("{\"id\":\"video_5\",\"status\":\"queued\"}")));

        adapter.submit(request(
                "sora-2", "text_to_video", Map.of("prompt", "sea", "seconds", "4", "size", "720x1280"), List.of(), 1));

        openai.verify(postRequestedFor(urlEqualTo("/v1/videos"))
                .withRequestBodyPart(
                        aMultipart("prompt").withBody(equalTo("sea")).build()));
        assertThat(openai.getAllServeEvents().getFirst().getRequest().getPart("input_reference"))
                .isNull();
    }

    @Test
    void aReferenceFrameOfAnotherSizeIsFittedIntoTheVideoWithBlackBars() throws Exception {
        openai.stubFor(post("/v1/videos").willReturn(okJson("{\"id\":\"video_6\",\"status\":\"queued\"}")));

        adapter.submit(request(
                "sora-2",
                "image_to_video",
                Map.of("prompt", "sea", "size", "1280x720"),
                List.of(source("still.png", png(300, 200), "image")),
                1));

        byte[] sent = openai.getAllServeEvents()
                .getFirst()
                .getRequest()
                .getPart("input_reference")
                .getBody()
                .asBytes();
        BufferedImage frame = ImageIO.read(new ByteArrayInputStream(sent));
        assertThat(frame.getWidth()).isEqualTo(1280);
        assertThat(frame.getHeight()).isEqualTo(720);
        // 300×200 scaled to 1080×720 and centred: 100 px of black on each side, the picture (white) between.
        assertThat(frame.getRGB(50, 360) & 0xFFFFFF).isZero();
        assertThat(frame.getRGB(1230, 360) & 0xFFFFFF).isZero();
        assertThat(frame.getRGB(640, 360) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void aReferenceFrameThatIsNotAnImageIsRefusedBeforeAnythingIsSent() throws Exception {
        ProviderRequest broken = request(
                "sora-2",
                "image_to_video",
                Map.of("prompt", "sea", "size", "1280x720"),
                List.of(source("broken.png", new byte[] {1, 2, 3}, "image")),
                1);

        ProviderException failure = failure(() -> adapter.submit(broken));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_INPUT);
        assertThat(failure.field()).isEqualTo("input_reference");
        openai.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    /** A white picture as PNG bytes. */
    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var canvas = image.createGraphics();
        canvas.setColor(java.awt.Color.WHITE);
        canvas.fillRect(0, 0, width, height);
        canvas.dispose();
        var bytes = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static String twoImages(@Nullable String outputFormat) {
        return "{\"created\":1700000000,\"data\":[{\"b64_json\":\"" + base64(FIRST) + "\"},{\"b64_json\":\""
                + base64(SECOND) + "\"}]" + (outputFormat == null ? "" : ",\"output_format\":\"" + outputFormat + "\"")
                + "}";
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static ResponseDefinitionBuilder okJson(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static String baseUrl() {
        return openai.baseUrl() + "/v1";
    }

    private static ProviderRequest textToImage() {
        return request("gpt-image-1", "text_to_image", Map.of("prompt", "x"), List.of(), 1);
    }

    private static ProviderRequest sora() {
        return request("sora-2", "text_to_video", Map.of("prompt", "x"), List.of(), 1);
    }

    private static ProviderRequest request(
            String externalId, String task, Map<String, Object> input, List<SourceImage> sources, int count) {
        return new ProviderRequest(baseUrl(), KEY, externalId, task, input, sources, count, null, true);
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
