package app.kadr.generation.provider.comfyui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.Submission;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ComfyUI submit left in doubt is found again by the prompt id the studio chose. The protocol is ComfyUI's
 * server.py (comfyanonymous/ComfyUI): {@code POST /prompt} keeps a client's {@code prompt_id}
 * ({@code prompt_id = str(json_data.get("prompt_id", uuid.uuid4()))}) and answers it back; a finished prompt is
 * under its id in {@code GET /history/{prompt_id}}, a queued or running one in {@code GET /queue}
 * ({@code queue_running} / {@code queue_pending}, entries {@code [number, prompt_id, …]}).
 */
class ComfyUiRecoveryTest {

    private static final String PROMPT = "7f3e2d1c-0b9a-4876-9543-210fedcba987";
    private static final String WORKFLOW = """
            {"6": {"class_type": "CLIPTextEncode", "inputs": {"text": "$prompt"}},
             "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "kadr"}}}""";
    private static final String DONE = """
            {"%s": {"outputs": {"9": {"images": [{"filename": "kadr_00001_.png", "subfolder": "", "type": "output"}]}},
                    "status": {"status_str": "success", "completed": true, "messages": []}}}""".formatted(PROMPT);
    private static final WireMockServer comfy = new WireMockServer(options().dynamicPort());

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
    void thePromptIsQueuedUnderTheIdTheStudioChoseAndStored() throws Exception {
        comfy.stubFor(
                post("/prompt").willReturn(json("{\"prompt_id\":\"" + PROMPT + "\",\"number\":4,\"node_errors\":{}}")));

        Submission submission = adapter.submit(request(), PROMPT);

        assertThat(submission.providerRequestId()).isEqualTo(PROMPT);
        comfy.verify(postRequestedFor(urlEqualTo("/prompt"))
                .withRequestBody(matchingJsonPath("$.prompt_id", equalTo(PROMPT))));
    }

    @Test
    void aComfyTooOldToKeepTheIdIsFollowedUnderTheIdItChose() throws Exception {
        comfy.stubFor(post("/prompt").willReturn(json("{\"prompt_id\":\"its-own\",\"number\":4,\"node_errors\":{}}")));

        assertThat(adapter.submit(request(), PROMPT).providerRequestId()).isEqualTo("its-own");
    }

    @Test
    void aPromptThatRanMeanwhileIsFoundInTheHistoryWithItsResult() throws Exception {
        comfy.stubFor(get("/history/" + PROMPT).willReturn(json(DONE)));

        assertThat(adapter.find(request(), PROMPT)).get().isInstanceOf(Poll.Finished.class);
    }

    @Test
    void aPromptStillInTheQueueIsFoundWaiting() throws Exception {
        comfy.stubFor(get("/history/" + PROMPT).willReturn(json("{}")));
        comfy.stubFor(get("/queue")
                .willReturn(json("{\"queue_running\":[[1,\"other\",{},{},[]]],\"queue_pending\":[[2,\"" + PROMPT
                        + "\",{},{},[\"9\"]]]}")));

        assertThat(adapter.find(request(), PROMPT)).contains(new Poll.Waiting(false, null, null));
    }

    @Test
    void aPromptInNeitherTheHistoryNorTheQueueWasNeverReceived() throws Exception {
        comfy.stubFor(get("/history/" + PROMPT).willReturn(json("{}")));
        comfy.stubFor(get("/queue").willReturn(json("{\"queue_running\":[],\"queue_pending\":[]}")));

        assertThat(adapter.find(request(), PROMPT)).isEmpty();
    }

    private static ProviderRequest request() {
        return new ProviderRequest(
                comfy.baseUrl(), null, "sdxl", "text_to_image", Map.of("prompt", "маяк"), List.of(), 1, WORKFLOW, true);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
