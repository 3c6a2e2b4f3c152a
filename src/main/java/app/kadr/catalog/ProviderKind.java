package app.kadr.catalog;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The protocols Kadr speaks. Each kind is one provider row; its code is what the API and the database show. */
public enum ProviderKind {
    FAL("fal", "fal.ai", "https://queue.fal.run", "FAL_KEY", 4),
    RUNWARE("runware", "Runware", "https://api.runware.ai/v1", "RUNWARE_API_KEY", 4),
    STABILITY("stability", "Stability AI", "https://api.stability.ai/v2beta", "STABILITY_API_KEY", 4),
    OPENAI("openai", "OpenAI", "https://api.openai.com/v1", "OPENAI_API_KEY", 2),
    COMFYUI("comfyui", "ComfyUI", "http://127.0.0.1:8188", null, 1),
    LOCAL("local", "Кадр (без ИИ)", null, null, 2);

    private final String code;
    private final String displayName;
    private final @Nullable String defaultBaseUrl;
    private final @Nullable String keyVariable;
    private final int defaultConcurrency;

    ProviderKind(
            String code,
            String displayName,
            @Nullable String defaultBaseUrl,
            @Nullable String keyVariable,
            int defaultConcurrency) {
        this.code = code;
        this.displayName = displayName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyVariable = keyVariable;
        this.defaultConcurrency = defaultConcurrency;
    }

    public String code() {
        return code;
    }

    String displayName() {
        return displayName;
    }

    @Nullable
    String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The environment variable that may hold this provider's key, or null for kinds that need none. */
    @Nullable
    String keyVariable() {
        return keyVariable;
    }

    int defaultConcurrency() {
        return defaultConcurrency;
    }

    /** ComfyUI runs on the studio's own machine without auth and the local engine is Kadr itself. */
    public boolean needsKey() {
        return keyVariable != null;
    }

    /**
     * Whether a fresh studio starts with this provider on. A self-hosted ComfyUI is off until an admin has pointed it
     * at a server and checked that it answers: a default address where nothing runs left takes waiting in silence.
     */
    boolean seededEnabled() {
        return this != COMFYUI;
    }

    public static Optional<ProviderKind> of(@Nullable String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ProviderKind::code).toList());
    }
}
