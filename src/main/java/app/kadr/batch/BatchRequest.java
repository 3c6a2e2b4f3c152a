package app.kadr.batch;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A batch as asked for: which shots, which model, how many variants per shot and the model's parameters. A dry run
 * answers the price and the count and writes nothing.
 */
public record BatchRequest(
        @Nullable List<UUID> shotIds,
        @Nullable UUID modelId,
        @Nullable Integer count,
        @Nullable Map<String, Object> params,
        @Nullable Boolean dryRun) {

    boolean dry() {
        return Boolean.TRUE.equals(dryRun);
    }
}
