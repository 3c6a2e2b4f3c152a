package app.kadr.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@KadrTest
@Import(CatalogFixtures.class)
class ProviderKeyTests {

    @Autowired
    CatalogFixtures fixtures;

    @Autowired
    Catalog catalog;

    @Test
    void aKeyIsStoredEncryptedAndNeverAnswered() {
        Studio.Person admin = fixtures.newAdmin();
        String runware = fixtures.providerId("runware");
        String key = "rw-" + UUID.randomUUID();

        Api.Response patched =
                admin.api().patch("/api/v1/providers/" + runware, Map.of("apiKey", key, "maxConcurrency", 3));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("hasKey").asBoolean()).isTrue();
        assertThat(patched.json().path("maxConcurrency").asInt()).isEqualTo(3);

        String stored = fixtures.storedKey(runware);
        assertThat(stored).startsWith("v1:").doesNotContain(key);
        Provider provider = catalog.provider(UUID.fromString(runware)).orElseThrow();
        assertThat(catalog.requireApiKey(provider)).isEqualTo(key);
        assertThat(provider.toString()).doesNotContain(key);

        for (Api.Response answer : new Api.Response[] {
            patched,
            admin.api().get("/api/v1/providers"),
            admin.api().get("/api/v1/models?provider=runware&all=true"),
            admin.api().patch("/api/v1/providers/" + runware, Map.of("enabled", true))
        }) {
            assertThat(answer.text()).doesNotContain(key).doesNotContain(stored);
        }

        Api.Response unchanged =
                admin.api().patch("/api/v1/providers/" + runware, Map.of("baseUrl", "https://api.runware.ai/v1/"));
        assertThat(unchanged.json().path("hasKey").asBoolean()).isTrue();
        assertThat(unchanged.string("baseUrl")).isEqualTo("https://api.runware.ai/v1");
        assertThat(fixtures.storedKey(runware)).isEqualTo(stored);

        Api.Response removed = admin.api().patch("/api/v1/providers/" + runware, Map.of("apiKey", ""));
        assertThat(removed.json().path("hasKey").asBoolean()).isFalse();
        assertThat(fixtures.storedKey(runware)).isNull();
    }

    @Test
    void aProviderWithoutAKeyIsRefusedInRussian() {
        Provider stability = catalog.provider(UUID.fromString(fixtures.providerId("stability")))
                .orElseThrow();
        assertThat(stability.hasKey()).isFalse();
        assertThat(stability.ready()).isFalse();
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                app.kadr.shared.KadrException.class, () -> catalog.requireApiKey(stability));
        assertThat(RussianMessages.of(refused)).startsWith("Не задан ключ API провайдера «Stability AI»");
    }

    @Test
    void providerSettingsAreChecked() {
        Studio.Person admin = fixtures.newAdmin();
        String openai = fixtures.providerId("openai");
        Api.Response badUrl = admin.api().patch("/api/v1/providers/" + openai, Map.of("baseUrl", "ftp://x"));
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.string("field")).isEqualTo("baseUrl");
        Api.Response badConcurrency = admin.api().patch("/api/v1/providers/" + openai, Map.of("maxConcurrency", 0));
        assertThat(badConcurrency.string("field")).isEqualTo("maxConcurrency");
        Api.Response localKey =
                admin.api().patch("/api/v1/providers/" + fixtures.providerId("local"), Map.of("apiKey", "x"));
        assertThat(localKey.status()).isEqualTo(400);
        assertThat(admin.api()
                        .patch("/api/v1/providers/" + UUID.randomUUID(), Map.of())
                        .status())
                .isEqualTo(404);
    }
}
