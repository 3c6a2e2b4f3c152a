package app.kadr.batch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A batch as its owner sees it: what it ran, how far it got and what it left out.
 *
 * @param shots how many shots the batch generates for
 * @param count variants per shot
 * @param status {@code running} while any generation waits or runs, then {@code cancelled} or {@code done}
 */
public record Batch(
        UUID id,
        UUID projectId,
        UUID modelId,
        String modelName,
        int shots,
        int count,
        Map<String, Object> params,
        String status,
        String statusLabel,
        BigDecimal estimatedCost,
        BatchProgress progress,
        List<BatchItem> generations,
        List<SkippedShot> skipped,
        Instant createdAt,
        @Nullable Instant cancelledAt) {

    public boolean running() {
        return !progress.finished();
    }
}
