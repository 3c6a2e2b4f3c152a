package app.kadr.film;

import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.asset.StoredFile;
import app.kadr.catalog.Catalog;
import app.kadr.catalog.CatalogModel;
import app.kadr.media.FfmpegCommand;
import app.kadr.media.FfmpegException;
import app.kadr.media.FfmpegRunner;
import app.kadr.media.FfmpegWork;
import app.kadr.media.InputFormat;
import app.kadr.shared.KadrException;
import app.kadr.storage.BlobStore;
import app.kadr.storyboard.Headliner;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.StoryboardService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * «Продолжить из предыдущего шота»: the sources of a generation that picks up where the previous shot ends. The
 * previous shot's video headliner gives its last frame, taken into this shot as a new still take; a still headliner
 * is used as it is. A model that takes a first and a last frame also gets this shot's still headliner as the end.
 */
@Service
class Continuity {

    /**
     * @param fromShotId the previous shot
     * @param frameAssetId the take the generation starts from: the previous shot's last frame (a new take of this
     *     shot, processed like an upload) or its still headliner
     * @param endAssetId this shot's still headliner, which a first/last-frame model can end on; null without one
     * @param sourceAssetIds what to send as the generation's sources, in the order its model reads them
     */
    record Sources(
            UUID fromShotId, UUID frameAssetId, @Nullable UUID endAssetId, List<UUID> sourceAssetIds) {}

    private final StoryboardService storyboard;
    private final AssetService assets;
    private final Catalog catalog;
    private final BlobStore blobs;
    private final FfmpegRunner ffmpeg;

    Continuity(
            StoryboardService storyboard, AssetService assets, Catalog catalog, BlobStore blobs, FfmpegRunner ffmpeg) {
        this.storyboard = storyboard;
        this.assets = assets;
        this.catalog = catalog;
        this.blobs = blobs;
        this.ffmpeg = ffmpeg;
    }

    /**
     * @param modelId the model the sources are for; with a last-frame input ({@code endImage}) this shot's still
     *     headliner is added as the end
     */
    Sources fromPrevious(UUID ownerId, UUID shotId, @Nullable UUID modelId) {
        Shot shot = storyboard.get(ownerId, shotId);
        UUID previousId = storyboard.neighbours(ownerId, shotId).previous();
        if (previousId == null) {
            throw KadrException.invalid("shotId", "continuity.first");
        }
        Shot before = storyboard.get(ownerId, previousId);
        Headliner previous = before.headliner();
        if (previous == null || !previous.isReady()) {
            throw KadrException.invalid("shotId", "continuity.no_headliner", before.number());
        }
        // Any catalogue model will do here: whether it may be used is the generation's check.
        CatalogModel model = modelId == null
                ? null
                : catalog.find(modelId).orElseThrow(() -> KadrException.invalid("modelId", "continuity.model.unknown"));
        UUID frame = previous.isVideo() ? lastFrame(ownerId, shot, previous, before.number()) : previous.id();
        List<UUID> sources = new ArrayList<>(List.of(frame));
        Headliner own = shot.headliner();
        UUID end = own != null && "image".equals(own.kind()) && own.isReady() ? own.id() : null;
        if (model != null && model.accepts("endImage") && end != null) {
            sources.add(end);
        }
        return new Sources(previousId, frame, end, List.copyOf(sources));
    }

    /** The video's very last frame as a PNG take of {@code shot}. */
    private UUID lastFrame(UUID ownerId, Shot shot, Headliner video, int previousNumber) {
        StoredFile original = assets.file(ownerId, video.id(), "original");
        Path work = null;
        try {
            work = Files.createTempDirectory("kadr-continuity");
            Path png = work.resolve("last.png");
            // From a second before the end every frame overwrites the one before: the file left is the last frame.
            ffmpeg.run(
                    FfmpegCommand.read(blobs.localFile(original.key()), InputFormat.VIDEO, "-sseof", "-1")
                            .writeTo(png, "-map", "0:v:0", "-an", "-vsync", "0", "-update", "1"),
                    FfmpegWork.PREVIEW);
            if (!Files.isRegularFile(png)) {
                throw KadrException.invalid("shotId", "continuity.unreadable", previousNumber);
            }
            Asset frame = assets.storeDerived(shot.id(), png, "last_frame_shot_" + previousNumber);
            return frame.id();
        } catch (FfmpegException e) {
            throw KadrException.invalid("shotId", "continuity.unreadable", previousNumber);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                try {
                    FileSystemUtils.deleteRecursively(work);
                } catch (IOException ignored) {
                    // A temporary folder left behind is swept with the rest of the temp directory.
                }
            }
        }
    }
}
