package app.kadr.project;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A project as its list shows it: counts and the cover, which is the first headliner in storyboard order. */
public record ProjectSummary(
        UUID id,
        String name,
        String description,
        long shotCount,
        long assetCount,
        @Nullable Cover cover,
        Instant createdAt,
        Instant updatedAt) {

    public record Cover(
            UUID assetId,
            String kind,
            String thumbUrl,
            @Nullable String thumbhash) {}
}
