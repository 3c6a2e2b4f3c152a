package app.kadr.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A smart-edit agent on a real port: an OpenAI-compatible chat completions server (WireMock) that answers what the
 * test tells it to. Its address goes into the agent settings as {@link #url()}.
 */
public final class FakeAgent implements AutoCloseable {

    public static final String COMPLETIONS = "/v1/chat/completions";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    public FakeAgent() {
        server.start();
    }

    /** The base address to set in the agent settings. */
    public String url() {
        return server.baseUrl() + "/v1";
    }

    /** From now on the agent answers with one choice whose message has this content. */
    public void answers(String content) {
        answers(okJson(JSON.writeValueAsString(
                Map.of("choices", List.of(Map.of("message", Map.of("content", content)))))));
    }

    /** From now on the agent answers with this status and no body. */
    public void answersStatus(int status) {
        answers(aResponse().withStatus(status));
    }

    public void verify(RequestPatternBuilder request) {
        server.verify(request);
    }

    private void answers(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(response));
    }

    @Override
    public void close() {
        server.stop();
    }
}
