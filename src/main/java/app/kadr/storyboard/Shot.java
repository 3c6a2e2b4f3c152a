package app.kadr.storyboard;

import app.kadr.shared.Timecode;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A shot as the API and the pages show it; {@code number} is its 1-based place in the storyboard.
 * {@code durationMs} is its running time on the film: set by hand, or (when {@code durationAuto}) its video
 * headliner's length, else {@link #DEFAULT_DURATION_MS}.
 */
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
        long unreadCommentCount,
        long durationMs,
        boolean durationAuto) {

    public static final long DEFAULT_DURATION_MS = 3_000;
    public static final long MIN_DURATION_MS = 500;
    public static final long MAX_DURATION_MS = 600_000;

    /** The running time a shot gets from its headliner when nobody set one. */
    static long automaticDuration(@Nullable Headliner headliner) {
        return headliner == null ? DEFAULT_DURATION_MS : runningTime(null, headliner.kind(), headliner.durationMs());
    }

    /**
     * A shot's running time from its stored parts, for readers that have them as columns (a client's live view):
     * the length set by hand, else its video headliner's length, else {@link #DEFAULT_DURATION_MS}.
     */
    public static long runningTime(@Nullable Long setMs, @Nullable String headlinerKind, @Nullable Long headlinerMs) {
        if (setMs != null) {
            return setMs;
        }
        if ("video".equals(headlinerKind) && headlinerMs != null && headlinerMs > 0) {
            return headlinerMs;
        }
        return DEFAULT_DURATION_MS;
    }

    /** The same for a headliner known by its kind and length only (a client's link keeps no more of it). */
    public static long automaticDuration(boolean video, @Nullable Long videoMs) {
        return runningTime(null, video ? "video" : null, videoMs);
    }

    @JsonIgnore
    public String durationLabel() {
        return Timecode.seconds(durationMs);
    }

    @JsonIgnore
    public String statusLabelKey() {
        return ShotStatus.parse(status).labelKey();
    }
}
