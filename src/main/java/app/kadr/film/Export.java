package app.kadr.film;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A file made from a whole project, as the API and the export menu show it.
 *
 * @param kind {@code animatic} (an MP4) or {@code handoff} (a ZIP for the edit)
 * @param status {@code queued}, {@code running}, {@code done} or {@code failed}
 * @param progress 0–100
 * @param failure why it failed, in the owner's words, when it did
 */
public record Export(
        UUID id,
        UUID projectId,
        String kind,
        String status,
        int progress,
        int resolution,
        boolean burnIn,
        @Nullable UUID audioAssetId,
        @Nullable Long bytes,
        @Nullable String failure,
        Instant createdAt,
        @Nullable Instant finishedAt) {

    public static final String ANIMATIC = "animatic";
    public static final String HANDOFF = "handoff";

    public boolean isDone() {
        return "done".equals(status);
    }

    public boolean isActive() {
        return "queued".equals(status) || "running".equals(status);
    }

    /** The name of the downloaded file. */
    String fileName(String projectName) {
        return HandoffNames.safe(projectName) + (ANIMATIC.equals(kind) ? "_animatic.mp4" : "_handoff.zip");
    }
}
