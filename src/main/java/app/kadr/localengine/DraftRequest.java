package app.kadr.localengine;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A procedural draft picture. The same prompt, negative prompt, seed and references always give the same bytes.
 *
 * @param prompt what the picture is about; a few words (night, sunset, forest, sea, snow…) steer its mood
 * @param negativePrompt words whose mood the picture must avoid
 * @param references the elements' reference images, pinned into the sketch as a row of cards (who and what is in
 *     the shot), as a storyboard artist pins the cast next to a frame
 */
public record DraftRequest(
        String prompt,
        long seed,
        int width,
        int height,
        @Nullable String negativePrompt,
        List<Path> references) {

    public DraftRequest {
        references = List.copyOf(references);
    }

    public DraftRequest(String prompt, long seed, int width, int height, @Nullable String negativePrompt) {
        this(prompt, seed, width, height, negativePrompt, List.of());
    }

    public DraftRequest(String prompt, long seed, int width, int height) {
        this(prompt, seed, width, height, null);
    }
}
