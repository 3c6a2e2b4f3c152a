package app.kadr.sharing;

import app.kadr.project.ProjectService;
import app.kadr.shared.Access;
import app.kadr.shared.DomainEvents;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.OwnedKind;
import app.kadr.storyboard.StoryboardService;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's side of comments: read them, mark them read, reply, delete the abusive ones. */
@Service
public class CommentService {

    /** What the owner writes on a shot: maybe at a moment of its headliner, maybe a reply in a thread. */
    public record Draft(
            @Nullable String text,
            @Nullable UUID parentId,
            @Nullable Long timecodeMs,
            Annotation.@Nullable Draft annotation) {}

    /**
     * The picture the owner comments over, the shot's live headliner: its address, and the project's frame rate
     * for the timecode of a paused frame.
     */
    public record Picture(
            UUID assetId,
            String kind,
            @Nullable Integer width,
            @Nullable Integer height,
            int fps) {

        public boolean isVideo() {
            return "video".equals(kind);
        }

        public String url() {
            return Comment.mediaUrl(assetId, kind);
        }
    }

    private final Comments comments;
    private final ClientStoryboard storyboard;
    private final StoryboardService shots;
    private final Access access;
    private final DomainEvents events;
    private final Messages messages;
    private final ProjectService projects;

    CommentService(
            Comments comments,
            ClientStoryboard storyboard,
            StoryboardService shots,
            Access access,
            DomainEvents events,
            Messages messages,
            ProjectService projects) {
        this.comments = comments;
        this.storyboard = storyboard;
        this.shots = shots;
        this.access = access;
        this.events = events;
        this.messages = messages;
        this.projects = projects;
    }

    /**
     * The owner comments on a shot's live headliner. A comment of their own shows on every link of the project;
     * a reply in a client's thread shows where the thread started, so one client never sees another's.
     */
    @Transactional
    public Comment write(UUID ownerId, UUID shotId, Draft draft) {
        UUID projectId = shots.get(ownerId, shotId).projectId();
        String body = ClientService.clean(
                draft.text(), "text", ClientService.MAX_TEXT, "comment.text.empty", "comment.text.long");
        ClientStoryboard.Files media =
                storyboard.liveShot(shotId).map(ClientStoryboard.Row::headliner).orElse(null);
        Moment moment = Moment.of(draft.timecodeMs(), draft.annotation(), media);
        Comments.Thread thread = draft.parentId() == null
                ? null
                : comments.thread(draft.parentId(), null, projectId)
                        .filter(found -> found.shotId().equals(shotId))
                        .orElseThrow(() -> KadrException.invalid("parentId", "comment.parent.unknown"));
        UUID id = UUID.randomUUID();
        comments.insert(new Comments.NewComment(
                id,
                thread == null ? null : thread.linkId(),
                projectId,
                shotId,
                null,
                thread == null ? null : thread.rootId(),
                messages.get("comment.owner_name"),
                body,
                true,
                moment.timecodeMs(),
                moment.annotation(),
                moment.assetId(),
                moment.assetKind()));
        events.publish(new CommentsChanged(projectId, shotId));
        return comments.byId(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Comment> ofProject(UUID ownerId, UUID projectId, boolean unreadOnly) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return comments.ofProject(projectId, unreadOnly);
    }

    /** The inbox's list: the project's comments, only unread ones, only those written on one published version. */
    @Transactional(readOnly = true)
    public List<Comment> ofProject(UUID ownerId, UUID projectId, boolean unreadOnly, @Nullable UUID versionId) {
        return ofProject(ownerId, projectId, unreadOnly, versionId, null);
    }

    /** The client's answers the inbox filters by: {@code none} is a shot without an answer. */
    public static final List<String> APPROVAL_FILTERS = List.of(ShotReview.APPROVED, ShotReview.CHANGES, "none");

    /**
     * The same, and only comments on shots with the client's answer {@code approval} (one of
     * {@link #APPROVAL_FILTERS}): in that version when one is chosen, otherwise the shot's latest answer.
     */
    @Transactional(readOnly = true)
    public List<Comment> ofProject(
            UUID ownerId, UUID projectId, boolean unreadOnly, @Nullable UUID versionId, @Nullable String approval) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        if (approval != null && !APPROVAL_FILTERS.contains(approval)) {
            throw KadrException.invalid("approval", "attention.filter.approval.invalid");
        }
        return comments.ofProject(projectId, unreadOnly, versionId, approval);
    }

    /** Unread comments per project of the owner's that has any, the one with the newest unread first. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, Integer> unreadByProject(UUID ownerId) {
        return comments.unreadByProject(projects.names(ownerId).stream()
                .map(app.kadr.project.ProjectName::id)
                .toList());
    }

    @Transactional(readOnly = true)
    public int unreadCount(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return comments.unreadCount(projectId);
    }

    /** The shot's picture to comment over, or null while it has no ready headliner. */
    @Transactional(readOnly = true)
    public @Nullable Picture pictureOf(UUID ownerId, UUID shotId) {
        UUID projectId = shots.get(ownerId, shotId).projectId();
        return storyboard
                .liveShot(shotId)
                .map(ClientStoryboard.Row::headliner)
                .map(files -> new Picture(
                        files.assetId(),
                        files.kind(),
                        files.width(),
                        files.height(),
                        storyboard.project(projectId).fps()))
                .orElse(null);
    }

    @Transactional(readOnly = true)
    public List<Comment> ofShot(UUID ownerId, UUID shotId) {
        access.require(ownerId, OwnedKind.SHOT, shotId);
        return comments.ofShot(shotId);
    }

    @Transactional
    public Comment markRead(UUID ownerId, UUID commentId) {
        Comment comment = owned(ownerId, commentId);
        comments.markRead(commentId);
        changed(ownerId, comment);
        return comments.byId(commentId).orElseThrow();
    }

    @Transactional
    public int markAllRead(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        int marked = comments.markAllRead(projectId);
        events.publish(new CommentsChanged(projectId, null));
        return marked;
    }

    @Transactional
    public Comment reply(UUID ownerId, UUID commentId, @Nullable String text) {
        Comment comment = owned(ownerId, commentId);
        comments.reply(
                commentId,
                ClientService.clean(text, "text", ClientService.MAX_TEXT, "comment.reply.empty", "comment.text.long"));
        changed(ownerId, comment);
        return comments.byId(commentId).orElseThrow();
    }

    @Transactional
    public void delete(UUID ownerId, UUID commentId) {
        Comment comment = owned(ownerId, commentId);
        changed(ownerId, comment);
        comments.delete(commentId);
    }

    private Comment owned(UUID ownerId, UUID commentId) {
        access.require(ownerId, OwnedKind.COMMENT, commentId);
        return comments.byId(commentId).orElseThrow(KadrException::notFound);
    }

    private void changed(UUID ownerId, Comment comment) {
        comments.projectOf(comment.id())
                .ifPresent(projectId -> events.publish(new CommentsChanged(projectId, comment.shotId())));
    }
}
