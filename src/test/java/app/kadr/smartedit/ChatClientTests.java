package app.kadr.smartedit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.kadr.shared.Problem;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The agent speaks the OpenAI chat completions protocol with a strict JSON-schema answer, and names each failure. */
class ChatClientTests {

    private static final String KEY = "sk-agent-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode SCHEMA =
            JSON.readTree(ChatClientTests.class.getResourceAsStream("/smartedit/rewrite-schema.json"));

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final ChatClient client = new ChatClient(JSON, Duration.ofMillis(1500));
    private ChatClient.Endpoint endpoint;

    @BeforeEach
    void pointAtTheFake() {
        endpoint = new ChatClient.Endpoint(server.baseUrl() + "/v1/", KEY, "gpt-test", true);
    }

    private JsonNode ask() throws AgentException {
        return client.structured(endpoint, "system rules", "Prompt: a bridge, 24mm", "prompt_rewrite", SCHEMA);
    }

    private static String completion(Map<String, Object> message, String finishReason) {
        return JSON.writeValueAsString(Map.of(
                "id", "chatcmpl-1",
                "object", "chat.completion",
                "choices", java.util.List.of(Map.of("index", 0, "message", message, "finish_reason", finishReason))));
    }

    private static void answer(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private AgentException.Kind failure() {
        return catchThrowableOfType(AgentException.class, this::ask).kind();
    }

    @Test
    void aStructuredAnswerIsReadAndTheRequestAsksForTheStrictSchema() throws AgentException {
        String content = """
                {"prompt":"a bridge, 35mm","negativePrompt":null,\
                "paramChanges":[{"name":"aspectRatio","value":"9:16"}],"explanation":"Объектив 24 мм заменён на 35 мм"}""";
        answer(json(completion(Map.of("role", "assistant", "content", content), "stop")));

        JsonNode result = ask();

        assertThat(result.path("prompt").asString()).isEqualTo("a bridge, 35mm");
        assertThat(result.path("paramChanges").path(0).path("value").asString()).isEqualTo("9:16");
        assertThat(result.path("explanation").asString()).startsWith("Объектив");
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-test")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                .withRequestBody(
                        matchingJsonPath("$.response_format.json_schema.schema.required[0]", equalTo("prompt")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("Prompt: a bridge, 24mm"))));
    }

    @Test
    void aRefusalIsARefusal() {
        answer(json(completion(Map.of("role", "assistant", "refusal", "I can't help with that."), "stop")));

        assertThat(failure()).isEqualTo(AgentException.Kind.REFUSED);
    }

    @Test
    void aContentFilterIsARefusalToo() {
        answer(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"content_policy_violation\",\"message\":\"no\"}}"));

        assertThat(failure()).isEqualTo(AgentException.Kind.REFUSED);
    }

    @Test
    void tooManyRequestsMeansBusy() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "20").withBody("{\"error\":{}}"));

        AgentException.Kind kind = failure();

        assertThat(kind).isEqualTo(AgentException.Kind.BUSY);
        assertThat(kind.problem.status().value()).isEqualTo(429);
    }

    @Test
    void aServerErrorIsABadGateway() {
        answer(aResponse().withStatus(503).withBody("upstream down"));

        AgentException.Kind kind = failure();

        assertThat(kind).isEqualTo(AgentException.Kind.FAILED);
        assertThat(kind.problem).isEqualTo(Problem.AGENT_UNAVAILABLE);
        assertThat(kind.problem.status().value()).isEqualTo(502);
    }

    @Test
    void aWrongKeyIsToldApart() {
        answer(aResponse().withStatus(401).withBody("{\"error\":{\"code\":\"invalid_api_key\"}}"));

        assertThat(failure()).isEqualTo(AgentException.Kind.AUTH);
    }

    @Test
    void contentThatIsNotJsonIsMalformed() {
        answer(json(completion(Map.of("role", "assistant", "content", "Sure! Here is the prompt: a bridge"), "stop")));

        assertThat(failure()).isEqualTo(AgentException.Kind.MALFORMED);
    }

    @Test
    void jsonThatBreaksTheSchemaIsMalformed() {
        answer(json(completion(Map.of("role", "assistant", "content", "{\"prompt\":42}"), "stop")));

        assertThat(failure()).isEqualTo(AgentException.Kind.MALFORMED);
    }

    @Test
    void aBodyThatIsNotAChatCompletionIsMalformed() {
        answer(json("<html>proxy error</html>"));

        assertThat(failure()).isEqualTo(AgentException.Kind.MALFORMED);
    }

    @Test
    void aSlowAnswerTimesOut() {
        answer(json(completion(Map.of("role", "assistant", "content", "{}"), "stop"))
                .withFixedDelay(4000));

        AgentException.Kind kind = failure();

        assertThat(kind).isEqualTo(AgentException.Kind.TIMEOUT);
        assertThat(kind.problem.status().value()).isEqualTo(504);
    }

    @Test
    void anAddressNobodyListensOnIsUnreachable() {
        endpoint = new ChatClient.Endpoint("http://127.0.0.1:1/v1", KEY, "gpt-test", true);

        assertThat(failure()).isEqualTo(AgentException.Kind.UNREACHABLE);
    }
}
