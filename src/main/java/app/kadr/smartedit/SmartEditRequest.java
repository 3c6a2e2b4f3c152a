package app.kadr.smartedit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A smart edit as asked: the plain request, another model if wanted, whether to keep the seed (default yes), and,
 * when the person corrected the preview by hand, the prompt (and negative prompt) to run as they are.
 */
public record SmartEditRequest(
        @Nullable String instruction,
        @Nullable UUID modelId,
        @Nullable Boolean keepSeed,
        @Nullable String prompt,
        @Nullable String negativePrompt) {}
