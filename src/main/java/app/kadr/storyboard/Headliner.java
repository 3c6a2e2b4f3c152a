package app.kadr.storyboard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The face of a shot: a summary of the asset its owner chose. */
public record Headliner(
        UUID id,
        String kind,
        String mediaStatus,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Long durationMs,
        @Nullable String thumbhash,
        Map<String, String> urls) {

    @JsonIgnore
    public boolean isVideo() {
        return "video".equals(kind);
    }

    @JsonIgnore
    public boolean isReady() {
        return "ready".equals(mediaStatus);
    }
}
