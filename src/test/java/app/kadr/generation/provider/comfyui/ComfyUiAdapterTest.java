package app.kadr.generation.provider.comfyui;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.and;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import app.kadr.generation.provider.SourceImage;
import app.kadr.generation.provider.Submission;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The adapter against a fake ComfyUI speaking the protocol of ComfyUI's server.py (comfyanonymous/ComfyUI):
 * {@code POST /prompt} with the API-format graph (a refused graph answers 400 with {@code node_errors}),
 * {@code POST /upload/image} for source images, {@code GET /history/{prompt_id}} for a finished prompt's outputs,
 * {@code GET /queue} while it waits or runs, {@code GET /view} for the saved files, and {@code POST /queue}
 * ({@code delete}) with {@code POST /interrupt} to cancel.
 */
class ComfyUiAdapterTest {

    private static final String TEXT_TO_IMAGE = """
            {
              "3": {"class_type": "KSampler",
                    "inputs": {"seed": "$seed", "steps": 20, "model": ["4", 0], "positive": ["6", 0],
                               "negative": ["7", 0], "latent_image": ["5", 0]}},
              "5": {"class_type": "EmptyLatentImage", "inputs": {"width": "$width", "height": "$height"}},
              "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "$prompt", "clip": ["4", 1]}},
              "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "$negative_prompt", "clip": ["4", 1]}},
              "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "kadr $5", "images": ["8", 0]}}
            }""";

    private static final String IMAGE_TO_IMAGE = """
            {
              "10": {"class_type": "LoadImage", "inputs": {"image": "$image"}},
              "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "$prompt"}}
            }""";

    private static final String DONE = """
            {"p-1": {
              "outputs": {
                "9": {"images": [{"filename": "kadr 00001_.png", "subfolder": "shots", "type": "output"}]},
                "12": {"images": [{"filename": "preview.png", "subfolder": "", "type": "temp"}]},
                "20": {"gifs": [{"filename": "clip_00001.mp4", "subfolder": "", "type": "output",
                                 "format": "video/h264-mp4"}]}
              },
              "status": {"status_str": "success", "completed": true, "messages": []}
            }}""";

    private static final String EMPTY_QUEUE = "{\"queue_running\":[],\"queue_pending\":[]}";

