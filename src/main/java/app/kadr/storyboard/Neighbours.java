package app.kadr.storyboard;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The shots on either side of one in the storyboard; null at the ends. */
public record Neighbours(@Nullable UUID previous, @Nullable UUID next) {}
