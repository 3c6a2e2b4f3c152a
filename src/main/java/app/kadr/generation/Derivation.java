package app.kadr.generation;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How a new take differs from the asset it is derived from: the prompt and negative prompt to use, another model
 * ({@code null}: the same), parameter changes by Kadr's names, the seed ({@code seed} if given, else the parent's
 * when {@code keepSeed}, else a new one), and the request that led to it, kept in the lineage.
 */
public record Derivation(
        String prompt,
        @Nullable String negativePrompt,
        @Nullable UUID modelId,
        Map<String, Object> paramChanges,
        boolean keepSeed,
        @Nullable Long seed,
        @Nullable String instruction) {

    public Derivation {
        paramChanges = Map.copyOf(paramChanges);
    }
}
