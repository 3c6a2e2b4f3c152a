package app.kadr.sharing;

import app.kadr.shared.KadrException;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where in a shot's picture a comment points: a time in its video and a drawing over it, with the picture they
 * belong to. Both are optional; a comment without them is about the shot as a whole.
 */
record Moment(
        @Nullable Long timecodeMs,
        @Nullable Annotation annotation,
        @Nullable UUID assetId,
        @Nullable String assetKind) {

    static final Moment NONE = new Moment(null, null, null, null);

    /** A video of unknown length is still not longer than this. */
    private static final long LONGEST = Duration.ofHours(24).toMillis();

    /** Checks a time and a drawing against the picture the comment is written over ({@code media}, maybe none). */
    static Moment of(
            @Nullable Long timecodeMs, Annotation.@Nullable Draft draft, ClientStoryboard.@Nullable Files media) {
        Annotation annotation = Annotation.of(draft);
        if (timecodeMs == null && annotation == null) {
            return NONE;
        }
        if (media == null) {
            throw KadrException.invalid(annotation == null ? "timecodeMs" : "annotation", "moment.no_picture");
        }
        if (timecodeMs != null) {
            if (!"video".equals(media.kind())) {
                throw KadrException.invalid("timecodeMs", "moment.timecode.not_video");
            }
            long end = media.durationMs() == null ? LONGEST : media.durationMs();
            if (timecodeMs < 0 || timecodeMs > end) {
                throw KadrException.invalid("timecodeMs", "moment.timecode.outside");
            }
        }
        return new Moment(timecodeMs, annotation, media.assetId(), media.kind());
    }
}
