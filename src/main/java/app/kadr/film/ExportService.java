package app.kadr.film;

import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Owned;
import app.kadr.shared.OwnedKind;
import app.kadr.storage.BlobStore;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A project's exports: ordering one, following it, downloading and deleting it (which cancels a running one). */
@Service
public class ExportService {

    private static final Logger log = LoggerFactory.getLogger(ExportService.class);

    static final Set<Integer> RESOLUTIONS = Set.of(720, 1080);

    private final Exports exports;
    private final ExportJobs jobs;
    private final Access access;
    private final BlobStore blobs;
    private final Messages messages;

    ExportService(Exports exports, ExportJobs jobs, Access access, BlobStore blobs, Messages messages) {
        this.exports = exports;
        this.jobs = jobs;
        this.access = access;
        this.blobs = blobs;
        this.messages = messages;
    }

    /** What the owner asks for; absent fields take their defaults (1080p, no burn-in, no audio). */
    public record Order(
            @Nullable String kind,
            @Nullable Integer resolution,
            @Nullable Boolean burnIn,
            @Nullable UUID audioAssetId) {}

    @Transactional
    public Export order(UUID ownerId, UUID projectId, Order order) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        if (!Export.ANIMATIC.equals(order.kind()) && !Export.HANDOFF.equals(order.kind())) {
            throw KadrException.invalid("kind", "export.kind.invalid");
        }
        int resolution = order.resolution() == null ? 1080 : order.resolution();
        if (!RESOLUTIONS.contains(resolution)) {
            throw KadrException.invalid("resolution", "export.resolution.invalid");
        }
        if (order.audioAssetId() != null) {
            Owned audio = mineOrInvalid(ownerId, order.audioAssetId());
            if (!projectId.equals(audio.projectId())) {
                throw KadrException.invalid("audioAssetId", "export.audio.foreign");
            }
        }
        UUID id = UUID.randomUUID();
        exports.insert(
                id, projectId, order.kind(), resolution, Boolean.TRUE.equals(order.burnIn()), order.audioAssetId());
        jobs.schedule(id);
        return get(ownerId, id);
    }

    private Owned mineOrInvalid(UUID ownerId, UUID assetId) {
        try {
            return access.require(ownerId, OwnedKind.ASSET, assetId);
        } catch (KadrException notMine) {
            throw KadrException.invalid("audioAssetId", "export.audio.foreign");
        }
    }

    @Transactional(readOnly = true)
    public Export get(UUID ownerId, UUID exportId) {
        access.require(ownerId, OwnedKind.EXPORT, exportId);
        return exports.byId(exportId).map(this::spoken).orElseThrow(KadrException::notFound);
    }

    @Transactional(readOnly = true)
    public List<Export> ofProject(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return exports.ofProject(projectId).stream().map(this::spoken).toList();
    }

    /** The finished file's blob; 404 while it is being made. */
    @Transactional(readOnly = true)
    String fileKey(UUID ownerId, UUID exportId) {
        access.require(ownerId, OwnedKind.EXPORT, exportId);
        String key = exports.blobKey(exportId);
        if (key == null || !blobs.exists(key)) {
            throw KadrException.notFound();
        }
        return key;
    }

    /**
     * Removes an export and its file. A running job notices at its next shot that its row is gone, stops and
     * throws its work away: deleting is how an export is cancelled. An export is made again from the project at
     * any time, so it does not go to the trash.
     */
    @Transactional
    public void delete(UUID ownerId, UUID exportId) {
        access.require(ownerId, OwnedKind.EXPORT, exportId);
        String key = exports.blobKey(exportId);
        exports.delete(exportId);
        if (key != null) {
            try {
                blobs.delete(key);
            } catch (IOException e) {
                // The row is gone, so the storage sweep removes the orphaned blob later.
                log.warn("Could not delete the file of export {} now; the sweep will", exportId, e);
            }
        }
    }

    private Export spoken(Export export) {
        if (export.failure() == null) {
            return export;
        }
        return new Export(
                export.id(),
                export.projectId(),
                export.kind(),
                export.status(),
                export.progress(),
                export.resolution(),
                export.burnIn(),
                export.audioAssetId(),
                export.bytes(),
                messages.get(export.failure()),
                export.createdAt(),
                export.finishedAt());
    }
}
