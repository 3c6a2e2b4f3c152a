package app.kadr.generation.provider.runware;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.ProviderResult;
import app.kadr.generation.provider.SourceImage;
import app.kadr.generation.provider.Submission;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunwareAdapterTest {

    private static final String KEY = "rw-secret-key-456";
    private static final String FLUX = "runware:101@1";
    private static final String KLING = "klingai:5@3";
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    /** Runware answers under the taskUUID we sent; WireMock copies it from the request. */
    private static final String FIRST_TASK = "{{jsonPath request.body '$[0].taskUUID'}}";

    private static final Duration SHORT_READ_TIMEOUT = Duration.ofSeconds(2);
    private static final WireMockServer runware = new WireMockServer(options().dynamicPort());

    private final RunwareAdapter adapter = new RunwareAdapter(SHORT_READ_TIMEOUT);

    @BeforeAll
    static void startRunware() {
        runware.start();
        // The first request of a JVM warms up both HTTP stacks; it must not eat the short read time-out.
        try {
            new RunwareAdapter().poll(picture(Map.of()), "warm-up");
        } catch (ProviderException expected) {
            // WireMock has no stub yet.
        }
    }

    @AfterAll
    static void stopRunware() {
        runware.stop();
    }

    @BeforeEach
    void forgetEverything() {
        runware.resetAll();
    }

    @Test
    void picturesArriveInTheAnswerToTheirSubmission() throws Exception {
        runware.stubFor(task("imageInference").willReturn(templated(200, """
                {"data":[
                  {"taskType":"imageInference","taskUUID":"%1$s","imageUUID":"i-1",
                   "imageURL":"https://im.runware.ai/image/i-1.png","seed":11,"NSFWContent":false,"cost":0.0013},
                  {"taskType":"imageInference","taskUUID":"%1$s","imageUUID":"i-2",
                   "imageURL":"https://im.runware.ai/image/i-2.png","seed":12,"NSFWContent":false,"cost":0.0013}]}""".formatted(FIRST_TASK))));
        ProviderRequest request = new ProviderRequest(
                runwareUrl(),
                KEY,
                FLUX,
                "text_to_image",
                Map.of(
                        "positivePrompt",
                        "a cat",
                        "width",
                        1024,
                        "height",
                        768,
                        "steps",
                        28,
                        "CFGScale",
                        3.5,
                        "outputFormat",
                        "PNG"),
                List.of(),
                2,
                null,
                true);

        Submission submission = adapter.submit(request);

        assertThat(submission.finished()).isTrue();
        assertThat(submission.providerRequestId()).matches(UUID_V4);
        assertThat(submission.results())
                .extracting(ProviderResult::url, ProviderResult::mimeType, ProviderResult::seed)
                .containsExactly(
                        tuple(URI.create("https://im.runware.ai/image/i-1.png"), "image/png", 11L),
                        tuple(URI.create("https://im.runware.ai/image/i-2.png"), "image/png", 12L));
        assertThat(submission.raw()).contains("i-1.png").doesNotContain(KEY);
        assertThat(submission.cost()).isEqualByComparingTo(new BigDecimal("0.0026"));
        runware.verify(
                1,
                postRequestedFor(urlEqualTo("/v1"))
                        .withHeader("Authorization", equalTo("Bearer " + KEY))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(matchingJsonPath("$[0].taskUUID", equalTo(submission.providerRequestId())))
                        .withRequestBody(equalToJson("""
                        [{"taskType":"imageInference","taskUUID":"${json-unit.any-string}","model":"runware:101@1",
                          "positivePrompt":"a cat","width":1024,"height":768,"steps":28,"CFGScale":3.5,
                          "outputFormat":"PNG","numberResults":2,"outputType":"URL","includeCost":true,
                          "checkNSFW":true}]""")));
    }

    @Test
    void aVideoIsAcceptedThenMadeThenArrivesWithItsCost() throws Exception {
        runware.stubFor(task("videoInference").willReturn(templated(200, """
                {"data":[{"taskType":"videoInference","taskUUID":"%s"}]}""".formatted(FIRST_TASK))));
        stubVideoProgress("{\"data\":[]}", """
                {"data":[{"taskType":"videoInference","taskUUID":"%s","status":"processing"}]}""", """
                {"data":[{"taskType":"videoInference","taskUUID":"%s","status":"success",
                          "videoUUID":"v-1","videoURL":"https://vm.runware.ai/video/v-1.mp4","seed":5,"cost":0.28}]}""");
        ProviderRequest request =
                video(Map.of("positivePrompt", "waves", "duration", 5, "width", 1920, "height", 1080), List.of());

        Submission submission = adapter.submit(request);
        String taskUUID = submission.providerRequestId();

        assertThat(submission.finished()).isFalse();
        runware.verify(postRequestedFor(urlEqualTo("/v1")).withRequestBody(equalToJson("""
                [{"taskType":"videoInference","taskUUID":"%s","model":"klingai:5@3","positivePrompt":"waves",
                  "duration":5,"width":1920,"height":1080,"deliveryMethod":"async","outputFormat":"MP4",
                  "includeCost":true}]""".formatted(taskUUID))));
        assertThat(adapter.poll(request, taskUUID)).isEqualTo(new Poll.Waiting(false, null, null));
        assertThat(adapter.poll(request, taskUUID)).isEqualTo(new Poll.Waiting(true, null, null));
        assertThat(adapter.poll(request, taskUUID)).isInstanceOfSatisfying(Poll.Finished.class, finished -> {
            assertThat(finished.results())
                    .containsExactly(
                            ProviderResult.at(URI.create("https://vm.runware.ai/video/v-1.mp4"), "video/mp4", 5L));
            assertThat(finished.cost()).isEqualByComparingTo(new BigDecimal("0.28"));
            assertThat(finished.raw()).doesNotContain(KEY);
        });
        runware.verify(
                3,
                postRequestedFor(urlEqualTo("/v1"))
                        .withHeader("Authorization", equalTo("Bearer " + KEY))
                        .withRequestBody(
                                equalToJson("[{\"taskType\":\"getResponse\",\"taskUUID\":\"" + taskUUID + "\"}]")));
    }

    @Test
    void sourceImagesAreUploadedFirstAndThenReferredToByTheirIds(@TempDir Path dir) throws Exception {
        byte[] photo = {1, 2, 3};
        Path photoFile = Files.write(dir.resolve("photo.png"), photo);
        Path maskFile = Files.write(dir.resolve("mask.png"), new byte[] {9});
        stubUploads();
        runware.stubFor(task("imageInference").willReturn(templated(200, """
                {"data":[{"taskType":"imageInference","taskUUID":"%s","imageURL":"https://im.runware.ai/x.jpg"}]}""".formatted(FIRST_TASK))));
        ProviderRequest request = new ProviderRequest(
                runwareUrl(),
                KEY,
                FLUX,
                "inpaint",
                Map.of("positivePrompt", "a hat", "strength", 0.8),
                List.of(
                        new SourceImage(photoFile, "image/png", "image"),
                        new SourceImage(maskFile, "image/png", "mask")),
                1,
                null,
                true);

        adapter.submit(request);

        runware.verify(postRequestedFor(urlEqualTo("/v1"))
                .withRequestBody(matchingJsonPath("$[0].taskType", equalTo("imageUpload")))
                .withRequestBody(matchingJsonPath("$[0].taskUUID", matching(UUID_V4)))
                .withRequestBody(matchingJsonPath(
                        "$[0].image",
                        equalTo("data:image/png;base64," + Base64.getEncoder().encodeToString(photo))))
                .withRequestBody(matchingJsonPath("$[1].taskType", equalTo("imageUpload"))));
        runware.verify(postRequestedFor(urlEqualTo("/v1"))
                .withRequestBody(matchingJsonPath("$[0].taskType", equalTo("imageInference")))
                .withRequestBody(matchingJsonPath("$[0].seedImage", equalTo("uploaded-0")))
                .withRequestBody(matchingJsonPath("$[0].maskImage", equalTo("uploaded-1"))));
    }

    /**
     * Elements' looks go as {@code referenceImages}, a list of images, in IImageInference of Runware/sdk-python
     * (runware/types.py); the SDK uploads each file first and sends its imageUUID (runware/base.py, _imageInference
     * through _process_media), as here.
     */
    @Test
    void referenceImagesAreUploadedAndListedInOrderInReferenceImages(@TempDir Path dir) throws Exception {
        Path anya = Files.write(dir.resolve("anya.png"), new byte[] {1});
        Path mayak = Files.write(dir.resolve("mayak.png"), new byte[] {2});
        stubUploads();
        runware.stubFor(task("imageInference").willReturn(templated(200, """
                {"data":[{"taskType":"imageInference","taskUUID":"%s","imageURL":"https://im.runware.ai/x.jpg"}]}""".formatted(FIRST_TASK))));
        ProviderRequest request = new ProviderRequest(
                runwareUrl(),
                KEY,
                "bfl:3@1",
                "text_to_image",
                Map.of(
                        "positivePrompt",
                        "Аня идёт по Маяк",
                        "referenceImages",
                        List.of("$source:ref1", "$source:ref2")),
                List.of(new SourceImage(anya, "image/png", "ref1"), new SourceImage(mayak, "image/png", "ref2")),
                1,
                null,
                true);

        adapter.submit(request);

        runware.verify(postRequestedFor(urlEqualTo("/v1"))
                .withRequestBody(matchingJsonPath("$[0].taskType", equalTo("imageInference")))
                .withRequestBody(matchingJsonPath("$[0].model", equalTo("bfl:3@1")))
                .withRequestBody(
                        matchingJsonPath("$[0].referenceImages", equalToJson("[\"uploaded-0\",\"uploaded-1\"]")))
                .withRequestBody(matchingJsonPath("$[0].seedImage", absent())));
    }

    @Test
    void aVideoStartsAndEndsOnTheUploadedFrames(@TempDir Path dir) throws Exception {
        Path start = Files.write(dir.resolve("start.jpg"), new byte[] {1});
        Path end = Files.write(dir.resolve("end.jpg"), new byte[] {2});
        stubUploads();
        runware.stubFor(task("videoInference").willReturn(templated(200, """
                {"data":[{"taskType":"videoInference","taskUUID":"%s"}]}""".formatted(FIRST_TASK))));

        adapter.submit(video(
                Map.of("positivePrompt", "a walk"),
                List.of(
                        new SourceImage(end, "image/jpeg", "end_image"),
                        new SourceImage(start, "image/jpeg", "image"))));

        runware.verify(postRequestedFor(urlEqualTo("/v1"))
                .withRequestBody(matchingJsonPath("$[0].taskType", equalTo("videoInference")))
                .withRequestBody(matchingJsonPath("$[0].frameImages", equalToJson("""
                        [{"inputImage":"uploaded-1","frame":"first"},{"inputImage":"uploaded-0","frame":"last"}]"""))));
    }

    @Test
    void aBusyProviderAsksUsToComeBackLater() {
        runware.stubFor(post("/v1")
                .willReturn(json(429, "{\"errors\":[{\"code\":\"tooManyRequests\"}]}")
                        .withHeader("Retry-After", "12")));

        ProviderException busy =
                assertFailure(() -> adapter.submit(picture(Map.of("positivePrompt", "a cat"))), Kind.BUSY);

        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void anOverloadedProviderIsBusyToo() {
        runware.stubFor(
                post("/v1").willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));
        assertFailure(() -> adapter.submit(picture(Map.of())), Kind.BUSY);

        runware.stubFor(post("/v1").willReturn(json(200, """
                {"errors":[{"code":"timeoutProvider","message":"The provider timed out","taskType":"imageInference"}]}""")));
        assertFailure(() -> adapter.submit(picture(Map.of())), Kind.BUSY);
    }

    @Test
    void anEmptyBalanceMeansNoCredits() {
        runware.stubFor(post("/v1").willReturn(json(402, "{\"errors\":[{\"code\":\"paymentRequired\"}]}")));
        assertFailure(() -> adapter.submit(picture(Map.of())), Kind.NO_CREDITS);

        runware.stubFor(post("/v1").willReturn(json(400, """
                {"errors":[{"code":"insufficientCredits","message":"Not enough credits"}]}""")));
        assertFailure(() -> adapter.submit(picture(Map.of())), Kind.NO_CREDITS);
    }

    @Test
    void picturesFlaggedAsUnsafeAreLeftOutAndAllFlaggedIsModeration() throws Exception {
        runware.stubFor(task("imageInference").willReturn(templated(200, """
                {"data":[{"taskType":"imageInference","taskUUID":"%1$s","imageURL":"https://im.runware.ai/a.jpg",
                          "NSFWContent":true},
                         {"taskType":"imageInference","taskUUID":"%1$s","imageURL":"https://im.runware.ai/b.jpg",
                          "NSFWContent":false}]}""".formatted(FIRST_TASK))));
        assertThat(adapter.submit(picture(Map.of())).results())
                .extracting(ProviderResult::url)
                .containsExactly(URI.create("https://im.runware.ai/b.jpg"));

        runware.stubFor(task("imageInference").willReturn(templated(200, """
                {"data":[{"taskType":"imageInference","taskUUID":"%s","imageURL":"https://im.runware.ai/a.jpg",
                          "NSFWContent":true}]}""".formatted(FIRST_TASK))));
        assertFailure(() -> adapter.submit(picture(Map.of())), Kind.MODERATION);
    }

    // Runware/sdk-python docs/text_to_image.md: checkNSFW "Enable NSFW content check", and NSFWContent in the answer
    // "Indicates if the image was flagged as NSFW (if checkNSFW was true)". contentPolicyViolation is Runware's error
    // code for a request the model's provider refuses on content policy (PROVIDERS.md, issue 11).

    @Test
    void everyPictureIsAskedToBeCheckedSoThatUnsafeOnesAreFlagged() throws Exception {
        runware.stubFor(task("imageInference").willReturn(templated(200, """
                {"data":[{"taskType":"imageInference","taskUUID":"%s","imageURL":"https://im.runware.ai/a.jpg",
                          "NSFWContent":false}]}""".formatted(FIRST_TASK))));

        adapter.submit(picture(Map.of()));

        runware.verify(postRequestedFor(urlEqualTo("/v1"))
                .withRequestBody(matchingJsonPath("$[0].checkNSFW", equalTo("true"))));
    }

    @Test
    void aContentPolicyViolationIsModerationLikeAnyOtherProvidersRefusal() {
        runware.stubFor(post("/v1").willReturn(json(400, """
                {"errors":[{"code":"contentPolicyViolation","message":"The request was rejected by the content policy.",
                            "parameter":"positivePrompt","taskType":"imageInference","taskUUID":"x"}]}""")));

        ProviderException refused = assertFailure(() -> adapter.submit(picture(Map.of())), Kind.MODERATION);

        assertThat(refused.kind().messageKey()).isEqualTo("provider.moderation");
        assertThat(refused.kind().retryable()).isFalse();
    }

    @Test
    void theWrongFieldIsNamed() {
        runware.stubFor(post("/v1").willReturn(json(400, """
                {"errors":[{"code":"invalidWidth","message":"Invalid value for width. Must be a multiple of 64.",
                            "parameter":"width","taskType":"imageInference","taskUUID":"x"}]}""")));

        ProviderException wrong = assertFailure(() -> adapter.submit(picture(Map.of("width", 1000))), Kind.BAD_INPUT);

        assertThat(wrong.field()).isEqualTo("width");
        assertThat(wrong.raw()).contains("multiple of 64");
    }

    @Test
    void aWrongKeyIsSaidSoWithoutRepeatingIt() {
        runware.stubFor(post("/v1").willReturn(json(200, """
                {"errors":[{"code":"invalidApiKey","message":"Invalid API key: %s"}]}""".formatted(KEY))));
        ProviderException refused = assertFailure(() -> adapter.submit(picture(Map.of())), Kind.BAD_KEY);
        assertThat(refused.raw()).contains("Invalid API key").doesNotContain(KEY);

        runware.stubFor(post("/v1").willReturn(json(401, "{}")));
        assertFailure(() -> adapter.submit(picture(Map.of())), Kind.BAD_KEY);
    }

    @Test
    void aVideoThatFailedAtTheProviderFails() {
        runware.stubFor(task("getResponse").willReturn(templated(200, """
                {"data":[{"taskType":"videoInference","taskUUID":"%s","status":"error"}],
                 "errors":[{"code":"providerError","message":"Generation failed"}]}""".formatted(FIRST_TASK))));

        assertFailure(
                () -> adapter.poll(video(Map.of(), List.of()), "00000000-0000-4000-8000-000000000000"), Kind.FAILED);
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeGaveNoAnswer() {
        runware.stubFor(post("/v1").willReturn(json(200, "{\"data\":[]}").withFixedDelay(4000)));

        assertFailure(() -> adapter.submit(picture(Map.of())), Kind.NO_ANSWER);
    }

    @Test
    void aProviderNobodyListensToIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProviderRequest request = new ProviderRequest(
                "http://localhost:" + closedPort + "/v1",
                KEY,
                FLUX,
                "text_to_image",
                Map.of(),
                List.of(),
                1,
                null,
                true);

        assertFailure(() -> adapter.submit(request), Kind.UNREACHABLE);
    }

    @Test
    void withoutAKeyNothingIsSent() {
        ProviderRequest noKey =
                new ProviderRequest(runwareUrl(), null, FLUX, "text_to_image", Map.of(), List.of(), 1, null, true);
        ProviderRequest blankKey =
                new ProviderRequest(runwareUrl(), "", KLING, "text_to_video", Map.of(), List.of(), 1, null, true);

        assertFailure(() -> adapter.submit(noKey), Kind.NO_KEY);
        assertFailure(() -> adapter.poll(blankKey, "00000000-0000-4000-8000-000000000000"), Kind.NO_KEY);
        runware.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aTaskRunwareIsNotAskedForHereIsRefusedWithoutACall() {
        ProviderRequest upscale =
                new ProviderRequest(runwareUrl(), KEY, FLUX, "upscale", Map.of(), List.of(), 1, null, true);

        assertFailure(() -> adapter.submit(upscale), Kind.FAILED);
        runware.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void cancellingSendsNothingBecauseRunwareCannotCancel() throws Exception {
        adapter.cancel(video(Map.of(), List.of()), "00000000-0000-4000-8000-000000000000");

        runware.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRestartedStudioFinishesWhatTheOldOneSubmittedWithoutSubmittingAgain() throws Exception {
        runware.stubFor(task("videoInference").willReturn(templated(200, """
                {"data":[{"taskType":"videoInference","taskUUID":"%s"}]}""".formatted(FIRST_TASK))));
        runware.stubFor(task("getResponse").willReturn(templated(200, """
                {"data":[{"taskType":"videoInference","taskUUID":"%s","status":"success",
                          "videoURL":"https://vm.runware.ai/video/v-9.mp4","cost":0.5}]}""".formatted(FIRST_TASK))));
        ProviderRequest request = video(Map.of("positivePrompt", "rain"), List.of());

        String stored = new RunwareAdapter(SHORT_READ_TIMEOUT).submit(request).providerRequestId();
        Poll afterRestart = new RunwareAdapter(SHORT_READ_TIMEOUT).poll(request, stored);

        assertThat(afterRestart)
                .isInstanceOfSatisfying(
                        Poll.Finished.class,
                        finished -> assertThat(finished.results())
                                .extracting(ProviderResult::url)
                                .containsExactly(URI.create("https://vm.runware.ai/video/v-9.mp4")));
        runware.verify(
                1,
                postRequestedFor(urlEqualTo("/v1"))
                        .withRequestBody(matchingJsonPath("$[0].taskType", equalTo("videoInference"))));
    }

    /** Each imageUpload task gets the imageUUID {@code uploaded-<its position in the array>}. */
    private void stubUploads() {
        runware.stubFor(task("imageUpload").willReturn(templated(200, """
                {"data":[{{#each (jsonPath request.body '$') as |task|}}{{#if @index}},{{/if}}
                  {"taskType":"imageUpload","taskUUID":"{{task.taskUUID}}","imageUUID":"uploaded-{{@index}}",
                   "imageURL":"https://im.runware.ai/uploads/{{@index}}.png"}{{/each}}]}""")));
    }

    private void stubVideoProgress(String... answers) {
        for (int i = 0; i < answers.length; i++) {
            runware.stubFor(task("getResponse")
                    .inScenario("video")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willSetStateTo("answer " + (i + 1))
                    .willReturn(templated(200, answers[i].formatted(FIRST_TASK))));
        }
    }

    private static MappingBuilder task(String taskType) {
        return post("/v1").withRequestBody(matchingJsonPath("$[0].taskType", equalTo(taskType)));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder templated(int status, String body) {
        return json(status, body).withTransformers("response-template");
    }

    private static ProviderException assertFailure(ThrowingCallable call, Kind kind) {
        ProviderException failure = catchThrowableOfType(ProviderException.class, call);
        assertThat(failure).as("a ProviderException").isNotNull();
        assertThat(failure.kind()).isEqualTo(kind);
        return failure;
    }

    private static String runwareUrl() {
        return runware.baseUrl() + "/v1";
    }

    private static ProviderRequest picture(Map<String, Object> input) {
        return new ProviderRequest(runwareUrl(), KEY, FLUX, "text_to_image", input, List.of(), 1, null, true);
    }

    private static ProviderRequest video(Map<String, Object> input, List<SourceImage> sources) {
        return new ProviderRequest(runwareUrl(), KEY, KLING, "image_to_video", input, sources, 1, null, true);
    }
}
