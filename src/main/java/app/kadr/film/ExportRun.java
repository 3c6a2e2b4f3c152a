package app.kadr.film;

import app.kadr.asset.AssetService;
import app.kadr.shared.Access;
import app.kadr.shared.OwnedKind;
import app.kadr.storage.BlobStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The body of an export's job: reads the cut as its owner sees it now, makes the file in a private work folder,
 * and keeps it as a blob only if the export still exists; a failure is recorded on the export, never half a file.
 */
@Component
class ExportRun {

    private static final Logger log = LoggerFactory.getLogger(ExportRun.class);

    private final Exports exports;
    private final Access access;
    private final Cuts cuts;
    private final Handoff handoff;
    private final Animatic animatic;
    private final AssetService assets;
    private final BlobStore blobs;

    ExportRun(
            Exports exports,
            Access access,
            Cuts cuts,
            Handoff handoff,
            Animatic animatic,
            AssetService assets,
            BlobStore blobs) {
        this.exports = exports;
        this.access = access;
        this.cuts = cuts;
        this.handoff = handoff;
        this.animatic = animatic;
        this.assets = assets;
        this.blobs = blobs;
    }

    void run(UUID exportId) {
        Optional<Export> found = exports.byId(exportId);
        if (found.isEmpty() || found.get().isDone()) {
            return;
        }
        Export export = found.get();
        Optional<UUID> owner = access.ownerOf(OwnedKind.EXPORT, exportId);
        if (owner.isEmpty()) {
            exports.fail(exportId, "export.failed.gone");
            return;
        }
        Path work = null;
        try {
            Cut cut = cuts.of(owner.get(), export.projectId());
            if (!exports.progress(exportId, "running", 0)) {
                return;
            }
            work = blobs.newWorkDir();
            Path file = make(owner.get(), export, cut, work);
            long bytes = Files.size(file);
            String key = blobs.put(file, Export.ANIMATIC.equals(export.kind()) ? "mp4" : "zip");
            if (!exports.finish(exportId, key, bytes)) {
                blobs.delete(key);
            }
        } catch (Animatic.Cancelled deleted) {
            log.info("Export {} was deleted while it was being made", exportId);
        } catch (Exception e) {
            log.warn("Export {} failed", exportId, e);
            exports.fail(exportId, "export.failed");
        } finally {
            removeQuietly(work);
        }
    }

    private Path make(UUID ownerId, Export export, Cut cut, Path work) throws Exception {
        if (Export.HANDOFF.equals(export.kind())) {
            Path zip = work.resolve("handoff.zip");
            try (OutputStream out = Files.newOutputStream(zip)) {
                handoff.write(cut, HandoffNames.safe(cut.name()), out);
            }
            return zip;
        }
        @Nullable
        Path audio = export.audioAssetId() == null
                ? null
                : blobs.localFile(
                        assets.file(ownerId, export.audioAssetId(), "original").key());
        return animatic.render(
                cut,
                new Animatic.Options(export.resolution(), export.burnIn(), audio),
                work,
                percent -> exports.progress(export.id(), "running", percent));
    }

    private static void removeQuietly(@Nullable Path work) {
        if (work == null) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(work);
        } catch (IOException e) {
            log.warn("Could not remove the work folder {}", work, e);
        }
    }
}
