package app.kadr.sharing;

import app.kadr.live.LiveEvent;
import app.kadr.live.LiveUpdates;
import app.kadr.shared.KadrException;
import app.kadr.shared.Ownership;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's side of comments: read them, mark them read, reply, delete the abusive ones. */
@Service
public class CommentService {

    /**
     * The owner read, answered or deleted something: storyboards update their badges, while the box page,
     * where the owner did it, keeps what it shows (and any reply being typed).
     */
    static final String STATE_EVENT = "comment-state";

    private final Comments comments;
    private final Ownership ownership;
    private final LiveUpdates live;

    CommentService(Comments comments, Ownership ownership, LiveUpdates live) {
        this.comments = comments;
        this.ownership = ownership;
        this.live = live;
    }

    @Transactional(readOnly = true)
    public List<Comment> ofProject(UUID ownerId, UUID projectId, boolean unreadOnly) {
        ownership.requireProject(ownerId, projectId);
        return comments.ofProject(projectId, unreadOnly);
    }

    @Transactional(readOnly = true)
    public int unreadCount(UUID ownerId, UUID projectId) {
        ownership.requireProject(ownerId, projectId);
        return comments.unreadCount(projectId);
    }

    @Transactional(readOnly = true)
    public List<Comment> ofShot(UUID ownerId, UUID shotId) {
        ownership.requireShot(ownerId, shotId);
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
        ownership.requireProject(ownerId, projectId);
        int marked = comments.markAllRead(projectId);
        live.publishAfterCommit(projectId, new LiveEvent(STATE_EVENT, null, null));
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
        UUID projectId = comments.projectOf(commentId).orElseThrow(KadrException::notFound);
        ownership.requireProject(ownerId, projectId);
        return comments.byId(commentId).orElseThrow(KadrException::notFound);
    }

    private void changed(UUID ownerId, Comment comment) {
        comments.projectOf(comment.id())
                .ifPresent(projectId ->
                        live.publishAfterCommit(projectId, new LiveEvent(STATE_EVENT, comment.shotId(), null)));
    }
}
