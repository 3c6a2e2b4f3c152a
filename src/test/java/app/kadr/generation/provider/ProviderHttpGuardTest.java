package app.kadr.generation.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.ResourceAccessException;

/**
 * Every adapter's client is guarded at the connection itself: a provider not marked «свой сервер» cannot be reached
 * inside the network however its address is spelled, even if the name was public when the address was saved.
 */
class ProviderHttpGuardTest {

    @RegisterExtension
    static final WireMockExtension provider = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void aCloudProviderPointedInsideIsNotConnectedTo() {
        provider.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[]}")));
        for (String base : new String[] {
            provider.baseUrl(), "http://localhost:" + provider.getPort(), "http://0x7f000001:" + provider.getPort()
        }) {
            ResourceAccessException failure = catchThrowableOfType(
                    ResourceAccessException.class,
                    () -> ProviderHttp.client(base, Duration.ofSeconds(5), false)
                            .get()
                            .uri("/v1/models")
                            .retrieve()
                            .toBodilessEntity());

            assertThat(failure).as(base).isNotNull();
            assertThat(ProviderHttp.networkFailure(failure).kind())
                    .as(base)
                    .isEqualTo(ProviderException.Kind.FORBIDDEN_ADDRESS);
        }
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    @Test
    void aServerOfOnesOwnIsCalled() {
        provider.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[]}")));

        int status = ProviderHttp.client("http://localhost:" + provider.getPort(), Duration.ofSeconds(5), true)
                .get()
                .uri("/v1/models")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();

        assertThat(status).isEqualTo(200);
    }
}
