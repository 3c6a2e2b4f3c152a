package app.kadr.portrait;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A character's newest «Сгенерировать портрет»: its three views, each with its generation, where it stands and, once
 * it ended, what became of its take ({@code added} to the references; {@code full} when the character had as many
 * as it may; {@code already}; {@code gone} when the character or the take went to the trash; {@code failed} or
 * {@code cancelled} with the generation).
 */
public record PortraitRun(UUID elementId, @Nullable UUID shotId, List<View> views) {

    /** One view of the run. */
    public record View(
            String angle,
            String label,
            UUID generationId,
            String status,
            String statusLabel,
            @Nullable Double progress,
            @Nullable String outcome,
            @Nullable String outcomeLabel,
            @Nullable UUID assetId,
            @Nullable String thumbUrl) {

        public boolean added() {
            return "added".equals(outcome);
        }
    }

    @JsonProperty
    public List<UUID> generationIds() {
        return views.stream().map(View::generationId).toList();
    }

    /** Whether a view is still to end (the panel then keeps asking). */
    public boolean running() {
        return views.stream().anyMatch(v -> v.outcome() == null);
    }

    /** How many takes joined the references: when it grows, the page reloads them. */
    public long added() {
        return views.stream().filter(View::added).count();
    }
}
