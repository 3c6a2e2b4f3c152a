package app.kadr.element;

import app.kadr.storyboard.ShotsMoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A shot moved to another project leaves the cast of the project it left: elements belong to one project, so the
 * moved shot no longer features them, and their pages no longer list it. Its takes keep the element versions they
 * were made with, as their provenance.
 */
@Component
class MovedShotsCast {

    private final ShotElements shotElements;

    MovedShotsCast(ShotElements shotElements) {
        this.shotElements = shotElements;
    }

    @ApplicationModuleListener
    void on(ShotsMoved moved) {
        shotElements.keepOnlyOf(moved.toProjectId(), moved.shotIds());
    }
}
