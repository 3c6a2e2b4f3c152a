package app.kadr.sharing;

import app.kadr.storyboard.ShotsMoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A shot's comments go with it to the project it moved to: the owner finds them in that project's inbox and unread
 * counts, where the shot now is. A client's comment keeps its link, so the clients of the new project's links still
 * see only their own comments (and the owner's).
 */
@Component
class MovedShotsComments {

    private final Comments comments;

    MovedShotsComments(Comments comments) {
        this.comments = comments;
    }

    @ApplicationModuleListener
    void on(ShotsMoved moved) {
        comments.moveToProject(moved.shotIds(), moved.toProjectId());
    }
}
