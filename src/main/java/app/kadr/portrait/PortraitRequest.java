package app.kadr.portrait;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * «Сгенерировать портрет», all optional: the text-to-image model (else the one the generation bar would offer first:
 * a cloud model with its key set, or the offline engine) and the shot whose feed the takes land in (else the first
 * shot featuring the character, else the storyboard's first).
 */
public record PortraitRequest(
        @Nullable UUID modelId, @Nullable UUID shotId) {

    static PortraitRequest defaults() {
        return new PortraitRequest(null, null);
    }
}
