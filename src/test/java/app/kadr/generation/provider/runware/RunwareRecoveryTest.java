package app.kadr.generation.provider.runware;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.ProviderResult;
import app.kadr.generation.provider.Submission;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Runware submit left in doubt is found again by the taskUUID the studio chose. The protocol, from Runware's own
 * documentation and SDK:
 *
 * <ul>
 * <li>https://runware.ai/docs/platform/task-polling — {@code [{"taskType":"getResponse","taskUUID":…}]} answers
 *     the task's items under its taskUUID with {@code status} {@code processing}, {@code success} or {@code error};
 * <li>Runware/sdk-python, {@code runware/base.py}, {@code _retry_with_reconnect}: a task sent again under the same
 *     taskUUID is refused with {@code conflictTaskUUID} when Runware already holds it, and the SDK then follows the
 *     held task with getResponse instead — so a second send can never make a second task.
 * </ul>
 */
class RunwareRecoveryTest {

    private static final String KEY = "rw-secret-key-789";
    private static final String TASK = "5d1c8f0e-3b4a-4c2d-9e8f-0a1b2c3d4e5f";
    private static final WireMockServer runware = new WireMockServer(options().dynamicPort());

    private final RunwareAdapter adapter = new RunwareAdapter(Duration.ofSeconds(5));

    @BeforeAll
    static void startRunware() {
        runware.start();
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
    void theTaskIsSentUnderTheTaskUUIDTheStudioChoseAndStored() throws Exception {
        runware.stubFor(task("videoInference")
                .willReturn(json(200, "{\"data\":[{\"taskType\":\"videoInference\",\"taskUUID\":\"" + TASK + "\"}]}")));

        Submission submission = adapter.submit(video(), TASK);

        assertThat(submission.providerRequestId()).isEqualTo(TASK);
        assertThat(submission.finished()).isFalse();
        runware.verify(
                postRequestedFor(urlEqualTo("/v1")).withRequestBody(matchingJsonPath("$[0].taskUUID", equalTo(TASK))));
        assertThat(adapter.newRequestId()).as("a fresh taskUUID is a UUID v4").matches("[0-9a-f-]{14}4[0-9a-f-]{21}");
    }

    @Test
    void aTaskRunwareHoldsIsFoundWithGetResponseAndFollowedFromThere() throws Exception {
        runware.stubFor(task("getResponse").willReturn(json(200, """
                {"data":[{"taskType":"videoInference","taskUUID":"%s","status":"processing"}]}""".formatted(TASK))));

        Optional<Poll> found = adapter.find(video(), TASK);

        assertThat(found).contains(new Poll.Waiting(true, null, null));
        runware.verify(postRequestedFor(urlEqualTo("/v1"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("[{\"taskType\":\"getResponse\",\"taskUUID\":\"" + TASK + "\"}]")));
    }

    @Test
    void aTaskRunwareFinishedMeanwhileIsFoundWithItsResult() throws Exception {
        runware.stubFor(task("getResponse").willReturn(json(200, """
                {"data":[{"taskType":"videoInference","taskUUID":"%s","status":"success",
                          "videoURL":"https://vm.runware.ai/video/v-9.mp4","seed":7,"cost":0.3}]}""".formatted(TASK))));

        Optional<Poll> found = adapter.find(video(), TASK);

        assertThat(found)
                .get()
                .isInstanceOfSatisfying(
                        Poll.Finished.class,
                        finished -> assertThat(finished.results())
                                .containsExactly(ProviderResult.at(
                                        URI.create("https://vm.runware.ai/video/v-9.mp4"), "video/mp4", 7L)));
    }

    @Test
    void aTaskRunwareDoesNotKnowIsNotFound() throws Exception {
        runware.stubFor(task("getResponse").willReturn(json(200, "{\"data\":[]}")));

        assertThat(adapter.find(video(), TASK)).isEmpty();
    }

    @Test
    void aTaskRunwareRefusesToLookUpIsNotFoundEither() throws Exception {
        // Runware does not document its answer for an unknown taskUUID; whatever error it gives, the submit made
        // again under the same taskUUID is safe, because Runware refuses it if it held the task after all.
        runware.stubFor(task("getResponse").willReturn(json(400, """
                {"errors":[{"code":"taskNotFound","message":"No task with this UUID","taskType":"getResponse",
                            "taskUUID":"%s"}]}""".formatted(TASK))));

        assertThat(adapter.find(video(), TASK)).isEmpty();
    }

    @Test
    void aSubmitMadeAgainUnderATaskUUIDRunwareAlreadyHoldsFollowsThatTaskInsteadOfMakingASecond() throws Exception {
        runware.stubFor(task("imageInference").willReturn(json(400, """
                {"errors":[{"code":"conflictTaskUUID","message":"Task UUID already used","parameter":"taskUUID",
                            "taskType":"imageInference","taskUUID":"%s"}]}""".formatted(TASK))));

        Submission submission = adapter.submit(picture(), TASK);

        assertThat(submission.providerRequestId()).isEqualTo(TASK);
        assertThat(submission.finished())
                .as("followed with getResponse, not failed as bad input")
                .isFalse();
    }

    @Test
    void aBadKeyOrABusyRunwareIsSaidAsSuchWhileLookingATaskUp() {
        runware.stubFor(task("getResponse").willReturn(json(401, """
                {"errors":[{"code":"invalidApiKey","message":"Invalid API key","taskType":"authentication"}]}""")));
        assertThat(failure(() -> adapter.find(video(), TASK)).kind()).isEqualTo(Kind.BAD_KEY);

        runware.stubFor(task("getResponse").willReturn(json(503, "<html>busy</html>")));
        assertThat(failure(() -> adapter.find(video(), TASK)).kind()).isEqualTo(Kind.BUSY);
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

    private static ProviderRequest video() {
        return new ProviderRequest(
                runware.baseUrl() + "/v1",
                KEY,
                "klingai:5@3",
                "text_to_video",
                Map.of("positivePrompt", "waves", "duration", 5),
                List.of(),
                1,
                null,
                true);
    }

    private static ProviderRequest picture() {
        return new ProviderRequest(
                runware.baseUrl() + "/v1",
                KEY,
                "runware:101@1",
                "text_to_image",
                Map.of("positivePrompt", "a cat", "outputFormat", "PNG"),
                List.of(),
                1,
                null,
                true);
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
