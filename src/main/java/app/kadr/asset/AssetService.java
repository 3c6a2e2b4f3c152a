package app.kadr.asset;

import app.kadr.media.DetectedMedia;
import app.kadr.media.MediaException;
import app.kadr.media.MediaInspector;
import app.kadr.shared.Access;
import app.kadr.shared.AssetUrls;
import app.kadr.shared.Cursor;
import app.kadr.shared.DomainEvents;
import app.kadr.shared.KadrException;
import app.kadr.shared.KadrProperties;
import app.kadr.shared.Owned;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.Page;
import app.kadr.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** The takes of a shot: upload, feed, stars, trash, files and their repair. */
@Service
public class AssetService {

    private final Assets assets;
    private final Uploads uploads;
    private final BlobStore blobs;
    private final MediaJobs jobs;
    private final Access access;
    private final DomainEvents events;
    private final MediaInspector inspector;
    private final KadrProperties.Upload limits;
    private final AssetPlaces places;
    private final Provenance provenance;

    AssetService(
            Assets assets,
            Uploads uploads,
            BlobStore blobs,
            MediaJobs jobs,
            Access access,
            DomainEvents events,
            MediaInspector inspector,
            KadrProperties properties,
            AssetPlaces places,
            Provenance provenance) {
        this.assets = assets;
        this.uploads = uploads;
        this.blobs = blobs;
        this.jobs = jobs;
        this.access = access;
        this.events = events;
        this.inspector = inspector;
        this.limits = properties.upload();
        this.places = places;
        this.provenance = provenance;
    }

    /** Stores uploaded files as assets of a shot, all or none, and queues their processing. */
    @Transactional
    public List<Asset> upload(UUID ownerId, UUID shotId, List<MultipartFile> files) throws IOException {
        Owned shot = access.require(ownerId, OwnedKind.SHOT, shotId);
        List<String> stored = new ArrayList<>();
        try (Uploads.Batch batch = uploads.accept(files)) {
            List<Asset> created = new ArrayList<>();
            for (Uploads.Accepted file : batch.files()) {
                String key = blobs.put(file.staged(), file.media().extension());
                stored.add(key);
                AssetRow row = AssetRow.uploaded(shotId, file, key);
                assets.insert(row);
                jobs.schedule(row.id());
                created.add(Asset.of(row));
            }
            events.publish(new TakesChanged(shot.project(), shotId, null));
            return created;
        } catch (RuntimeException | IOException e) {
            for (String key : stored) {
                blobs.delete(key);
            }
            throw e;
        }
    }

    /**
     * Takes a generated file into a shot as a new asset, recognised by its content like an upload, and queues its
     * processing. The file is moved into the store; the name gets the extension of what the file really is.
     */
    @Transactional
    /** The generation a take came from, and what the gallery filters and searches it by. */
    public record MadeBy(UUID generationId, UUID modelId, UUID providerId, String prompt) {}

    public Asset storeGenerated(UUID shotId, MadeBy madeBy, Path file, String fileName) throws IOException {
        DetectedMedia media;
        try {
            media = inspector.inspect(file, limits.maxImagePixels());
        } catch (MediaException e) {
            throw new GeneratedFileRefused(e.reasonKey());
        }
        long bytes = java.nio.file.Files.size(file);
        String key = blobs.put(file, media.extension());
        try {
            AssetRow row = AssetRow.generated(
                    shotId, madeBy.generationId(), media, bytes, fileName + "." + media.extension(), key);
            assets.insert(row);
            assets.recordGeneration(row.id(), madeBy);
            jobs.schedule(row.id());
            places.projectOf(shotId)
                    .ifPresent(projectId -> events.publish(new TakesChanged(projectId, shotId, row.id())));
            return Asset.of(row);
        } catch (RuntimeException e) {
            blobs.delete(key);
            throw e;
        }
    }

    /**
     * Takes a file made from another take (a platform version) into the source's shot as a new take, processed like
     * an upload; the file is moved into the store and named {@code name} with the extension of what it really is.
     * The caller has already checked that the source is its owner's.
     */
    @Transactional
    public Asset storeVersion(UUID sourceAssetId, Path file, String name) throws IOException {
        AssetRow source = assets.byId(sourceAssetId).orElseThrow(KadrException::notFound);
        return storeDerived(source.shotId(), file, name);
    }

    /**
     * Takes a file the studio made from takes (a platform version, the last frame of another shot's video) into a
     * shot as a new take, processed like an upload; the file is moved into the store and named {@code name} with the
     * extension of what it really is. The caller has already checked that the shot is its owner's.
     */
    @Transactional
    public Asset storeDerived(UUID shotId, Path file, String name) throws IOException {
        DetectedMedia media;
        try {
            media = inspector.inspect(file, limits.maxImagePixels());
        } catch (MediaException e) {
            throw new GeneratedFileRefused(e.reasonKey());
        }
        long bytes = java.nio.file.Files.size(file);
        String key = blobs.put(file, media.extension());
        try {
            AssetRow row = AssetRow.version(shotId, media, bytes, name + "." + media.extension(), key);
            assets.insert(row);
            jobs.schedule(row.id());
            places.projectOf(row.shotId())
                    .ifPresent(projectId -> events.publish(new TakesChanged(projectId, row.shotId(), row.id())));
            return Asset.of(row);
        } catch (RuntimeException e) {
            blobs.delete(key);
            throw e;
        }
    }

    /** A provider's result that is not an image or video Kadr can use; the reason is a media message key. */
    public static final class GeneratedFileRefused extends IOException {
        private final String reasonKey;

