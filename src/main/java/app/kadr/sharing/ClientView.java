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

    public record Project(String name, String description) {}

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
            @Nullable String change,
            @Nullable Review review) {

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
            @Nullable String hoverUrl) {

        public boolean isVideo() {
            return "video".equals(kind);
        }
    }

    public record ClientComment(
            UUID id,
            String authorName,
            String text,
            Instant createdAt,
            @Nullable String reply,
            @Nullable Instant repliedAt) {}

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
    public record Approval(String decision, @Nullable String comment) {

        @JsonIgnore
        public boolean isApproved() {
            return ShotReview.APPROVED.equals(decision);
        }
    }

    public record Candidate(String ref, String letter, Media media) {}

    public record Pick(String candidateRef, @Nullable String reason) {}

    /** The comments of a link without the rest of the page: what the client's page polls for. */
    public record Conversation(List<ShotComments> shots) {}

    public record ShotComments(UUID id, List<ClientComment> comments) {}
}
