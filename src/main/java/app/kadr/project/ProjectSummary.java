package app.kadr.project;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A project as its list shows it: counts and the cover, which is the first headliner in storyboard order; its
 * frame rate, picture shape and running time (the sum of its live shots' durations).
 */
public record ProjectSummary(
        UUID id,
        String name,
        String description,
        long shotCount,
        long assetCount,
        @Nullable Cover cover,
        Instant createdAt,
        Instant updatedAt,
        int fps,
        String aspectRatio,
        long runtimeMs) {

    public ProjectFormat format() {
        return new ProjectFormat(fps, aspectRatio);
    }

    public record Cover(
            UUID assetId,
            String kind,
            String thumbUrl,
            @Nullable String thumbhash) {}
}