    // The JDK client offers an h2c upgrade on plain HTTP, which WireMock's Jetty accepts and then cancels for
    // a streamed (multipart) body; ComfyUI's own server (aiohttp) ignores the offer and stays on HTTP/1.1.
    private static final WireMockServer comfy =
            new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));

    @TempDir
    Path files;

    private final ComfyUiAdapter adapter = new ComfyUiAdapter(Duration.ofSeconds(5));

    @BeforeAll
    static void start() {
        comfy.start();
    }

    @AfterAll
    static void stop() {
        comfy.stop();
    }

    @BeforeEach
    void reset() {
        comfy.resetAll();
    }

    @Test
    void springMakesItTheAdapterForComfyui() {
        try (var context = new AnnotationConfigApplicationContext(ComfyUiAdapter.class)) {
            assertThat(context.getBean(ProviderAdapter.class).kind()).isEqualTo("comfyui");
        }
    }

    @Test
    void fillsTheWorkflowTemplateKeepingNumbersNumbersAndQueuesItWithoutAKey() throws Exception {
        comfy.stubFor(post("/prompt").willReturn(okJson("{\"prompt_id\":\"p-1\",\"number\":3,\"node_errors\":{}}")));

        Submission submission = adapter.submit(textToImage());

        assertThat(submission.providerRequestId()).isEqualTo("p-1");
        assertThat(submission.finished()).isFalse();
        comfy.verify(
                exactly(1),
                postRequestedFor(urlEqualTo("/prompt"))
                        .withHeader("Content-Type", containing("application/json"))
                        .withoutHeader("Authorization")
                        .withRequestBody(equalToJson("""
                                {"client_id": "${json-unit.any-string}", "prompt_id": "${json-unit.any-string}",
                                 "prompt": {
                                  "3": {"class_type": "KSampler",
                                        "inputs": {"seed": 1234, "steps": 20, "model": ["4", 0],
                                                   "positive": ["6", 0], "negative": ["7", 0],
                                                   "latent_image": ["5", 0]}},
                                  "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 832, "height": 1216}},
                                  "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "кот за $5", "clip": ["4", 1]}},
                                  "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "blurry", "clip": ["4", 1]}},
                                  "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "kadr $5", "images": ["8", 0]}}
                                 }}""")));
    }

    @Test
    void anOptionalPlaceholderWithoutAValueBecomesEmptyAndAMissingRequiredOneIsNamed() throws Exception {
        comfy.stubFor(post("/prompt").willReturn(okJson("{\"prompt_id\":\"p-2\",\"number\":1,\"node_errors\":{}}")));
        String workflow = """
                {"6": {"class_type": "CLIPTextEncode", "inputs": {"text": "$prompt"}},
                 "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "$negative_prompt?"}}}""";

        adapter.submit(request(workflow, Map.of("prompt", "маяк"), List.of()));
        ProviderException missing = failure(() -> adapter.submit(request(workflow, Map.of(), List.of())));

        comfy.verify(postRequestedFor(urlEqualTo("/prompt")).withRequestBody(equalToJson("""
                {"client_id": "${json-unit.any-string}", "prompt_id": "${json-unit.any-string}",
                 "prompt": {"6": {"class_type": "CLIPTextEncode", "inputs": {"text": "маяк"}},
                            "7": {"class_type": "CLIPTextEncode", "inputs": {"text": ""}}}}""")));
        assertThat(missing.kind()).isEqualTo(Kind.BAD_INPUT);
        assertThat(missing.field()).isEqualTo("prompt");
    }

    @Test
    void theSourceImageIsUploadedFirstAndItsNameGoesIntoTheWorkflow() throws Exception {
        byte[] photo = {1, 2, 3};
        comfy.stubFor(post("/upload/image")
                .willReturn(okJson("{\"name\":\"photo (1).png\",\"subfolder\":\"kadr\",\"type\":\"input\"}")));
        comfy.stubFor(post("/prompt").willReturn(okJson("{\"prompt_id\":\"p-2\",\"number\":1,\"node_errors\":{}}")));
        SourceImage source = new SourceImage(Files.write(files.resolve("photo.png"), photo), "image/png", "image");

        adapter.submit(request(IMAGE_TO_IMAGE, Map.of("prompt", "in winter"), List.of(source)));

        comfy.verify(postRequestedFor(urlEqualTo("/upload/image"))
                .withRequestBodyPart(aMultipart("image")
                        // A second Content-Disposition pattern would replace the name check, so both go in one.
                        .withHeader(
                                "Content-Disposition",
                                and(containing("name=\"image\""), containing("filename=\"photo.png\"")))
                        .withHeader("Content-Type", equalTo("image/png"))
                        .withBody(binaryEqualTo(photo))
                        .build()));
        comfy.verify(postRequestedFor(urlEqualTo("/prompt")).withRequestBody(equalToJson("""
                        {"client_id": "${json-unit.any-string}", "prompt_id": "${json-unit.any-string}",
                         "prompt": {"10": {"class_type": "LoadImage", "inputs": {"image": "kadr/photo (1).png"}},
                                    "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "in winter"}}}}""")));
    }

    /**
     * A graph loads the elements' references at {@code $ref1…$refN}; each is uploaded once through
     * {@code /upload/image} (ComfyUI server.py) and a graph with more slots than references gets them again in turn.
     */
    @Test
    void referencesFillTheRefSlotsInOrderAndRepeatWhenTheGraphHasMoreSlots() throws Exception {
        comfy.stubFor(post("/upload/image")
                .withMultipartRequestBody(aMultipart("image").withHeader("Content-Disposition", containing("anya.png")))
                .willReturn(okJson("{\"name\":\"anya.png\",\"subfolder\":\"\",\"type\":\"input\"}")));
        comfy.stubFor(post("/upload/image")
                .withMultipartRequestBody(
                        aMultipart("image").withHeader("Content-Disposition", containing("mayak.png")))
                .willReturn(okJson("{\"name\":\"mayak.png\",\"subfolder\":\"\",\"type\":\"input\"}")));
        comfy.stubFor(post("/prompt").willReturn(okJson("{\"prompt_id\":\"p-3\",\"number\":1,\"node_errors\":{}}")));
        String threeSlots = """
                {
                  "11": {"class_type": "LoadImage", "inputs": {"image": "$ref1"}},
                  "12": {"class_type": "LoadImage", "inputs": {"image": "$ref2"}},
                  "13": {"class_type": "LoadImage", "inputs": {"image": "$ref3"}},
                  "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "$prompt"}}
                }""";
        List<SourceImage> references = List.of(
                new SourceImage(Files.write(files.resolve("anya.png"), new byte[] {1}), "image/png", "ref1"),
                new SourceImage(Files.write(files.resolve("mayak.png"), new byte[] {2}), "image/png", "ref2"));

        adapter.submit(request(threeSlots, Map.of("prompt", "Аня у Маяк"), references));

        comfy.verify(2, postRequestedFor(urlEqualTo("/upload/image")));
        comfy.verify(postRequestedFor(urlEqualTo("/prompt")).withRequestBody(equalToJson("""
                        {"client_id": "${json-unit.any-string}", "prompt_id": "${json-unit.any-string}",
                         "prompt": {"11": {"class_type": "LoadImage", "inputs": {"image": "anya.png"}},
                                    "12": {"class_type": "LoadImage", "inputs": {"image": "mayak.png"}},
                                    "13": {"class_type": "LoadImage", "inputs": {"image": "anya.png"}},
                                    "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "Аня у Маяк"}}}}""")));
    }

    @Test
    void aPlaceholderWithoutAValueIsBadInputNamingItAndNothingIsSent() {
        ProviderException failure =
                failure(() -> adapter.submit(request(TEXT_TO_IMAGE, Map.of("prompt", "x"), List.of())));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_INPUT);
        assertThat(failure.field()).isEqualTo("seed");
        comfy.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void aModelWithoutAWorkflowIsBadInput() {
        ProviderRequest noWorkflow =
                new ProviderRequest(baseUrl(), null, "sdxl", "text_to_image", Map.of(), List.of(), 1, null, true);

        ProviderException failure = failure(() -> adapter.submit(noWorkflow));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_INPUT);
        assertThat(failure.field()).isEqualTo("workflow");
    }

    @Test
    void anInvalidGraphIsBadInputNamingTheFirstNodeErrorsInput() {
        comfy.stubFor(post("/prompt")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error": {"type": "prompt_outputs_failed_validation",
                                           "message": "Prompt outputs failed validation", "details": ""},
                                 "node_errors": {"4": {"errors": [{"type": "value_not_in_list",
                                     "message": "Value not in list", "details": "ckpt_name: 'x' not in []",
                                     "extra_info": {"input_name": "ckpt_name"}}],
                                   "dependent_outputs": ["9"], "class_type": "CheckpointLoaderSimple"}}}""")));

        ProviderException failure = failure(() -> adapter.submit(textToImage()));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_INPUT);
        assertThat(failure.field()).isEqualTo("ckpt_name");
        assertThat(failure.raw()).contains("Value not in list");
    }

    @Test
    void aGraphWithoutNodeErrorsIsBadInputNamingTheWorkflow() {
        comfy.stubFor(post("/prompt")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"error\":{\"type\":\"prompt_no_outputs\",\"message\":\"Prompt has no outputs\"},"
                                + "\"node_errors\":[]}")));

        ProviderException failure = failure(() -> adapter.submit(textToImage()));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_INPUT);
        assertThat(failure.field()).isEqualTo("workflow");
    }

    @Test
    void whileTheHistoryIsEmptyTheQueueTellsRunningFromQueued() throws Exception {
        comfy.stubFor(get("/history/p-1").willReturn(okJson("{}")));
        comfy.stubFor(get("/queue")
                .inScenario("queue")
                .willReturn(okJson("{\"queue_running\":[[1,\"other\",{},{},[]]],"
                        + "\"queue_pending\":[[2,\"p-1\",{},{},[\"9\"]]]}"))
                .willSetStateTo("running"));
        comfy.stubFor(get("/queue")
                .inScenario("queue")
                .whenScenarioStateIs("running")
                .willReturn(okJson("{\"queue_running\":[[2,\"p-1\",{},{},[\"9\"]]],\"queue_pending\":[]}")));

        Poll queued = adapter.poll(textToImage(), "p-1");
        Poll running = adapter.poll(textToImage(), "p-1");

        assertThat(queued).isEqualTo(new Poll.Waiting(false, null, null));
        assertThat(running).isEqualTo(new Poll.Waiting(true, null, null));
    }

    @Test
    void aFinishedPromptGivesViewAddressesForItsSavedImagesAndVideosButNotPreviews() throws Exception {
        comfy.stubFor(get("/history/p-1").willReturn(okJson(DONE)));

        Poll poll = adapter.poll(textToImage(), "p-1");

        assertThat(poll).isInstanceOfSatisfying(Poll.Finished.class, finished -> {
            assertThat(finished.results()).hasSize(2);
            assertThat(finished.results().get(0).url())
                    .isEqualTo(URI.create(baseUrl() + "/view?filename=kadr+00001_.png&subfolder=shots&type=output"));
            assertThat(finished.results().get(0).mimeType()).isEqualTo("image/png");
            assertThat(finished.results().get(0).seed()).isEqualTo(1234L);
            assertThat(finished.results().get(1).url())
                    .isEqualTo(URI.create(baseUrl() + "/view?filename=clip_00001.mp4&subfolder=&type=output"));
            assertThat(finished.results().get(1).mimeType()).isEqualTo("video/mp4");
            assertThat(finished.results())
                    .allSatisfy(result -> assertThat(result.bytes()).isNull());
        });
    }

    @Test
    void anExecutionErrorFailsWithComfysMessageForTheLog() {
        comfy.stubFor(get("/history/p-1").willReturn(okJson("""
                {"p-1": {"outputs": {},
                  "status": {"status_str": "error", "completed": false,
                    "messages": [["execution_start", {"prompt_id": "p-1"}],
                                 ["execution_error", {"prompt_id": "p-1", "node_id": "3", "node_type": "KSampler",
                                   "exception_message": "CUDA out of memory"}]]}}}""")));

        ProviderException failure = failure(() -> adapter.poll(textToImage(), "p-1"));

        assertThat(failure.kind()).isEqualTo(Kind.FAILED);
        assertThat(failure.raw()).contains("CUDA out of memory").contains("KSampler");
    }

    @Test
    void aPromptComfyNoLongerKnowsFailsInsteadOfWaitingForever() {
        comfy.stubFor(get("/history/p-9").willReturn(okJson("{}")));
        comfy.stubFor(get("/queue").willReturn(okJson(EMPTY_QUEUE)));

        ProviderException failure = failure(() -> adapter.poll(textToImage(), "p-9"));

        assertThat(failure.kind()).isEqualTo(Kind.FAILED);
        assertThat(failure.raw()).contains("p-9");
    }

    @Test
    void afterARestartANewInstancePollsTheStoredPromptIdAndNothingIsQueuedTwice() throws Exception {
        comfy.stubFor(post("/prompt").willReturn(okJson("{\"prompt_id\":\"p-1\",\"number\":3,\"node_errors\":{}}")));
        comfy.stubFor(get("/history/p-1").willReturn(okJson(DONE)));

        String storedId =
                new ComfyUiAdapter(Duration.ofSeconds(5)).submit(textToImage()).providerRequestId();
        Poll afterRestart = new ComfyUiAdapter(Duration.ofSeconds(5)).poll(textToImage(), storedId);

        assertThat(afterRestart).isInstanceOf(Poll.Finished.class);
        comfy.verify(exactly(1), postRequestedFor(urlEqualTo("/prompt")));
    }

    @Test
    void cancellingTakesThePromptOffTheQueueAndInterruptsItOnlyIfItRuns() throws Exception {
        comfy.stubFor(post("/queue").willReturn(aResponse().withStatus(200)));
        comfy.stubFor(post("/interrupt").willReturn(aResponse().withStatus(200)));
        comfy.stubFor(
                get("/queue").willReturn(okJson("{\"queue_running\":[[2,\"p-1\",{},{},[]]],\"queue_pending\":[]}")));

        adapter.cancel(textToImage(), "p-1");
        adapter.cancel(textToImage(), "p-other");

        comfy.verify(
                exactly(1),
                postRequestedFor(urlEqualTo("/queue")).withRequestBody(equalToJson("{\"delete\":[\"p-1\"]}")));
        comfy.verify(
                exactly(1),
                postRequestedFor(urlEqualTo("/interrupt")).withRequestBody(equalToJson("{\"prompt_id\":\"p-1\"}")));
    }

    @Test
    void aComfyThatRefusesConnectionsIsBusySoTheJobRetries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProviderRequest restarting = new ProviderRequest(
                "http://127.0.0.1:" + closedPort,
                null,
                "sdxl",
                "text_to_image",
                values(),
                List.of(),
                1,
                TEXT_TO_IMAGE,
                true);

        ProviderException failure = failure(() -> adapter.submit(restarting));

        assertThat(failure.kind()).isEqualTo(Kind.BUSY);
        assertThat(failure.kind().retryable()).isTrue();
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsNoAnswer() {
        comfy.stubFor(get("/history/p-1").willReturn(okJson(DONE).withFixedDelay(2000)));

        ProviderException failure =
                failure(() -> new ComfyUiAdapter(Duration.ofMillis(200)).poll(textToImage(), "p-1"));

        assertThat(failure.kind()).isEqualTo(Kind.NO_ANSWER);
    }

    private static Map<String, Object> values() {
        return Map.of("prompt", "кот за $5", "negative_prompt", "blurry", "seed", 1234L, "width", 832, "height", 1216);
    }

    private static ProviderRequest textToImage() {
        return request(TEXT_TO_IMAGE, values(), List.of());
    }

    private static ProviderRequest request(String workflow, Map<String, Object> input, List<SourceImage> sources) {
        return new ProviderRequest(baseUrl(), null, "sdxl", "text_to_image", input, sources, 1, workflow, true);
    }

    private static String baseUrl() {
        return comfy.baseUrl();
    }

    private static ResponseDefinitionBuilder okJson(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
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
