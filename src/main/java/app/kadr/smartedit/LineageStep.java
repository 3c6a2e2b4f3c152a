package app.kadr.smartedit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One take in a lineage: the asset, the request that made it from the previous take (none for the first), its
 * prompt with the diff against the previous prompt, model and seed.
 */
public record LineageStep(
        UUID assetId,
        @Nullable UUID generationId,
        @Nullable String instruction,
        String prompt,
        List<WordDiff.Word> diff,
        @Nullable String modelName,
        @Nullable Long seed,
        @Nullable String thumbUrl,
        Instant createdAt) {}
