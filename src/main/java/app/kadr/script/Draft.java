package app.kadr.script;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One shot as a reading of the script found it, before its names are matched to the element library: {@code names}
 * are what the text called its cast (Fountain character cues, @mentions, the CSV's elements column).
 */
record Draft(String title, String description, @Nullable Long durationMs, String camera, List<String> names) {}
