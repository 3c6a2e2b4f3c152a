package app.kadr.smartedit;

import app.kadr.catalog.SecretBox;
import app.kadr.shared.Rows;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the agent is: what an admin set in the UI, else {@code KADR_LLM_BASE_URL}, {@code KADR_LLM_API_KEY} and
 * {@code KADR_LLM_MODEL}. With a key but no address, OpenAI itself is meant. No agent at all means offline rules.
 */
@Component
class AgentSettings {

    static final String OPENAI = "https://api.openai.com/v1";
    static final String DEFAULT_MODEL = "gpt-4o-mini";
    private static final String CONTEXT = "llm";

    /** What the settings page shows: never the key itself. */
    record View(
            String baseUrl,
            String model,
            boolean hasKey,
            boolean fromEnvironment,
            boolean configured,
            boolean selfHosted) {}

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final String envBaseUrl;
    private final String envKey;
    private final String envModel;

    AgentSettings(
            JdbcClient jdbc,
            SecretBox secrets,
            @Value("${kadr.llm.base-url:${KADR_LLM_BASE_URL:}}") String envBaseUrl,
            @Value("${kadr.llm.api-key:${KADR_LLM_API_KEY:}}") String envKey,
            @Value("${kadr.llm.model:${KADR_LLM_MODEL:}}") String envModel) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.envBaseUrl = envBaseUrl.strip();
        this.envKey = envKey.strip();
        this.envModel = envModel.strip();
    }

    private record Stored(
            String baseUrl, String model, @Nullable String sealedKey, boolean selfHosted) {}

    Optional<ChatClient.Endpoint> endpoint() {
        Optional<Stored> stored = stored();
        if (stored.isPresent()) {
            Stored s = stored.get();
            String key = s.sealedKey() == null ? "" : secrets.open(s.sealedKey(), CONTEXT);
            return Optional.of(new ChatClient.Endpoint(s.baseUrl(), key, s.model(), s.selfHosted()));
        }
        if (envBaseUrl.isEmpty() && envKey.isEmpty()) {
            return Optional.empty();
        }
        // An address from the environment was set by whoever runs the studio, not through the UI: trusted as is.
        return Optional.of(new ChatClient.Endpoint(
                envBaseUrl.isEmpty() ? OPENAI : envBaseUrl,
                envKey,
                envModel.isEmpty() ? DEFAULT_MODEL : envModel,
                true));
    }

    View view() {
        return stored().map(s -> new View(s.baseUrl(), s.model(), s.sealedKey() != null, false, true, s.selfHosted()))
                .orElseGet(() -> endpoint()
                        .map(e -> new View(e.baseUrl(), e.model(), !e.apiKey().isEmpty(), true, true, true))
                        .orElse(new View("", "", false, false, false, false)));
    }

    /** Saves the agent; a blank key keeps the stored one unless {@code clearKey}; a blank address removes it. */
    void save(String baseUrl, String model, @Nullable String newKey, boolean clearKey, boolean selfHosted, String by) {
        if (baseUrl.isBlank()) {
            jdbc.sql("delete from llm_settings").update();
            return;
        }
        String sealed = clearKey
                ? null
                : newKey != null && !newKey.isBlank()
                        ? secrets.seal(newKey.strip(), CONTEXT)
                        : stored().map(Stored::sealedKey).orElse(null);
        jdbc.sql("delete from llm_settings").update();
        jdbc.sql("""
                        insert into llm_settings (id, base_url, model, api_key_sealed, self_hosted, updated_at,
                          updated_by)
                        values (1, ?, ?, ?, ?, ?, ?)""")
                .params(
                        baseUrl.strip(),
                        model.isBlank() ? DEFAULT_MODEL : model.strip(),
                        sealed,
                        selfHosted,
                        Rows.ts(Rows.now()),
                        by)
                .update();
    }

    private Optional<Stored> stored() {
        return jdbc.sql("select base_url, model, api_key_sealed, self_hosted from llm_settings where id = 1")
                .query((rs, n) -> new Stored(
                        rs.getString("base_url"),
                        rs.getString("model"),
                        rs.getString("api_key_sealed"),
                        rs.getBoolean("self_hosted")))
                .optional();
    }
}
