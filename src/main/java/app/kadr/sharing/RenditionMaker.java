package app.kadr.sharing;

import app.kadr.asset.AssetService;
import app.kadr.asset.SourceFile;
import app.kadr.media.MediaException;
import app.kadr.media.ReviewRenditions;
import app.kadr.shared.KadrException;
import app.kadr.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Makes one review rendition inside its durable job, from the original as its owner sees it through the assets'
 * service. A file the original cannot give (a purged take, an unreadable video) marks the rendition failed: the
 * client then keeps the preview instead of waiting for ever.
 */
@Component
class RenditionMaker {

    private static final Logger log = LoggerFactory.getLogger(RenditionMaker.class);

    private final Renditions renditions;
    private final AssetService assets;
    private final ReviewRenditions review;
    private final BlobStore blobs;

    RenditionMaker(Renditions renditions, AssetService assets, ReviewRenditions review, BlobStore blobs) {
        this.renditions = renditions;
        this.assets = assets;
        this.review = review;
        this.blobs = blobs;
    }

    /** An exception other than a media problem (a full disk, a lost database) makes the job try again. */
    void make(UUID assetId) throws IOException {
        Renditions.Rendition rendition = renditions.byAsset(assetId).orElse(null);
        if (rendition == null || !Renditions.PREPARING.equals(rendition.status())) {
            return;
        }
        SourceFile original;
        try {
            original = assets.sourceFile(rendition.ownerId(), assetId);
        } catch (KadrException | java.nio.file.NoSuchFileException gone) {
            renditions.failed(assetId);
            return;
        }
        boolean video = "video".equals(rendition.kind());
        Path work = blobs.newWorkDir();
        try {
            ReviewRenditions.Made made =
                    video ? review.video(original.path(), work) : review.still(original.path(), work);
            String key = blobs.put(made.file(), video ? "mp4" : "jpg");
            if (!renditions.ready(assetId, key, made.width(), made.height())) {
                blobs.delete(key);
            }
        } catch (MediaException e) {
            log.info("Review rendition of {} failed: {}", assetId, e.reasonKey(), e);
            renditions.failed(assetId);
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /** After the job's last retry, so that the client's page does not say «готовится» for ever. */
    void giveUp(UUID assetId) {
        renditions.failed(assetId);
    }
}
