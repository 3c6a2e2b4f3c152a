package app.kadr.generation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A generation as stored: what was asked, of whom, and how far it got.
 *
 * @param submitRequestId the id the studio chose for its submit, where the provider takes one (see
 *     {@code NamedRequests}); kept while the submit is in doubt so it can be looked up
 * @param sent the input in the provider's words as stored at the submit; polls and cancels use it instead of
 *     rebuilding the request (null for a generation not yet submitted)
 */
record GenerationRow(
        UUID id,
        UUID shotId,
        UUID modelId,
        UUID providerId,
        Map<String, Object> modelSnapshot,
        String task,
        String prompt,
        @Nullable String negativePrompt,
        Map<String, Object> params,
        long seed,
        int variants,
        List<UUID> sourceAssetIds,
        @Nullable UUID parentAssetId,
        @Nullable String editInstruction,
        GenerationStatus status,
        @Nullable Double progress,
        @Nullable String progressMessage,
        @Nullable String errorCode,
        @Nullable String errorField,
        @Nullable String providerRequestId,
        int attempts,
        boolean cancelRequested,
        @Nullable BigDecimal costEstimate,
        @Nullable BigDecimal cost,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Instant submitStartedAt,
        @Nullable String submitRequestId,
        @Nullable Map<String, Object> sent) {

    boolean submitted() {
        return providerRequestId != null;
    }

    /**
     * A submit was sent but its answer never stored: the studio stopped in between, so the provider may hold (and
     * bill) the job without us knowing its request id.
     */
    boolean submitInDoubt() {
        return providerRequestId == null && submitStartedAt != null;
    }
}
