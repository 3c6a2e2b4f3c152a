package app.kadr.localengine;

import org.jspecify.annotations.Nullable;

/**
 * A procedural draft picture. The same prompt, negative prompt and seed always give the same bytes.
 *
 * @param prompt what the picture is about; a few words (night, sunset, forest, sea, snow…) steer its mood
 * @param negativePrompt words whose mood the picture must avoid
 */
public record DraftRequest(
        String prompt,
        long seed,
        int width,
        int height,
        @Nullable String negativePrompt) {

    public DraftRequest(String prompt, long seed, int width, int height) {
        this(prompt, seed, width, height, null);
    }
}
