package app.kadr.generation.provider;

import java.util.Optional;

/**
 * A provider that takes a request id chosen by the client (Runware's {@code taskUUID}, ComfyUI's {@code prompt_id}).
 * The runner chooses the id and stores it with its submit marker before the provider hears of the request, so a
 * submit left in doubt (the studio stopped mid-submit, or the submit got no answer) is looked up by that id instead
 * of being given up: found, it is polled like any other; never accepted, it is submitted again under the same id.
 */
public interface NamedRequests {

    /** A fresh id in the form the provider accepts. */
    String newRequestId();

    /**
     * Submits the request under the given id. A provider that says it already holds that id has accepted it before:
     * the answer is then a queued submission to poll, never a second job.
     */
    Submission submit(ProviderRequest request, String requestId) throws ProviderException;

    /**
     * Where a request submitted under the given id stands, or empty when the provider has no such request (it was
     * never accepted, so submitting it again costs nothing twice).
     */
    Optional<Poll> find(ProviderRequest request, String requestId) throws ProviderException;
}
