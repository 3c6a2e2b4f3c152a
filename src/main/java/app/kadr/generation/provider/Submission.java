package app.kadr.generation.provider;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The provider's answer to a submit: its request id to poll, or (for synchronous providers) the results.
 *
 * @param providerRequestId the id to store and poll with; for synchronous answers, any id the provider gave
 * @param results the results when the provider answered at once, else empty
 * @param raw the provider's answer as text, for the owner's log (never containing the key)
 */
public record Submission(
        String providerRequestId,
        List<ProviderResult> results,
        @Nullable String raw) {

    public boolean finished() {
        return !results.isEmpty();
    }
}
