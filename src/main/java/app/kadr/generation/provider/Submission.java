package app.kadr.generation.provider;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The provider's answer to a submit: its request id to poll, or (for synchronous providers) the results.
 *
 * @param providerRequestId the id to store and poll with; for synchronous answers, any id the provider gave
 * @param results the results when the provider answered at once, else empty
 * @param cost what the provider charged, where a synchronous answer says so
 * @param raw the provider's answer as text, for the owner's log (never containing the key)
 */
public record Submission(
        String providerRequestId,
        List<ProviderResult> results,
        @Nullable BigDecimal cost,
        @Nullable String raw) {

    /** A job the provider accepted, to be polled with its id. */
    public static Submission queued(String providerRequestId, @Nullable String raw) {
        return new Submission(providerRequestId, List.of(), null, raw);
    }

    public boolean finished() {
        return !results.isEmpty();
    }
}
