package app.kadr.generation.provider;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where a submitted job stands at the provider. */
public sealed interface Poll {

    /**
     * Still queued or running.
     *
     * @param running false while queued
     * @param progress 0..1 where the provider reports it
     * @param message the provider's latest log line, if any
     */
    record Waiting(
            boolean running,
            @Nullable Double progress,
            @Nullable String message) implements Poll {}

    /**
     * Done: the results, the cost where the provider reports it, and its raw answer for the log.
     */
    record Finished(
            List<ProviderResult> results,
            @Nullable BigDecimal cost,
            @Nullable String raw) implements Poll {}
}
