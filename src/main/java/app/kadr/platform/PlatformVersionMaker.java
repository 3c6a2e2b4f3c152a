package app.kadr.platform;

import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.asset.SourceFile;
import app.kadr.media.MediaException;
import app.kadr.media.Reframe;
import app.kadr.media.Reframer;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Makes the versions of one request, inside its durable job. Each finished version becomes a take and is recorded in
 * the same transaction, so a job that is run again after a crash makes only the formats still missing.
 */
@Component
class PlatformVersionMaker {

    private static final Logger log = LoggerFactory.getLogger(PlatformVersionMaker.class);

    private final PlatformVersions versions;
    private final AssetService assets;
    private final Reframer reframer;
    private final BlobStore blobs;
    private final Messages messages;
    private final TransactionTemplate transaction;

    PlatformVersionMaker(
            PlatformVersions versions,
            AssetService assets,
            Reframer reframer,
            BlobStore blobs,
            Messages messages,
            TransactionTemplate transaction) {
        this.versions = versions;
        this.assets = assets;
        this.reframer = reframer;
        this.blobs = blobs;
        this.messages = messages;
        this.transaction = transaction;
    }

    /** An exception other than a media problem (a full disk, a lost database) makes the job try again. */
    void make(UUID versionId) throws IOException {
        PlatformVersions.Row request = versions.byId(versionId).orElse(null);
        if (request == null || !"queued".equals(request.status())) {
            return;
        }
        Asset source;
        SourceFile original;
        try {
            source = assets.get(request.owner(), request.sourceAssetId());
            original = assets.sourceFile(request.owner(), request.sourceAssetId());
        } catch (KadrException e) {
            versions.finish(versionId, "failed", messages.get("asset.platform.source_gone"));
            return;
        }
        Map<PlatformFormat, UUID> made = versions.takes(versionId);
        for (PlatformFormat format : request.formats()) {
            if (made.containsKey(format)) {
                continue;
            }
            try {
                makeOne(request, format, source, original.path());
            } catch (MediaException e) {
                log.info("Platform version {} of {} failed: {}", format, source.id(), e.reasonKey(), e);
                versions.finish(versionId, "failed", messages.get(e.reasonKey(), e.args()));
                return;
            }
        }
        versions.finish(versionId, "done", null);
    }

    /** After the job's last retry, so that the request does not stay queued for ever. */
    void giveUp(UUID versionId) {
        versions.finish(versionId, "failed", messages.get("media.processing.failed"));
    }

    private void makeOne(PlatformVersions.Row request, PlatformFormat format, Asset source, Path original)
            throws MediaException, IOException {
        int width = source.width() == null ? 0 : source.width();
        int height = source.height() == null ? 0 : source.height();
        int[] size = format.sizeFor(width, height);
        Reframe frame = new Reframe(size[0], size[1], request.focus());
        Path work = blobs.newWorkDir();
        try {
            Path file = work.resolve(source.isVideo() ? "version.mp4" : "version.jpg");
            if (source.isVideo()) {
                reframer.video(original, width, height, frame, format.maxVideoKbps(), file);
            } else {
                reframer.image(original, frame, file);
            }
            String name = messages.get(format.labelKey());
            transaction.executeWithoutResult(status -> {
                try {
                    Asset take = assets.storeVersion(source.id(), file, name);
                    versions.recordTake(request.id(), format, take.id());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }
}
