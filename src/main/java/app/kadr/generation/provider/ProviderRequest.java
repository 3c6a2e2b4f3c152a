package app.kadr.generation.provider;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What to ask a provider for, already in the provider's own words.
 *
 * @param baseUrl the provider's configured base address (a fake's address in tests)
 * @param apiKey the decrypted key, or null for providers without one (local, ComfyUI)
 * @param externalId the model's id at the provider, e.g. {@code fal-ai/flux/dev} or {@code runware:101@1}
 * @param task the Kadr task, e.g. {@code text_to_image}, {@code image_to_video}
 * @param input the parameters mapped to the provider's field names, seed and prompt included
 * @param sources images the task starts from; the adapter passes them the way the provider accepts them
 * @param count how many variants one call should make, where the provider batches
 * @param workflow a stored workflow template (ComfyUI), or null
 * @param selfHosted the provider is marked «свой сервер»: its own host may be inside the network
 */
public record ProviderRequest(
        String baseUrl,
        @Nullable String apiKey,
        String externalId,
        String task,
        Map<String, Object> input,
        List<SourceImage> sources,
        int count,
        @Nullable String workflow,
        boolean selfHosted) {

    @Override
    public String toString() {
        // Never print the key.
        return "ProviderRequest[" + baseUrl + ", " + externalId + ", " + task + "]";
    }
}
