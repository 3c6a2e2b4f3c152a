package app.kadr.script;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A shot of a proposal: its title, the description written for the prompt, its running time (none: the storyboard's
 * default), a camera note, and the @handles of the elements it features (existing ones or proposed new ones).
 */
public record ProposedShot(
        @Nullable String title,
        @Nullable String description,
        @Nullable Long durationMs,
        @Nullable String camera,
        @Nullable List<String> elements) {}
