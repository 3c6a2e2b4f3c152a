package app.kadr.sharing;

import app.kadr.shared.Access;
import app.kadr.shared.DomainEvents;
import app.kadr.shared.KadrException;
import app.kadr.shared.OwnedKind;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's side of comments: read them, mark them read, reply, delete the abusive ones. */
@Service
public class CommentService {

    private final Comments comments;
    private final Access access;
    private final DomainEvents events;

    CommentService(Comments comments, Access access, DomainEvents events) {
        this.comments = comments;
        this.access = access;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Comment> ofProject(UUID ownerId, UUID projectId, boolean unreadOnly) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return comments.ofProject(projectId, unreadOnly);
    }

    @Transactional(readOnly = true)
    public int unreadCount(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return comments.unreadCount(projectId);
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
