package app.kadr.generation;

import static app.kadr.generation.FalStubs.falModel;
import static app.kadr.generation.FalStubs.pointFalAt;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An admin cannot point a provider or the agent inside the network (cloud metadata, loopback, private ranges, however
 * the address is spelled) or put credentials in the URL, unless the server is marked «свой сервер»; and a provider
 * whose address leads inside is never sent its key.
 */
@KadrTest
class OutboundAddressTests {

    private static final WireMockServer fake = new WireMockServer(options().dynamicPort());

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void start() {
        fake.start();
    }

    @AfterAll
    static void stop() {
        fake.stop();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data",
                "http://[fd00:ec2::254]/latest",
                "http://127.0.0.1:8080/v1",
                "http://localhost:8080/v1",
                "http://0x7f000001/v1",
                "http://2130706433/v1",
                "http://127.1/v1",
                "http://017700000001/v1",
                "http://[::ffff:127.0.0.1]/v1",
                "http://[::1]/v1",
                "http://10.0.0.5/v1",
                "http://172.16.3.4/v1",
                "http://192.168.1.1/v1",
                "http://0.0.0.0/v1",
                "https://user:pass@api.openai.com/v1"
            })
    void aProviderAddressInsideTheNetworkIsRefusedInRussian(String address) {
        Studio.Person admin = studio.newAdmin();
        String openai = providerId(admin, "openai");
        String before = provider(admin, "openai").path("baseUrl").asString();

        Api.Response refused = admin.api().patch("/api/v1/providers/" + openai, Map.of("baseUrl", address));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(refused.string("field")).isEqualTo("baseUrl");
        // 127.1 is not even a host name to Java's URL parser: refused as no address at all.
        assertThat(refused.string("detail")).containsAnyOf("внутреннюю сеть", "Логин и пароль", "Адрес провайдера");
        assertThat(provider(admin, "openai").path("baseUrl").asString()).isEqualTo(before);
    }

    @Test
    void aSelfHostedProviderMayLiveInsideTheNetworkButNeverTakesCredentialsInItsAddress() {
        Studio.Person admin = studio.newAdmin();
        String openai = providerId(admin, "openai");
        try {
            Api.Response local = admin.api()
                    .patch(
                            "/api/v1/providers/" + openai,
                            Map.of("baseUrl", "http://127.0.0.1:11434/v1", "selfHosted", true));
            Api.Response credentials = admin.api()
                    .patch("/api/v1/providers/" + openai, Map.of("baseUrl", "http://user:pass@127.0.0.1:11434/v1"));

            assertThat(local.status()).as(local.toString()).isEqualTo(200);
            assertThat(local.json().path("selfHosted").asBoolean()).isTrue();
            assertThat(credentials.status()).isEqualTo(400);
            assertThat(credentials.string("detail")).startsWith("Логин и пароль в адресе");
        } finally {
            admin.api()
                    .patch(
                            "/api/v1/providers/" + openai,
                            Map.of("baseUrl", "https://api.openai.com/v1", "selfHosted", false));
        }
    }

    @Test
    void theSeededComfyUiIsAServerOfOnesOwn() {
        assertThat(provider(studio.newAdmin(), "comfyui").path("selfHosted").asBoolean())
                .isTrue();
    }

    @Test
    void aProviderWhoseAddressLeadsInsideIsNeverSentItsKey() {
        Studio.Person admin = studio.newAdmin();
        JsonNode falAsItWas = provider(admin, "fal");
        pointFalAt(admin, fake, 4);
        // As a row saved before the guard existed, or edited around it: the address is checked again at the call.
        jdbc.sql("update providers set self_hosted = false where kind = 'fal'").update();
        try {
            String shot = studio.newShot(admin, studio.newProject(admin, "Метаданные"), "Шот");
            Api.Response started = admin.api()
                    .post(
                            "/api/v1/shots/" + shot + "/generations",
                            Map.of("modelId", falModel(admin, "fal-ai/flux/schnell"), "prompt", "маяк"));
            assertThat(started.status()).as(started.toString()).isEqualTo(202);

            JsonNode ended = studio.awaitGeneration(
                    admin, started.json().get(0).path("id").asString());

            assertThat(ended.path("status").asString()).isEqualTo("failed");
            assertThat(ended.path("error").path("message").asString()).contains("внутреннюю сеть");
            assertThat(fake.getAllServeEvents()).isEmpty();
        } finally {
            // Other tests of this studio see fal as it was: no key, its own address.
            Api.Response restored = admin.api()
                    .patch(
                            "/api/v1/providers/" + falAsItWas.path("id").asString(),
                            Map.of(
                                    "baseUrl",
                                    falAsItWas.path("baseUrl").asString(),
                                    "apiKey",
                                    "",
                                    "maxConcurrency",
                                    falAsItWas.path("maxConcurrency").asInt()));
            assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        }
    }

    @Test
    void theAgentCannotBePointedAtCloudMetadataUnlessItIsOnesOwnServer() {
        Studio.Person admin = studio.newAdmin();

        Api.Response metadata =
                admin.api().put("/api/v1/settings/agent", Map.of("baseUrl", "http://169.254.169.254/v1", "model", "m"));
        Api.Response own = admin.api()
                .put(
                        "/api/v1/settings/agent",
                        Map.of("baseUrl", "http://127.0.0.1:11434/v1", "model", "m", "selfHosted", true));
        admin.api().put("/api/v1/settings/agent", Map.of("baseUrl", ""));

        assertThat(metadata.status()).isEqualTo(400);
        assertThat(metadata.string("field")).isEqualTo("baseUrl");
        assertThat(metadata.string("detail")).contains("внутреннюю сеть");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("selfHosted").asBoolean()).isTrue();
    }

    private static JsonNode provider(Studio.Person admin, String kind) {
        for (JsonNode found : admin.api().get("/api/v1/providers").json().path("items")) {
            if (found.path("kind").asString().equals(kind)) {
                return found;
            }
        }
        throw new AssertionError("No provider " + kind);
    }

    private static String providerId(Studio.Person admin, String kind) {
        return provider(admin, kind).path("id").asString();
    }
}
