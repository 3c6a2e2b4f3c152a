package app.kadr.generation;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.catalog.Provider;
import app.kadr.catalog.ProviderKind;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A finished result's address may be inside the network only for a provider marked «свой сервер», and only on that
 * provider's own host; a cloud provider's answer (or one forged in its name) cannot make the studio fetch from
 * loopback or the cloud's metadata service, whatever host the provider itself is at.
 */
class ResultAddressPolicyTest {

    @Test
    void aCloudProviderGetsNoInternalHost() {
        assertThat(GenerationResults.privateHostAllowed(provider("https://queue.fal.run", false)))
                .isNull();
        assertThat(GenerationResults.privateHostAllowed(provider("http://127.0.0.1:9000", false)))
                .isNull();
    }

    @Test
    void aServerOfOnesOwnGetsItsOwnHost() {
        assertThat(GenerationResults.privateHostAllowed(provider("http://192.168.1.20:8188/", true)))
                .isEqualTo("192.168.1.20");
        assertThat(GenerationResults.privateHostAllowed(provider("http://[::1]:8188", true)))
                .isEqualTo("::1");
        assertThat(GenerationResults.privateHostAllowed(provider(null, true))).isNull();
    }

    private static Provider provider(@Nullable String baseUrl, boolean selfHosted) {
        return new Provider(
                UUID.randomUUID(), ProviderKind.COMFYUI, "ComfyUI", baseUrl, true, 1, false, selfHosted, null);
    }
}
