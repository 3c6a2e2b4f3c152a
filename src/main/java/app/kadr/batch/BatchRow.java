package app.kadr.batch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored batch: what was asked, which shots were left out, and whether it was cancelled or put away. */
record BatchRow(
        UUID id,
        UUID projectId,
        UUID modelId,
        String modelName,
        int variants,
        Map<String, Object> params,
        List<UUID> skippedShotIds,
        BigDecimal estimatedCost,
        Instant createdAt,
        @Nullable Instant cancelledAt,
        @Nullable Instant dismissedAt) {

    /** One generation the batch started, in the order of the storyboard at the start. */
    record Started(int position, UUID shotId, UUID generationId) {}
}
