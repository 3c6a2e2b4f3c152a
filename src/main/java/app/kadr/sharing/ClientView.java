package app.kadr.sharing;

import app.kadr.shared.Timecode;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything a client sees through a link, and nothing more: texts the owner wrote for the film, and
 * addresses of re-encoded pictures. No prompts, seeds, models, file names or asset ids can reach it, because
 * these types have no place for them.
 */
public record ClientView(Project project, @Nullable Release release, List<ClientShot> shots, boolean allowComments) {

    /** The project's frame rate counts the frames of a comment's timecode. */
    public record Project(String name, String description, int fps) {}

    /**
     * The published version a link shows, and the titles of the shots it no longer has since the version before.
     */
    public record Release(int number, Instant publishedAt, List<String> removed) {

        /** The day it was published, as «12 декабря». */
        @JsonIgnore
        public String day() {
            return PublishedVersion.DAY.format(publishedAt);
        }
    }

    /** {@code durationMs}: the shot's running time on the film; null in versions published before it was kept. */
    public record ClientShot(
            UUID id,
            int number,
            String title,
            String description,
            @Nullable Long durationMs,
            @Nullable Media headliner,
            List<ClientComment> comments,
            @Nullable String change,
            @Nullable Review review) {

        /** Shots of a published version are marked against the version before it. */
        public static final String NEW = "new";

        public static final String CHANGED = "changed";

        /** «3 с», «4,5 с». */
        @JsonIgnore
        public @Nullable String durationLabel() {
            return durationMs == null ? null : Timecode.seconds(durationMs);
        }
    }

    /**
     * A headliner's pictures. {@code reviewUrl} is its full-quality rendition (a video with sound at up to 1080p, a
     * still at up to 2560 px) once made; {@code review} says where that stands: {@code ready}, {@code preparing} or
     * {@code failed}.
     */
    public record Media(
            String kind,
            @Nullable Integer width,
            @Nullable Integer height,
            String thumbUrl,
            String previewUrl,
            @Nullable String hoverUrl,
            @Nullable String reviewUrl,
            String review,
            @Nullable Long durationMs) {

        public static final String READY = "ready";
        public static final String PREPARING = "preparing";
        public static final String FAILED = "failed";

        public boolean isVideo() {
            return "video".equals(kind);
        }

        /**
         * What the client's large view (and the film player) shows: the rendition with its sound for a video, or
         * null while it is not there (the page then says «готовится» over the preview, never a silent stand-in); the
         * 2560 px still for a picture, or its preview until then.
         */
        @JsonProperty("largeUrl")
        public @Nullable String largeUrl() {
            if (reviewUrl != null) {
                return reviewUrl;
            }
            return isVideo() ? null : previewUrl;
        }

        /** A video whose full-quality file is still being made. */
        @JsonIgnore
        public boolean isPreparing() {
            return isVideo() && reviewUrl == null && PREPARING.equals(review);
        }

        /**
         * The video the film player plays for this shot: the full-quality rendition with its sound, or the hover
         * clip while the rendition is being made, so that the film plays through instead of stopping at the shot.
         */
        @JsonIgnore
        public @Nullable String videoUrl() {
            if (!isVideo()) {
                return null;
            }
            return reviewUrl != null ? reviewUrl : hoverUrl;
        }
    }

    /**
     * A comment as the client sees it: a moment in the video ({@code timecodeMs}, shown as {@code timecode}) and a
     * drawing over the picture when it has them, and the replies of its thread ({@code byOwner} marks the author's).
     */
    public record ClientComment(
            UUID id,
            String authorName,
            String text,
            Instant createdAt,
            @Nullable String reply,
            @Nullable Instant repliedAt,
            boolean byOwner,

            @Schema(description = "Момент видео в миллисекундах от начала") @Nullable
            Long timecodeMs,

            @Schema(description = "Тот же момент как таймкод при fps проекта", example = "00:00:03:12") @Nullable
            String timecode,

            @Schema(description = "Рисунок поверх кадра") @Nullable
            Annotation annotation,

            @Schema(description = "Ответы в ветке, старые первыми")
            List<ClientComment> replies) {}

    /**
     * What the client may answer on a shot of a published version (none on a live link): their approval, and the
     * candidates to choose among with their pick. Candidates are named by opaque refs, never by asset or file.
     */
    public record Review(
            boolean open,
            @Nullable Approval approval,
            List<Candidate> candidates,
            @Nullable Pick pick) {}

    /** {@code decision} is {@code approved} or {@code changes}. */
    public record Approval(
            @Schema(allowableValues = {"approved", "changes"})
            String decision,

            @Nullable String comment) {

        @JsonIgnore
        public boolean isApproved() {
            return ShotReview.APPROVED.equals(decision);
        }
    }

    public record Candidate(
            @Schema(description = "Непрозрачная ссылка на вариант, для PUT …/pick")
            String ref,

            @Schema(example = "A") String letter,
            Media media) {}

    public record Pick(String candidateRef, @Nullable String reason) {}

    /** The comments of a link without the rest of the page: what the client's page polls for. */
    public record Conversation(List<ShotComments> shots) {}

    public record ShotComments(UUID id, List<ClientComment> comments) {}
}
