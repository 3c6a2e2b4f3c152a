package app.kadr.storyboard;

import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Owned;
import app.kadr.shared.OwnedKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Shots of a project: their order, texts, status and headliner. */
@Service
public class StoryboardService {

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 5000;

    private final Shots shots;
    private final Access access;
    private final Messages messages;

    StoryboardService(Shots shots, Access access, Messages messages) {
        this.shots = shots;
        this.access = access;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public Storyboard storyboard(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return new Storyboard(shots.ofProject(projectId), shots.orderVersion(projectId));
    }

    @Transactional(readOnly = true)
    public Shot get(UUID ownerId, UUID shotId) {
        access.require(ownerId, OwnedKind.SHOT, shotId);
        return shots.byId(shotId).orElseThrow(KadrException::notFound);
    }

    /** The shots just before and after one, for moving through the film from the box page. */
    @Transactional(readOnly = true)
    public Neighbours neighbours(UUID ownerId, UUID shotId) {
        Shot shot = get(ownerId, shotId);
        return new Neighbours(
                shots.atPosition(shot.projectId(), shot.number() - 1).orElse(null),
                shots.atPosition(shot.projectId(), shot.number() + 1).orElse(null));
    }

    /**
     * Adds a shot at a 1-based position, or at the end when none is given.
     *
     * @throws KadrException if the position is outside 1..(shots + 1)
     */
    @Transactional
    public Shot add(
            UUID ownerId,
            UUID projectId,
            @Nullable String title,
            @Nullable String description,
            @Nullable Integer position) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        shots.bumpOrderVersion(projectId, null);
        int count = shots.liveCount(projectId);
        int at = position == null ? count + 1 : position;
        if (at < 1 || at > count + 1) {
            throw KadrException.invalid("position", "shot.position.invalid", count + 1);
        }
        shots.openGapAt(projectId, at);
        UUID id = UUID.randomUUID();
        shots.insert(id, projectId, at, validTitle(title, at), validDescription(description), ShotStatus.DRAFT);
        return shots.byId(id).orElseThrow();
    }

    /** Copies a shot's texts (not its assets) into a new shot right after it. */
    @Transactional
    public Shot duplicate(UUID ownerId, UUID shotId) {
        Shot original = get(ownerId, shotId);
        String title = messages.get("shot.copy_title", original.title());
        return add(
                ownerId,
                original.projectId(),
                title.length() > MAX_TITLE ? original.title() : title,
                original.description(),
                original.number() + 1);
    }

    /**
     * Saves a new order. The list must name every shot of the project once, and {@code version} must be
     * the current one; otherwise nothing changes.
     */
    @Transactional
    public Storyboard reorder(UUID ownerId, UUID projectId, @Nullable List<UUID> orderedIds, @Nullable Long version) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        if (orderedIds == null || version == null) {
            throw KadrException.invalid(orderedIds == null ? "shotIds" : "version", "shot.order.incomplete");
        }
        if (shots.bumpOrderVersion(projectId, version).isEmpty()) {
            throw KadrException.conflict("shot.order.stale");
        }
        requireSameShots(shots.liveIds(projectId), orderedIds);
        shots.setPositions(orderedIds);
        return new Storyboard(shots.ofProject(projectId), shots.orderVersion(projectId));
    }

    private static void requireSameShots(List<UUID> current, List<UUID> proposed) {
        Set<UUID> seen = new HashSet<>();
        for (UUID id : proposed) {
            if (id == null || !seen.add(id)) {
                throw KadrException.invalid("shotIds", "shot.order.duplicated");
            }
        }
        if (!seen.equals(new HashSet<>(current))) {
            throw KadrException.invalid("shotIds", "shot.order.mismatch");
        }
    }

    @Transactional
    public Shot update(UUID ownerId, UUID shotId, ShotChanges changes) {
        Shot shot = get(ownerId, shotId);
        UUID headliner = shots.headlinerId(shotId);
        if (changes.headlinerChanged()) {
            headliner = changes.headlinerAssetId();
            if (headliner != null && !shots.isLiveAssetOf(headliner, shotId)) {
                throw KadrException.invalid("headlinerAssetId", "shot.headliner.foreign");
            }
        }
        shots.update(
                shotId,
                changes.title() == null ? shot.title() : validTitle(changes.title(), shot.number()),
                changes.description() == null ? shot.description() : validDescription(changes.description()),
                changes.status() == null ? ShotStatus.parse(shot.status()) : ShotStatus.parse(changes.status()),
                headliner,
                changes.durationChanged() ? validDuration(changes.durationMs()) : explicitDuration(shot));
        return shots.byId(shotId).orElseThrow();
    }

    private static @Nullable Long validDuration(@Nullable Long durationMs) {
        if (durationMs != null && (durationMs < Shot.MIN_DURATION_MS || durationMs > Shot.MAX_DURATION_MS)) {
            throw ShotChanges.invalidDuration();
        }
        return durationMs;
    }

    private static @Nullable Long explicitDuration(Shot shot) {
        return shot.durationAuto() ? null : shot.durationMs();
    }

    @Transactional
    public void moveToTrash(UUID ownerId, UUID shotId) {
        Owned shot = access.require(ownerId, OwnedKind.SHOT, shotId);
        shots.bumpOrderVersion(shot.project(), null);
        int position = shots.positionOf(shotId);
        shots.moveToTrash(shotId);
        shots.closeGapAt(shot.project(), position);
    }

    /** Brings a shot back from the trash, at the end of its storyboard. */
    @Transactional
    public Shot restore(UUID ownerId, UUID shotId) {
        Owned shot = access.requireTrashed(ownerId, OwnedKind.SHOT, shotId);
        shots.bumpOrderVersion(shot.project(), null);
        shots.restoreAt(shotId, shots.liveCount(shot.project()) + 1);
        return shots.byId(shotId).orElseThrow();
    }

    /**
     * Every live shot of the owner's live projects, with its number, title and headliner: one query for views across
     * projects (the gallery), which must not read the storyboard's tables themselves.
     */
    @Transactional(readOnly = true)
    public List<ShotPlace> places(UUID ownerId) {
        return shots.places(ownerId);
    }

    @Transactional(readOnly = true)
    public List<TrashedShot> trashed(UUID ownerId) {
        return shots.trashed(ownerId);
    }

    private String validTitle(@Nullable String title, int number) {
        String value = title == null ? "" : title.strip();
        if (value.isEmpty()) {
            return messages.get("shot.default_title", number);
        }
        if (value.length() > MAX_TITLE) {
            throw KadrException.invalid("title", "shot.title.long", MAX_TITLE);
        }
        return value;
    }

    private static String validDescription(@Nullable String description) {
        String value = description == null ? "" : description.strip();
        if (value.length() > MAX_DESCRIPTION) {
            throw KadrException.invalid("description", "shot.description.long", MAX_DESCRIPTION);
        }
        return value;
    }
}
