package app.kadr.storyboard;

import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Owned;
import app.kadr.shared.OwnedKind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
        String name = isBlank(title) ? defaultTitle(projectId, at) : validTitle(title);
        String text = validDescription(description);
        shots.openGapAt(projectId, at);
        UUID id = UUID.randomUUID();
        shots.insert(id, projectId, at, name, text, ShotStatus.DRAFT);
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
            if (headliner != null && shots.isSound(headliner)) {
                // The headliner is the shot's picture on the storyboard and in the client's view; a sound has none.
                throw KadrException.invalid("headlinerAssetId", "shot.headliner.audio");
            }
        }
        shots.update(
                shotId,
                changes.title() == null ? shot.title() : renamed(shot, changes.title()),
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

    /**
     * A client's answer on a shot moves its status (the sharing module decides which, by its link's setting). No
     * person acts here, so there is no access check: the caller has matched the shot to the link's project, and a
     * shot of another project or in the trash is left alone.
     */
    @Transactional
    public void followClient(UUID projectId, UUID shotId, ShotStatus status) {
        if (shots.livePosition(shotId, projectId).isPresent()) {
            shots.setStatus(List.of(shotId), status);
        }
    }

    @Transactional
    public void moveToTrash(UUID ownerId, UUID shotId) {
        Owned shot = access.require(ownerId, OwnedKind.SHOT, shotId);
        shots.bumpOrderVersion(shot.project(), null);
        int position = shots.positionOf(shotId);
        Neighbours around = new Neighbours(
                shots.atPosition(shot.project(), position - 1).orElse(null),
                shots.atPosition(shot.project(), position + 1).orElse(null));
        shots.moveToTrash(shotId, position, around);
        shots.closeGapAt(shot.project(), position);
    }

    /**
     * Brings a shot back from the trash to where it stood: just before its former next neighbour, else just
     * after its former previous one, else at its former number (or the end, when the storyboard is shorter now).
     */
    @Transactional
    public Shot restore(UUID ownerId, UUID shotId) {
        Owned shot = access.requireTrashed(ownerId, OwnedKind.SHOT, shotId);
        UUID project = shot.project();
        shots.bumpOrderVersion(project, null);
        int end = shots.liveCount(project) + 1;
        FormerPlace former = shots.formerPlace(shotId);
        Neighbours around = former.around();
        int at = Optional.ofNullable(around.next())
                .flatMap(next -> shots.livePosition(next, project))
                .or(() -> Optional.ofNullable(around.previous())
                        .flatMap(previous -> shots.livePosition(previous, project))
                        .map(previous -> previous + 1))
                .orElseGet(() -> former.position() == null ? end : Math.min(former.position(), end));
        shots.openGapAt(project, at);
        shots.restoreAt(shotId, at);
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

    /** A blank title names the shot «Шот N» after its number, unless another shot has that name already. */
    private String renamed(Shot shot, String title) {
        if (!isBlank(title)) {
            return validTitle(title);
        }
        String current = messages.get("shot.default_title", String.valueOf(shot.number()));
        return current.equals(shot.title()) ? current : defaultTitle(shot.projectId(), shot.number());
    }

    /**
     * «Шот N» for a new shot at number N, or with the next number no shot of the project (trashed ones included)
     * is called: «+» must never make a second «Шот 3».
     */
    private String defaultTitle(UUID projectId, int number) {
        Set<String> taken = shots.titles(projectId);
        for (int n = number; ; n++) {
            String title = messages.get("shot.default_title", String.valueOf(n));
            if (!taken.contains(title)) {
                return title;
            }
        }
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static String validTitle(String title) {
        String value = title.strip();
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
