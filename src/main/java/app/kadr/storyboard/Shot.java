package app.kadr.storyboard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A shot as the API and the pages show it; {@code number} is its 1-based place in the storyboard. */
public record Shot(
        UUID id,
        UUID projectId,
        int number,
        String title,
        String description,
        String status,
        @Nullable Headliner headliner,
        long assetCount,
        long commentCount,
        long unreadCommentCount) {

    @JsonIgnore
    public String statusLabelKey() {
        return ShotStatus.parse(status).labelKey();
    }
}
