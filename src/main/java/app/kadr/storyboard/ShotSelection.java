package app.kadr.storyboard;

import app.kadr.shared.Access;
import app.kadr.shared.DomainEvents;
import app.kadr.shared.KadrException;
import app.kadr.shared.OwnedKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Several chosen shots of one storyboard changed at once: their status, their place, off to the trash, or over to
 * another of the owner's projects.
 */
@Service
public class ShotSelection {

    private final Shots shots;
    private final Access access;
    private final StoryboardService storyboard;

    private final DomainEvents events;

    ShotSelection(Shots shots, Access access, StoryboardService storyboard, DomainEvents events) {
        this.events = events;
        this.shots = shots;
        this.access = access;
        this.storyboard = storyboard;
    }

    @Transactional
    public void setStatus(UUID ownerId, UUID projectId, @Nullable List<UUID> shotIds, @Nullable String status) {
        List<UUID> chosen = chosen(ownerId, projectId, shotIds);
        shots.setStatus(chosen, ShotStatus.parse(status == null ? "" : status));
    }

    /** Trashes the shots in storyboard order, so that each remembers neighbours that restore them in order. */
    @Transactional
    public void moveToTrash(UUID ownerId, UUID projectId, @Nullable List<UUID> shotIds) {
        for (UUID id : chosen(ownerId, projectId, shotIds)) {
            storyboard.moveToTrash(ownerId, id);
        }
    }

    /**
     * Moves the shots, kept in their storyboard order, to stand together from the 1-based {@code position} of the
     * storyboard's other shots on.
     */
    @Transactional
    public void moveTo(UUID ownerId, UUID projectId, @Nullable List<UUID> shotIds, @Nullable Integer position) {
        List<UUID> chosen = chosen(ownerId, projectId, shotIds);
        shots.bumpOrderVersion(projectId, null);
        List<UUID> order = new ArrayList<>(shots.liveIds(projectId));
        order.removeAll(chosen);
        if (position == null || position < 1 || position > order.size() + 1) {
            throw KadrException.invalid("position", "shot.position.invalid", order.size() + 1);
        }
        order.addAll(position - 1, chosen);
        shots.setPositions(order);
    }

    /**
     * Moves the shots, in their storyboard order, to the end of another of the owner's projects. Their takes go with
     * them (a take belongs to its shot); a project that is not the owner's is not found, whichever side it is on.
     */
    @Transactional
    public void moveToProject(
            UUID ownerId, UUID projectId, @Nullable List<UUID> shotIds, @Nullable UUID targetProjectId) {
        List<UUID> chosen = chosen(ownerId, projectId, shotIds);
        if (targetProjectId == null) {
            throw KadrException.invalid("targetProjectId", "shot.selection.project.missing");
        }
        access.require(ownerId, OwnedKind.PROJECT, targetProjectId);
        if (targetProjectId.equals(projectId)) {
            throw KadrException.invalid("targetProjectId", "shot.selection.project.same");
        }
        // Both orders are locked, always in the same order of ids, so two opposite moves cannot deadlock.
        List<UUID> both =
                java.util.stream.Stream.of(projectId, targetProjectId).sorted().toList();
        both.forEach(project -> shots.bumpOrderVersion(project, null));
        shots.moveToProject(chosen, targetProjectId);
        List<UUID> left = shots.liveIds(projectId);
        shots.setPositions(left);
        List<UUID> target = new ArrayList<>(shots.liveIds(targetProjectId));
        target.removeAll(chosen);
        target.addAll(chosen);
        shots.setPositions(target);
        events.publish(new ShotsMoved(projectId, targetProjectId, chosen));
    }

    /** The named shots in storyboard order; each must be a live shot of this project (else: not found). */
    private List<UUID> chosen(UUID ownerId, UUID projectId, @Nullable List<UUID> shotIds) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        if (shotIds == null || shotIds.isEmpty() || shotIds.contains(null)) {
            throw KadrException.invalid("shotIds", "shot.selection.empty");
        }
        Set<UUID> wanted = new LinkedHashSet<>(shotIds);
        List<UUID> inOrder =
                shots.liveIds(projectId).stream().filter(wanted::contains).toList();
        if (inOrder.size() != wanted.size()) {
            throw KadrException.notFound();
        }
        return inOrder;
    }
}
