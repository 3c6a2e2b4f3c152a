package app.kadr.smartedit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A rewritten prompt: the new prompt and negative prompt, parameter changes the request implies (by Kadr's field
 * names, e.g. {@code aspectRatio}), a one-line Russian explanation, and whether offline rules made it (no AI).
 */
public record Rewrite(
        String prompt,
        @Nullable String negativePrompt,
        Map<String, Object> paramChanges,
        String explanation,
        boolean offline) {

    public Rewrite {
        paramChanges = Map.copyOf(paramChanges);
    }
}
