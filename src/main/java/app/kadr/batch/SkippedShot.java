package app.kadr.batch;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A chosen shot the batch leaves out, and why: today only a shot without a description, which is the prompt. */
public record SkippedShot(UUID shotId, @Nullable Integer shotNumber, String reason) {

    static final String NO_DESCRIPTION = "no_description";
}
