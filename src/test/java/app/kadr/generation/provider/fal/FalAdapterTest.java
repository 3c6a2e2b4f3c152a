package app.kadr.generation.provider.fal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.ProviderResult;
import app.kadr.generation.provider.SourceImage;
import app.kadr.generation.provider.Submission;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FalAdapterTest {

    private static final String KEY = "fal-secret-key-123";
    private static final String FLUX = "fal-ai/flux/dev";
    private static final String QUEUED = """
            {"request_id":"req-1","status":"IN_QUEUE","queue_position":3,
             "status_url":"x","response_url":"x","cancel_url":"x"}""";
    private static final Duration SHORT_READ_TIMEOUT = Duration.ofSeconds(2);

    private static final WireMockServer fal = new WireMockServer(options().dynamicPort());

    private final FalAdapter adapter = new FalAdapter(SHORT_READ_TIMEOUT);

    @BeforeAll
    static void startFal() {
        fal.start();
        // The first request of a JVM warms up both HTTP stacks; it must not eat the short read time-out.
        try {
            new FalAdapter().cancel(flux(), "warm-up");
        } catch (ProviderException expected) {
            // WireMock has no stub yet.
        }
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
    void aPictureIsQueuedThenRunsThenArrivesWithItsSeed() throws Exception {
        fal.stubFor(post("/fal-ai/flux/dev").willReturn(json(200, QUEUED)));
        stubStatusSequence(
                json(202, "{\"status\":\"IN_QUEUE\",\"queue_position\":2}"),
                json(202, """
                        {"status":"IN_PROGRESS","logs":[
                          {"message":"Loading model","level":"INFO"},
                          {"message":" 50%|█████     | 14/28 [00:03<00:03]","level":"INFO"}]}"""),
                json(200, "{\"status\":\"COMPLETED\",\"logs\":[],\"metrics\":{\"inference_time\":3.2}}"));
        fal.stubFor(get("/fal-ai/flux/requests/req-1").willReturn(json(200, """
                {"images":[{"url":"https://v3.fal.media/files/cat.jpg","width":1024,"height":768,
                            "content_type":"image/jpeg"}],
                 "seed":42,"has_nsfw_concepts":[false],"prompt":"a cat"}""")));

        ProviderRequest request = flux(Map.of("prompt", "a cat", "image_size", "landscape_4_3", "num_images", 1));
        Submission submission = adapter.submit(request);

        assertThat(submission.providerRequestId()).isEqualTo("req-1");
        assertThat(submission.finished()).isFalse();
        assertThat(submission.raw()).doesNotContain(KEY);
        fal.verify(postRequestedFor(urlEqualTo("/fal-ai/flux/dev"))
                .withHeader("Authorization", equalTo("Key " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"prompt":"a cat","image_size":"landscape_4_3","num_images":1}""")));

        assertThat(adapter.poll(request, "req-1")).isEqualTo(new Poll.Waiting(false, null, "В очереди, позиция 2"));
        Poll running = adapter.poll(request, "req-1");
        assertThat(running).isInstanceOfSatisfying(Poll.Waiting.class, waiting -> {
            assertThat(waiting.running()).isTrue();
            assertThat(waiting.progress()).isEqualTo(0.5);
            assertThat(waiting.message()).contains("14/28");
        });
        Poll done = adapter.poll(request, "req-1");
        assertThat(done).isInstanceOfSatisfying(Poll.Finished.class, finished -> {
            assertThat(finished.results())
                    .containsExactly(
                            ProviderResult.at(URI.create("https://v3.fal.media/files/cat.jpg"), "image/jpeg", 42L));
            assertThat(finished.cost()).isNull();
            assertThat(finished.raw()).contains("cat.jpg").doesNotContain(KEY);
        });
        fal.verify(
                3,
                getRequestedFor(urlEqualTo("/fal-ai/flux/requests/req-1/status?logs=1"))
                        .withHeader("Authorization", equalTo("Key " + KEY)));
    }

    @Test
    void withWebhooksOnASubmitAsksFalToAnnounceTheFinishedRequestAtKadrsPublicAddress() throws Exception {
        fal.stubFor(post(urlPathEqualTo("/fal-ai/flux/dev")).willReturn(json(200, QUEUED)));
        FalAdapter withWebhooks =
                new FalAdapter(SHORT_READ_TIMEOUT, new FalWebhookAddress("https://kadr.example.org/", true));

        withWebhooks.submit(flux(Map.of("prompt", "a cat")));

        fal.verify(postRequestedFor(urlPathEqualTo("/fal-ai/flux/dev"))
                .withQueryParam("fal_webhook", equalTo("https://kadr.example.org/api/v1/webhooks/fal")));
    }

    @Test
    void webhooksNeedBothTheSettingAndAPublicAddress() {
        assertThat(new FalWebhookAddress("https://kadr.example.org", true).url())
                .contains("https://kadr.example.org/api/v1/webhooks/fal");
        assertThat(new FalWebhookAddress("https://kadr.example.org", false).url())
                .isEmpty();
        assertThat(new FalWebhookAddress(" ", true).url()).isEmpty();
    }

    @Test
    void progressIsReadFromTheLatestLogLine() {
        assertThat(FalProgress.of(" 50%|█████     | 14/28")).isEqualTo(0.5);
        assertThat(FalProgress.of("Step 7/28")).isEqualTo(0.25);
        assertThat(FalProgress.of("Loading model")).isNull();
        assertThat(FalProgress.of(null)).isNull();
    }

    @Test
    void aVideoModelIsPolledUnderItsOwnerAndAppOnly() throws Exception {
        String kling = "fal-ai/kling-video/v1.6/pro/image-to-video";
        fal.stubFor(post("/" + kling).willReturn(json(200, QUEUED)));
        fal.stubFor(get(urlPathEqualTo("/fal-ai/kling-video/requests/req-1/status"))
                .willReturn(json(200, "{\"status\":\"COMPLETED\"}")));
        fal.stubFor(get("/fal-ai/kling-video/requests/req-1").willReturn(json(200, """
                {"video":{"url":"https://v3.fal.media/files/clip.mp4","content_type":"video/mp4",
                          "file_name":"clip.mp4","file_size":123456}}""")));
        ProviderRequest request = request(kling, KEY, Map.of("prompt", "waves", "duration", "5"), List.of());

        adapter.submit(request);
        Poll done = adapter.poll(request, "req-1");

        assertThat(done)
                .isInstanceOfSatisfying(
                        Poll.Finished.class,
                        finished -> assertThat(finished.results())
                                .containsExactly(ProviderResult.at(
                                        URI.create("https://v3.fal.media/files/clip.mp4"), "video/mp4", null)));
    }

    @Test
    void sourceImagesTravelAsDataUrisWhereTheMappingPutTheirPlaceholders(@TempDir Path dir) throws Exception {
        byte[] start = {1, 2, 3, 4};
        byte[] end = {5, 6, 7};
        Path startFile = Files.write(dir.resolve("start.png"), start);
        Path endFile = Files.write(dir.resolve("end.jpg"), end);
        fal.stubFor(post("/fal-ai/kling-video/v1.6/pro/image-to-video").willReturn(json(200, QUEUED)));
        ProviderRequest request = request(
                "fal-ai/kling-video/v1.6/pro/image-to-video",
                KEY,
                Map.of("prompt", "waves", "image_url", "$source:image", "tail_image_url", "$source:end_image"),
                List.of(
                        new SourceImage(startFile, "image/png", "image"),
                        new SourceImage(endFile, "image/jpeg", "end_image")));

        adapter.submit(request);

        fal.verify(postRequestedFor(urlEqualTo("/fal-ai/kling-video/v1.6/pro/image-to-video"))
                .withRequestBody(matchingJsonPath(
                        "$.image_url",
                        equalTo("data:image/png;base64," + Base64.getEncoder().encodeToString(start))))
                .withRequestBody(matchingJsonPath(
                        "$.tail_image_url",
                        equalTo("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(end))))
                .withRequestBody(matchingJsonPath("$.prompt", equalTo("waves"))));
    }

    /**
     * Inpainting on fal (e.g. {@code fal-ai/flux-lora/inpainting}, https://fal.ai/models/fal-ai/flux-lora/inpainting/api;
     * likewise {@code fal-ai/inpaint}, https://fal.ai/models/fal-ai/inpaint/api): the picture goes in {@code image_url},
     * the mask (white = redraw) in {@code mask_url}, each a URL or, as fal's «Files» section allows, a base64 data URI.
     */
    @Test
    void anInpaintSendsThePictureAsImageUrlAndTheMaskAsMaskUrl(@TempDir Path dir) throws Exception {
        byte[] picture = {1, 2, 3};
        byte[] mask = {9, 8, 7};
        Path pictureFile = Files.write(dir.resolve("picture.png"), picture);
        Path maskFile = Files.write(dir.resolve("mask.png"), mask);
        fal.stubFor(post("/fal-ai/flux-lora/inpainting").willReturn(json(200, QUEUED)));
        ProviderRequest request = new ProviderRequest(
                fal.baseUrl(),
                KEY,
                "fal-ai/flux-lora/inpainting",
                "inpaint",
                Map.of("prompt", "an empty pier", "image_url", "$source:image", "mask_url", "$source:mask"),
                List.of(
                        new SourceImage(pictureFile, "image/png", "image"),
                        new SourceImage(maskFile, "image/png", "mask")),
                1,
                null,
                true);

        adapter.submit(request);

        fal.verify(postRequestedFor(urlEqualTo("/fal-ai/flux-lora/inpainting"))
                .withRequestBody(matchingJsonPath(
                        "$.image_url",
                        equalTo("data:image/png;base64," + Base64.getEncoder().encodeToString(picture))))
                .withRequestBody(matchingJsonPath(
                        "$.mask_url",
                        equalTo("data:image/png;base64," + Base64.getEncoder().encodeToString(mask))))
                .withRequestBody(matchingJsonPath("$.prompt", equalTo("an empty pier"))));
    }

    /**
     * Video-to-video: fal's documented inputs (https://fal.ai/models/fal-ai/fast-animatediff/video-to-video/llms.txt): {@code video_url}
     * and {@code prompt} required, {@code first_n_seconds} 2–4; a URL or a data URI is a file input for fal.
     */
    @Test
    void aVideoToVideoSendsTheVideoTakeAsVideoUrl(@TempDir Path dir) throws Exception {
        byte[] clip = {0, 0, 0, 24, 'f', 't', 'y', 'p'};
        Path file = Files.write(dir.resolve("take.mp4"), clip);
        fal.stubFor(post("/fal-ai/fast-animatediff/video-to-video").willReturn(json(200, QUEUED)));

        adapter.submit(request(
                "fal-ai/fast-animatediff/video-to-video",
                KEY,
                Map.of("prompt", "oil painting", "video_url", "$source:video", "first_n_seconds", 3),
                List.of(new SourceImage(file, "video/mp4", "video"))));

        fal.verify(postRequestedFor(urlEqualTo("/fal-ai/fast-animatediff/video-to-video"))
                .withRequestBody(matchingJsonPath(
                        "$.video_url",
                        equalTo("data:video/mp4;base64," + Base64.getEncoder().encodeToString(clip))))
                .withRequestBody(matchingJsonPath("$.prompt", equalTo("oil painting")))
                .withRequestBody(matchingJsonPath("$.first_n_seconds", equalTo("3"))));
    }

    /**
     * fal's documented lip sync inputs (https://fal.ai/models/fal-ai/sync-lipsync/llms.txt): {@code video_url} and
     * {@code audio_url} required, {@code sync_mode} one of cut_off, loop, bounce, silence, remap.
     */
    @Test
    void aLipSyncSendsTheVideoAsVideoUrlAndTheSoundAsAudioUrl(@TempDir Path dir) throws Exception {
        byte[] clip = {1, 1, 2, 3};
        byte[] voice = {'I', 'D', '3', 4};
        Path video = Files.write(dir.resolve("take.mp4"), clip);
        Path audio = Files.write(dir.resolve("voice.mp3"), voice);
        fal.stubFor(post("/fal-ai/sync-lipsync").willReturn(json(200, QUEUED)));

        adapter.submit(request(
                "fal-ai/sync-lipsync",
                KEY,
                Map.of("video_url", "$source:video", "audio_url", "$source:audio", "sync_mode", "loop"),
                List.of(new SourceImage(video, "video/mp4", "video"), new SourceImage(audio, "audio/mpeg", "audio"))));

        fal.verify(postRequestedFor(urlEqualTo("/fal-ai/sync-lipsync"))
                .withRequestBody(matchingJsonPath(
                        "$.video_url",
                        equalTo("data:video/mp4;base64," + Base64.getEncoder().encodeToString(clip))))
                .withRequestBody(matchingJsonPath(
                        "$.audio_url",
                        equalTo("data:audio/mpeg;base64," + Base64.getEncoder().encodeToString(voice))))
                .withRequestBody(matchingJsonPath("$.sync_mode", equalTo("loop"))));
    }

    @Test
    void aSourceImageWithNowhereToGoIsRefusedBeforeAnythingIsSent(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("start.png"), new byte[] {1});
        ProviderRequest request =
                request(FLUX, KEY, Map.of("prompt", "a cat"), List.of(new SourceImage(file, "image/png", "image")));

        assertFailure(() -> adapter.submit(request), Kind.FAILED);
        fal.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aBusyQueueAsksUsToComeBackLater() {
        fal.stubFor(post("/fal-ai/flux/dev")
                .willReturn(json(429, "{\"detail\":\"Too many requests\"}").withHeader("Retry-After", "30")));

        ProviderException busy = assertFailure(() -> adapter.submit(flux()), Kind.BUSY);

        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(busy.kind().retryable()).isTrue();
    }

    @Test
    void aRunnerWithoutCapacityIsBusy() {
        fal.stubFor(post("/fal-ai/flux/dev")
                .willReturn(json(503, """
                        {"detail":"No runner available","error_type":"runner_scheduling_failure"}""").withHeader("X-Fal-Error-Type", "runner_scheduling_failure")));

        ProviderException busy = assertFailure(() -> adapter.submit(flux()), Kind.BUSY);

        assertThat(busy.retryAfter()).isNull();
    }

    @Test
    void anUnavailableDownstreamServiceIsBusyButABrokenModelFails() {
        stubCompleted();
        fal.stubFor(get("/fal-ai/flux/requests/req-1").willReturn(json(500, """
                {"detail":"Upstream down","error_type":"downstream_service_unavailable"}""")));
        assertFailure(() -> adapter.poll(flux(), "req-1"), Kind.BUSY);

        fal.stubFor(get("/fal-ai/flux/requests/req-1").willReturn(json(500, """
                {"detail":"CUDA error","error_type":"internal_server_error"}""")));
        assertFailure(() -> adapter.poll(flux(), "req-1"), Kind.FAILED);
    }

    @Test
    void anExhaustedBalanceMeansNoCredits() {
        fal.stubFor(post("/fal-ai/flux/dev").willReturn(json(403, """
                {"detail":"User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing."}""")));

        ProviderException broke = assertFailure(() -> adapter.submit(flux()), Kind.NO_CREDITS);

        assertThat(broke.kind().retryable()).isFalse();
    }

    @Test
    void aRefusedPromptIsModeration() {
        stubCompleted();
        fal.stubFor(get("/fal-ai/flux/requests/req-1").willReturn(json(422, """
                {"detail":[{"loc":["body","prompt"],"msg":"The content could not be processed",
                            "type":"content_policy_violation"}]}""")));

        assertFailure(() -> adapter.poll(flux(), "req-1"), Kind.MODERATION);
    }

    @Test
    void picturesAllBlackedOutBySafetyAreModeration() {
        stubCompleted();
        fal.stubFor(get("/fal-ai/flux/requests/req-1").willReturn(json(200, """
                {"images":[{"url":"https://v3.fal.media/files/black.jpg","content_type":"image/jpeg"}],
                 "seed":7,"has_nsfw_concepts":[true]}""")));

        assertFailure(() -> adapter.poll(flux(), "req-1"), Kind.MODERATION);
    }

    @Test
    void theWrongFieldIsNamed() {
        fal.stubFor(post("/fal-ai/flux/dev").willReturn(json(422, """
                {"detail":[{"loc":["body","image_size"],"msg":"value is not a valid enumeration member",
                            "type":"type_error.enum"}]}""")));

        ProviderException wrong = assertFailure(() -> adapter.submit(flux()), Kind.BAD_INPUT);

        assertThat(wrong.field()).isEqualTo("image_size");
        assertThat(wrong.raw()).contains("value is not a valid enumeration member");
    }

    @Test
    void aComplaintWithoutAFieldIsStillBadInput() {
        fal.stubFor(post("/fal-ai/flux/dev").willReturn(json(422, "{\"detail\":\"Prompt is too long\"}")));

        ProviderException wrong = assertFailure(() -> adapter.submit(flux()), Kind.BAD_INPUT);

        assertThat(wrong.field()).isNull();
    }

    @Test
    void aWrongKeyIsSaidSoWithoutRepeatingIt() {
        fal.stubFor(post("/fal-ai/flux/dev").willReturn(json(401, "{\"detail\":\"Invalid key: " + KEY + "\"}")));

        ProviderException refused = assertFailure(() -> adapter.submit(flux()), Kind.BAD_KEY);

        assertThat(refused.raw()).contains("Invalid key").doesNotContain(KEY);
    }

    @Test
    void aModelThatRanOutOfTimeIsATimeout() {
        stubCompleted();
        fal.stubFor(get("/fal-ai/flux/requests/req-1").willReturn(json(504, """
                {"detail":"Generation took too long","error_type":"generation_timeout"}""")));

        assertFailure(() -> adapter.poll(flux(), "req-1"), Kind.TIMEOUT);
    }

    @Test
    void aQueueThatTimedOutIsBusyWhileAForbiddenKeyIsABadKey() {
        fal.stubFor(post("/fal-ai/flux/dev")
                .willReturn(json(504, "{\"detail\":\"Request timed out\"}")
                        .withHeader("X-Fal-Error-Type", "request_timeout")));
        assertFailure(() -> adapter.submit(flux()), Kind.BUSY);

        fal.stubFor(post("/fal-ai/flux/dev").willReturn(json(403, "{\"detail\":\"Not allowed\"}")));
        assertFailure(() -> adapter.submit(flux()), Kind.BAD_KEY);
    }

    @Test
    void aRequestCompletedWithAnErrorIsMappedWithoutFetchingAResult() {
        fal.stubFor(get(urlPathEqualTo("/fal-ai/flux/requests/req-1/status")).willReturn(json(200, """
                {"status":"COMPLETED","logs":[],"error":"Request timed out","error_type":"request_timeout"}""")));

        assertFailure(() -> adapter.poll(flux(), "req-1"), Kind.BUSY);
        fal.verify(0, getRequestedFor(urlEqualTo("/fal-ai/flux/requests/req-1")));
    }

    @Test
    void aSubmitSentButNotAnsweredInTimeGotNoAnswer() {
        fal.stubFor(post("/fal-ai/flux/dev").willReturn(json(200, QUEUED).withFixedDelay(4000)));

        assertFailure(() -> adapter.submit(flux()), Kind.NO_ANSWER);
    }

    @Test
    void aProviderNobodyListensToIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProviderRequest request = new ProviderRequest(
                "http://localhost:" + closedPort,
                KEY,
                FLUX,
                "text_to_image",
                Map.of("prompt", "a cat"),
                List.of(),
                1,
                null,
                true);

        assertFailure(() -> adapter.submit(request), Kind.UNREACHABLE);
    }

    @Test
    void withoutAKeyNothingIsSent() {
        assertFailure(() -> adapter.submit(request(FLUX, null, Map.of("prompt", "a cat"), List.of())), Kind.NO_KEY);
        assertFailure(() -> adapter.poll(request(FLUX, " ", Map.of(), List.of()), "req-1"), Kind.NO_KEY);

        fal.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRestartedStudioFinishesWhatTheOldOneSubmittedWithoutSubmittingAgain() throws Exception {
        fal.stubFor(post("/fal-ai/flux/dev").willReturn(json(200, QUEUED)));
        stubCompleted();
        fal.stubFor(get("/fal-ai/flux/requests/req-1").willReturn(json(200, """
                {"images":[{"url":"https://v3.fal.media/files/a.png","content_type":"image/png"},
                           {"url":"https://v3.fal.media/files/b.png","content_type":"image/png"}],"seed":9}""")));

        String stored = new FalAdapter(SHORT_READ_TIMEOUT).submit(flux()).providerRequestId();
        Poll afterRestart = new FalAdapter(SHORT_READ_TIMEOUT).poll(flux(), stored);

        assertThat(afterRestart)
                .isInstanceOfSatisfying(
                        Poll.Finished.class,
                        finished -> assertThat(finished.results())
                                .extracting(ProviderResult::url, ProviderResult::seed)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(
                                                URI.create("https://v3.fal.media/files/a.png"), 9L),
                                        org.assertj.core.groups.Tuple.tuple(
                                                URI.create("https://v3.fal.media/files/b.png"), 9L)));
        fal.verify(1, postRequestedFor(urlEqualTo("/fal-ai/flux/dev")));
    }

    @Test
    void cancellingAsksTheQueueToStopAndALateCancelIsNoFailure() throws Exception {
        fal.stubFor(put("/fal-ai/flux/requests/req-1/cancel")
                .willReturn(json(202, "{\"status\":\"CANCELLATION_REQUESTED\"}")));
        adapter.cancel(flux(), "req-1");
        fal.verify(putRequestedFor(urlEqualTo("/fal-ai/flux/requests/req-1/cancel"))
                .withHeader("Authorization", equalTo("Key " + KEY)));

        fal.stubFor(
                put("/fal-ai/flux/requests/req-1/cancel").willReturn(json(400, "{\"status\":\"ALREADY_COMPLETED\"}")));
        adapter.cancel(flux(), "req-1");
    }

    private void stubCompleted() {
        fal.stubFor(get(urlPathEqualTo("/fal-ai/flux/requests/req-1/status"))
                .willReturn(json(200, "{\"status\":\"COMPLETED\",\"logs\":[]}")));
    }

    private void stubStatusSequence(ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            fal.stubFor(get(urlPathEqualTo("/fal-ai/flux/requests/req-1/status"))
                    .inScenario("status")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willSetStateTo("answer " + (i + 1))
                    .willReturn(answers[i]));
        }
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static ProviderException assertFailure(ThrowingCallable call, Kind kind) {
        ProviderException failure = catchThrowableOfType(ProviderException.class, call);
        assertThat(failure).as("a ProviderException").isNotNull();
        assertThat(failure.kind()).isEqualTo(kind);
        return failure;
    }

    private static ProviderRequest flux() {
        return flux(Map.of("prompt", "a cat"));
    }

    private static ProviderRequest flux(Map<String, Object> input) {
        return request(FLUX, KEY, input, List.of());
    }

    private static ProviderRequest request(
            String model, @Nullable String key, Map<String, Object> input, List<SourceImage> sources) {
        return new ProviderRequest(fal.baseUrl(), key, model, "text_to_image", input, sources, 1, null, true);
    }
}
