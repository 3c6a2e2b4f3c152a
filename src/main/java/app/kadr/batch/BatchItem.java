package app.kadr.batch;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One generation of a batch.
 *
 * @param id the generation, or null in a dry run
 * @param shotNumber the shot's place in the storyboard now, or null once the shot is in the trash
 * @param status the generation's status, or {@code planned} in a dry run
 */
public record BatchItem(
        @Nullable UUID id, UUID shotId, @Nullable Integer shotNumber, String status) {

    static final String PLANNED = "planned";
}