        GeneratedFileRefused(String reasonKey) {
            super(reasonKey);
            this.reasonKey = reasonKey;
        }

        public String reasonKey() {
            return reasonKey;
        }
    }

    /** The original of an asset as a local file, for a provider that starts from it (the caller owns the asset). */
    @Transactional(readOnly = true)
    public SourceFile sourceFile(UUID ownerId, UUID assetId) throws IOException {
        StoredFile original = file(ownerId, assetId, "original");
        return new SourceFile(blobs.localFile(original.key()), original.mimeType());
    }

    @Transactional(readOnly = true)
    public Page<Asset> feed(
            UUID ownerId, UUID shotId, @Nullable String kind, @Nullable String cursor, @Nullable Integer limit) {
        access.require(ownerId, OwnedKind.SHOT, shotId);
        if (kind != null && !kind.equals("image") && !kind.equals("video") && !kind.equals("audio")) {
            throw KadrException.invalid("kind", "asset.kind.invalid");
        }
        int size = Cursor.limit(limit);
        List<AssetRow> rows = assets.feed(shotId, kind, Cursor.decode(cursor), size + 1);
        List<AssetRow> page = rows.stream().limit(size).toList();
        List<Asset> items = provenance.assets(page);
        if (rows.size() <= size) {
            return new Page<>(items, null);
        }
        Asset last = items.getLast();
        return new Page<>(items, new Cursor(last.createdAt(), last.id()).encode());
    }

    @Transactional(readOnly = true)
    public Asset get(UUID ownerId, UUID assetId) {
        access.require(ownerId, OwnedKind.ASSET, assetId);
        AssetRow row = assets.byId(assetId).orElseThrow(KadrException::notFound);
        return Asset.of(
                row,
                row.generationId() == null
                        ? null
                        : provenance.of(List.of(row.generationId())).get(row.generationId()));
    }

    @Transactional
    public Asset setStarred(UUID ownerId, UUID assetId, boolean starred) {
        access.require(ownerId, OwnedKind.ASSET, assetId);
        assets.setStarred(assetId, starred);
        return get(ownerId, assetId);
    }

    /** Moves an asset to the trash; if it was its shot's headliner, the shot simply shows none meanwhile. */
    @Transactional
    public void moveToTrash(UUID ownerId, UUID assetId) {
        Owned asset = access.require(ownerId, OwnedKind.ASSET, assetId);
        assets.setDeleted(assetId, true);
        events.publish(new TakesChanged(asset.project(), asset.shot(), assetId));
    }

    @Transactional
    public Asset restore(UUID ownerId, UUID assetId) {
        Owned asset = access.requireTrashed(ownerId, OwnedKind.ASSET, assetId);
        assets.setDeleted(assetId, false);
        events.publish(new TakesChanged(asset.project(), asset.shot(), assetId));
        return get(ownerId, assetId);
    }

    @Transactional(readOnly = true)
    public List<TrashedAsset> trashed(UUID ownerId) {
        return assets.trashed(ownerId);
    }

    /** Rebuilds an asset's derivatives if any is missing or the asset is broken. */
    @Transactional
    public Asset repair(UUID ownerId, UUID assetId) {
        access.require(ownerId, OwnedKind.ASSET, assetId);
        AssetRow row = assets.byId(assetId).orElseThrow(KadrException::notFound);
        if (needsRepair(row)) {
            assets.markProcessing(assetId);
            jobs.schedule(assetId);
        }
        return get(ownerId, assetId);
    }

    /** Repairs every asset of a project that needs it; answers how many were queued. */
    @Transactional
    public int repairProject(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        int queued = 0;
        for (AssetRow row : assets.ofProject(projectId)) {
            if (needsRepair(row)) {
                assets.markProcessing(row.id());
                jobs.schedule(row.id());
                queued++;
            }
        }
        return queued;
    }

    private boolean needsRepair(AssetRow row) {
        if ("processing".equals(row.mediaStatus())) {
            return false;
        }
        if ("broken".equals(row.mediaStatus())) {
            return blobs.exists(row.originalKey());
        }
        List<String> variants = row.isVideo() ? List.of("thumb", "poster", "hover") : List.of("thumb", "preview");
        return variants.stream().map(row::keyOf).anyMatch(key -> key == null || !blobs.exists(key));
    }

    /** A file of an asset, for its owner only. */
    @Transactional(readOnly = true)
    public StoredFile file(UUID ownerId, UUID assetId, String variant) {
        access.require(ownerId, OwnedKind.ASSET, assetId);
        AssetRow row = assets.byId(assetId).orElseThrow(KadrException::notFound);
        String key = row.keyOf(variant);
        if (key == null || !blobs.exists(key)) {
            throw KadrException.notFound();
        }
        String mime = variant.equals("original") ? row.mimeType() : mimeOf(key);
        return new StoredFile(key, mime, AssetUrls.version(key), row.originalName());
    }

    /**
     * The «Дубль N» of a take (its place among every take its shot ever had), for names that editors see, such as
     * the files of a hand-off to the edit.
     */
    @Transactional(readOnly = true)
    public int takeNumber(UUID ownerId, UUID assetId) {
        Owned asset = access.require(ownerId, OwnedKind.ASSET, assetId);
        return assets.takeOrder(asset.shot()).indexOf(assetId) + 1;
    }

    private static String mimeOf(String key) {
        String extension = key.substring(key.lastIndexOf('.') + 1);
        return switch (extension) {
            case "webp" -> "image/webp";
            case "png" -> "image/png";
            case "mp4" -> "video/mp4";
            default -> "image/jpeg";
        };
    }
}
