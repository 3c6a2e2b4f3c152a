package app.kadr.smartedit;

import app.kadr.generation.Generation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A smart edit's result: the prompts before and after with their word diff, the parameter changes, the Russian
 * explanation, whether offline rules made it, and the new generation (none for a preview).
 */
public record SmartEdit(
        String originalPrompt,
        String rewrittenPrompt,
        @Nullable String negativePrompt,
        Map<String, Object> paramChanges,
        String explanation,
        boolean offline,
        List<WordDiff.Word> diff,
        @Nullable Generation generation) {}
