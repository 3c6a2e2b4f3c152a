package app.kadr.batch;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a batch request: what it starts (or, in a dry run, would start) and its estimated price.
 *
 * @param id the batch, or null in a dry run
 * @param shots how many shots get generations
 * @param takes how many takes those generations make in all
 * @param textOnlyShots in a dry run, how many shots mention elements with reference images the model cannot take
 */
public record BatchPlan(
        @Nullable UUID id,
        boolean dryRun,
        String modelName,
        BigDecimal estimatedCost,
        int shots,
        int takes,
        List<BatchItem> generations,
        List<SkippedShot> skipped,
        int textOnlyShots) {}
