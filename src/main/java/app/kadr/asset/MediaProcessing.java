package app.kadr.asset;

import app.kadr.media.AudioDerivatives;
import app.kadr.media.AudioProcessor;
import app.kadr.media.ImageDerivatives;
import app.kadr.media.ImageProcessor;
import app.kadr.media.MediaException;
import app.kadr.media.VideoDerivatives;
import app.kadr.media.VideoProcessor;
import app.kadr.shared.DomainEvents;
import app.kadr.shared.Messages;
import app.kadr.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/** Turns an asset's original into its derivatives and records the outcome: ready, or broken with a reason. */
@Component
class MediaProcessing {

    private static final Logger log = LoggerFactory.getLogger(MediaProcessing.class);

    private final Assets assets;
    private final BlobStore blobs;
    private final ImageProcessor images;
    private final VideoProcessor videos;
    private final AudioProcessor sounds;
    private final Messages messages;
    private final DomainEvents events;
    private final AssetPlaces places;

    MediaProcessing(
            Assets assets,
            BlobStore blobs,
            ImageProcessor images,
            VideoProcessor videos,
            AudioProcessor sounds,
            Messages messages,
            DomainEvents events,
            AssetPlaces places) {
        this.assets = assets;
        this.blobs = blobs;
        this.images = images;
        this.videos = videos;
        this.sounds = sounds;
        this.messages = messages;
        this.events = events;
        this.places = places;
    }

    /** Runs inside a durable job; an exception other than a media problem makes the job retry. */
    void process(UUID assetId) throws IOException {
        AssetRow asset = assets.byId(assetId).orElse(null);
        if (asset == null || !"processing".equals(asset.mediaStatus())) {
            return;
        }
        Path work = blobs.newWorkDir();
        try {
            Derivatives files = derive(asset, work);
            if (!assets.markReady(assetId, files)) {
                forget(files);
            }
        } catch (MediaException e) {
            log.info("Asset {} is broken: {}", assetId, e.reasonKey(), e);
            assets.markBroken(assetId, messages.get(e.reasonKey(), e.args()));
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
        announce(asset);
    }

    /** Gives up after the job's last retry, so the asset does not spin forever. */
    void giveUp(UUID assetId) {
        assets.byId(assetId).ifPresent(asset -> {
            assets.markBroken(assetId, messages.get("media.processing.failed"));
            announce(asset);
        });
    }

    private Derivatives derive(AssetRow asset, Path work) throws MediaException, IOException {
        Path original = blobs.localFile(asset.originalKey());
        if (asset.isVideo()) {
            VideoDerivatives video = videos.derive(original, work);
            // A video's large still is its poster: the preview and poster variants are one file.
            String poster = blobs.put(video.poster(), extensionOf(video.posterMimeType()));
            return new Derivatives(
                    video.width(),
                    video.height(),
                    video.durationMs(),
                    video.thumbhash(),
                    blobs.put(video.thumb(), extensionOf(video.thumbMimeType())),
                    poster,
                    poster,
                    blobs.put(video.hover(), "mp4"));
        }
        if (asset.isAudio()) {
            // A sound's face is its waveform: thumb and preview, like an image's.
            AudioDerivatives sound = sounds.derive(original, work);
            return new Derivatives(
                    null,
                    null,
                    sound.durationMs(),
                    sound.thumbhash(),
                    blobs.put(sound.thumb(), extensionOf(sound.mimeType())),
                    blobs.put(sound.waveform(), extensionOf(sound.mimeType())),
                    null,
                    null);
        }
        ImageDerivatives image = images.derive(original, work);
        return new Derivatives(
                image.width(),
                image.height(),
                null,
                image.thumbhash(),
                blobs.put(image.thumb(), extensionOf(image.thumbMimeType())),
                blobs.put(image.preview(), extensionOf(image.previewMimeType())),
                null,
                null);
    }

    private void forget(Derivatives files) throws IOException {
        List<String> keys = new ArrayList<>(List.of(files.thumbKey(), files.previewKey()));
        if (files.hoverKey() != null) {
            keys.add(files.hoverKey());
        }
        for (String key : keys) {
            blobs.delete(key);
        }
    }

    private void announce(AssetRow asset) {
        places.projectOf(asset.shotId())
                .ifPresent(projectId -> events.publish(new AssetProcessed(projectId, asset.shotId(), asset.id())));
    }

    static String extensionOf(String mimeType) {
        return switch (mimeType) {
            case "image/webp" -> "webp";
            case "image/png" -> "png";
            case "video/mp4" -> "mp4";
            default -> "jpg";
        };
    }
}
