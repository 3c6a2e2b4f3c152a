package app.kadr.sharing;

import com.fasterxml.jackson.annotation.JsonIgnore;
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

    public record ClientShot(
            UUID id,
            int number,
            String title,
            String description,
            @Nullable Media headliner,
            List<ClientComment> comments,
            @Nullable String change) {

        /** Shots of a published version are marked against the version before it. */
        public static final String NEW = "new";

        public static final String CHANGED = "changed";
    }

    public record Media(
            String kind,
            @Nullable Integer width,
            @Nullable Integer height,
            String thumbUrl,
            String previewUrl,
            @Nullable String hoverUrl,
            @Nullable Long durationMs) {

        public boolean isVideo() {
            return "video".equals(kind);
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
            @Nullable Long timecodeMs,
            @Nullable String timecode,
            @Nullable Annotation annotation,
            List<ClientComment> replies) {}

    /** The comments of a link without the rest of the page: what the client's page polls for. */
    public record Conversation(List<ShotComments> shots) {}

    public record ShotComments(UUID id, List<ClientComment> comments) {}
}
