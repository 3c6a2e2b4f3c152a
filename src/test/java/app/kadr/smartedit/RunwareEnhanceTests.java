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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/** Without an AI agent, Runware's promptEnhance task gives the improved variants. */
class RunwareEnhanceTests {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final RunwareEnhance runware =
            new RunwareEnhance(JsonMapper.builder().build(), Duration.ofSeconds(2));

    @Test
    void theVariantsAreTheTextsOfTheTaskResults() throws AgentException {
        server.stubFor(post(urlEqualTo("/v1"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                {"data":[{"taskType":"promptEnhance","taskUUID":"a","text":"a lone man on a stone bridge, dawn mist"},
                         {"taskType":"promptEnhance","taskUUID":"a","text":"a man crossing a bridge, cinematic light"}]}""")));

        var variants = runware.enhance(server.baseUrl() + "/v1", true, "rw-key", "a man on a bridge", 3);

        assertThat(variants)
                .containsExactly("a lone man on a stone bridge, dawn mist", "a man crossing a bridge, cinematic light");
        server.verify(postRequestedFor(urlEqualTo("/v1"))
                .withHeader("Authorization", equalTo("Bearer rw-key"))
                .withRequestBody(matchingJsonPath("$[0].taskType", equalTo("promptEnhance")))
                .withRequestBody(matchingJsonPath("$[0].promptVersions", equalTo("3")))
                .withRequestBody(matchingJsonPath("$[0].prompt", equalTo("a man on a bridge"))));
    }

    @Test
    void anAddressInsideTheNetworkIsNeverSentTheKeyUnlessItIsOnesOwnServer() {
        for (String inside : new String[] {
            server.baseUrl() + "/v1",
            "http://localhost:" + server.getPort() + "/v1",
            "http://0x7f000001:" + server.getPort() + "/v1",
            "http://169.254.169.254/v1"
        }) {
            AgentException refused =
                    catchThrowableOfType(AgentException.class, () -> runware.enhance(inside, false, "rw-key", "x", 3));

            assertThat(refused).as(inside).isNotNull();
            assertThat(refused.kind()).as(inside).isEqualTo(AgentException.Kind.FORBIDDEN_ADDRESS);
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void runwaresErrorsAndBusyAnswersAreNamed() {
        server.stubFor(
                post(urlEqualTo("/v1")).willReturn(aResponse().withStatus(400).withBody("""
                {"errors":[{"code":"invalidPrompt","message":"bad"}]}""")));
        assertThat(catchThrowableOfType(
                                AgentException.class,
                                () -> runware.enhance(server.baseUrl() + "/v1", true, "k", "x", 3))
                        .kind())
                .isEqualTo(AgentException.Kind.REJECTED);

        server.stubFor(post(urlEqualTo("/v1")).willReturn(aResponse().withStatus(429)));
        assertThat(catchThrowableOfType(
                                AgentException.class,
                                () -> runware.enhance(server.baseUrl() + "/v1", true, "k", "x", 3))
                        .kind())
                .isEqualTo(AgentException.Kind.BUSY);
    }
}
