package app.kadr.generation.provider;

/**
 * Speaks one provider's protocol. A job is submitted once, then polled with the provider's own request id
 * (which the caller stores, so that after a restart polling resumes and nothing is submitted twice).
 * Providers that answer synchronously return {@link Submission} with results at once.
 *
 * <p>Adapters never retry, sleep or download result URLs themselves: the job runner does that, so that
 * retries, concurrency limits and the guard against internal addresses live in one place.
 */
public interface ProviderAdapter {

    /** The provider kind this adapter speaks for, e.g. {@code fal}. */
    String kind();

    Submission submit(ProviderRequest request) throws ProviderException;

    Poll poll(ProviderRequest request, String providerRequestId) throws ProviderException;

    /** Asks the provider to stop; a provider that cannot cancel simply lets the job run out. */
    void cancel(ProviderRequest request, String providerRequestId) throws ProviderException;

    /**
     * Whether the same request may be submitted again when the studio stopped before storing a submit's answer.
     * False by default: the provider may have accepted the first one, and a second would be billed twice.
     */
    default boolean resubmitsSafely() {
        return false;
    }
}
