package app.kadr.asset;

import app.kadr.shared.Access;
import app.kadr.shared.DomainEvents;
import app.kadr.shared.KadrException;
import app.kadr.shared.Owned;
import app.kadr.shared.OwnedKind;
import app.kadr.storyboard.ShotChanges;
import app.kadr.storyboard.StoryboardService;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Copies a take into another shot of its owner, or moves it there. */
@Service
class TakeTransfers {

    private final Assets assets;
    private final Access access;
    private final MediaJobs jobs;
    private final DomainEvents events;
    private final StoryboardService storyboard;
    private final AssetService service;

    TakeTransfers(
            Assets assets,
            Access access,
            MediaJobs jobs,
            DomainEvents events,
            StoryboardService storyboard,
            AssetService service) {
        this.assets = assets;
        this.access = access;
        this.jobs = jobs;
        this.events = events;
        this.storyboard = storyboard;
        this.service = service;
    }

    /**
     * A new take in the target shot sharing the source's files. A source still being processed gives a copy that
     * is processed on its own, so that both end with their derivatives whatever finishes first.
     */
    @Transactional
    public Asset copy(UUID ownerId, UUID assetId, @Nullable String targetShot) {
        access.require(ownerId, OwnedKind.ASSET, assetId);
        requireTake(assetId);
        UUID targetShotId = shotId(targetShot);
        Owned target = access.require(ownerId, OwnedKind.SHOT, targetShotId);
        AssetRow source = assets.byId(assetId).orElseThrow(KadrException::notFound);
        boolean ready = !"processing".equals(source.mediaStatus());
        UUID copyId = UUID.randomUUID();
        assets.insertCopy(assetId, copyId, targetShotId, source.mediaStatus());
        if (!ready) {
            jobs.schedule(copyId);
        }
        events.publish(new TakesChanged(target.project(), targetShotId, copyId));
        return service.get(ownerId, copyId);
    }

    /**
     * Moves a take into another shot. If it was its old shot's headliner, that shot is left without one rather than
     * showing a take it no longer holds.
     */
    @Transactional
    public Asset move(UUID ownerId, UUID assetId, @Nullable String targetShot) {
        Owned asset = access.require(ownerId, OwnedKind.ASSET, assetId);
        requireTake(assetId);
        UUID targetShotId = shotId(targetShot);
        Owned target = access.require(ownerId, OwnedKind.SHOT, targetShotId);
        if (asset.shot().equals(targetShotId)) {
            return service.get(ownerId, assetId);
        }
        var oldShot = storyboard.get(ownerId, asset.shot());
        if (oldShot.headliner() != null && oldShot.headliner().id().equals(assetId)) {
            storyboard.update(ownerId, asset.shot(), ShotChanges.headliner(null));
        }
        assets.moveTo(assetId, targetShotId);
        events.publish(new TakesChanged(asset.project(), asset.shot(), assetId));
        events.publish(new TakesChanged(target.project(), targetShotId, assetId));
        return service.get(ownerId, assetId);
    }

    /** The target shot's id, read only once the take is known to be the caller's: a stranger learns nothing. */
    private static UUID shotId(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw KadrException.invalid("shotId", "gallery.shot.required");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw KadrException.invalid("shotId", "gallery.id.invalid", "shotId");
        }
    }

    /** A mask belongs to the image it was drawn over; copied or moved alone it would mask nothing. */
    private void requireTake(UUID assetId) {
        if (assets.maskOf(assetId).isPresent()) {
            throw KadrException.invalid("assetId", "asset.mask.stays");
        }
    }
}
