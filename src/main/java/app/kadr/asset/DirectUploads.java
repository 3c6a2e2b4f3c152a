package app.kadr.asset;

import app.kadr.shared.Access;
import app.kadr.shared.DomainEvents;
import app.kadr.shared.KadrException;
import app.kadr.shared.KadrProperties;
import app.kadr.shared.Owned;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.Problem;
import app.kadr.storage.BlobInfo;
import app.kadr.storage.BlobStore;
import app.kadr.storage.PresignedUpload;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads whose bytes go straight to the store: the studio hands out an address (a presigned PUT into the bucket,
 * or its own address on the local disk), the browser sends the file there, and a confirm checks what arrived and
 * makes it a take, once. A refused file is deleted at once; one never confirmed is deleted when it expires.
 */
@Service
public class DirectUploads {

    private static final Logger log = LoggerFactory.getLogger(DirectUploads.class);
    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z]+/[a-zA-Z0-9.+-]{1,80}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,5}");

    /** Where and how the browser sends the bytes, and until when. */
    public record Ticket(UUID uploadId, URI url, String method, Map<String, String> headers, Instant expiresAt) {}

    /** What the browser declares before it sends a file. */
    public record Declared(
            @Nullable String fileName,
            @Nullable Long size,
            @Nullable String contentType) {}

    private final DirectUploadRows rows;
    private final Assets assets;
    private final Uploads checks;
    private final BlobStore blobs;
    private final MediaJobs jobs;
    private final Access access;
    private final DomainEvents events;
    private final TransactionTemplate transaction;
    private final DirectUploadSettings settings;
    private final KadrProperties.Upload limits;

    DirectUploads(
            DirectUploadRows rows,
            Assets assets,
            Uploads checks,
            BlobStore blobs,
            MediaJobs jobs,
            Access access,
            DomainEvents events,
            TransactionTemplate transaction,
            DirectUploadSettings settings,
            KadrProperties properties) {
        this.rows = rows;
        this.assets = assets;
        this.checks = checks;
        this.blobs = blobs;
        this.jobs = jobs;
        this.access = access;
        this.events = events;
        this.transaction = transaction;
        this.settings = settings;
        this.limits = properties.upload();
    }

    /**
     * Opens an upload into the owner's shot; {@code kadrAddress} is the studio's public address (or empty: the
     * address of Kadr's own upload is then a path).
     */
    public Ticket start(UUID ownerId, UUID shotId, Declared declared, String kadrAddress) {
        access.require(ownerId, OwnedKind.SHOT, shotId);
        String fileName = FileNames.clean(declared.fileName());
        long size = declared.size() == null ? 0 : declared.size();
        if (size <= 0) {
            throw KadrException.invalid("size", "upload.direct.size.missing");
        }
        if (size > Math.max(limits.maxImageBytes(), limits.maxVideoBytes())) {
            throw KadrException.of(Problem.TOO_LARGE, "upload.too_large.request");
        }
        if (size > blobs.largestSingleUpload()) {
            throw KadrException.invalid("size", "upload.direct.size.store_limit");
        }
        String contentType = declared.contentType() == null ? "" : declared.contentType();
        if (!CONTENT_TYPE.matcher(contentType).matches()) {
            throw KadrException.invalid("contentType", "upload.direct.content_type");
        }
        UUID id = UUID.randomUUID();
        String key = blobs.newKey(extensionOf(fileName));
        Instant expiresAt = Instant.now().plus(settings.lifetime());
        rows.insert(new DirectUploadRow(id, ownerId, shotId, key, fileName, size, contentType, null, expiresAt));
        Optional<PresignedUpload> presigned = blobs.presignedPut(key, contentType, settings.lifetime());
        if (presigned.isPresent()) {
            PresignedUpload put = presigned.get();
            return new Ticket(id, put.url(), put.method(), put.headers(), expiresAt);
        }
        URI url = URI.create(kadrAddress + "/api/v1/uploads/" + id + "/content");
        return new Ticket(id, url, "PUT", Map.of("Content-Type", contentType), expiresAt);
    }

    /** Takes the bytes of an upload through Kadr (the local disk, or a bucket without signed addresses). */
    public void receive(UUID ownerId, UUID uploadId, InputStream body) throws IOException {
        DirectUploadRow upload = open(ownerId, uploadId);
        if (upload.assetId() != null) {
            throw KadrException.conflict("upload.direct.already_confirmed");
        }
        try (InputStream limited = new LimitedInput(body, upload.declaredSize())) {
            blobs.write(upload.blobKey(), limited);
        } catch (LimitedInput.TooLong e) {
            blobs.delete(upload.blobKey());
            throw KadrException.invalid("size", "upload.direct.size.wrong", upload.declaredSize());
        }
    }

    /** Checks what arrived and makes it a take; a second confirm answers the same take. */
    public Asset confirm(UUID ownerId, UUID uploadId) throws IOException {
        DirectUploadRow upload = open(ownerId, uploadId);
        if (upload.assetId() != null) {
            return Asset.of(assets.byId(upload.assetId()).orElseThrow(KadrException::notFound));
        }
        Owned shot = access.require(ownerId, OwnedKind.SHOT, upload.shotId());
        BlobInfo blob = blobs.stat(upload.blobKey())
                .orElseThrow(() -> KadrException.invalid("uploadId", "upload.direct.nothing_arrived"));
        Uploads.Accepted accepted;
        try {
            if (blob.size() != upload.declaredSize()) {
                throw KadrException.invalid("size", "upload.direct.size.wrong", upload.declaredSize());
            }
            accepted = checks.check(upload.fileName(), blobs.localFile(upload.blobKey()), Problem.VALIDATION);
        } catch (KadrException refused) {
            forget(upload);
            throw refused;
        }
        return transaction.execute(status -> {
            DirectUploadRow locked = rows.lock(uploadId).orElseThrow(KadrException::notFound);
            if (locked.assetId() != null) {
                return Asset.of(assets.byId(locked.assetId()).orElseThrow(KadrException::notFound));
            }
            AssetRow row = AssetRow.uploaded(upload.shotId(), accepted, upload.blobKey());
            assets.insert(row);
            rows.confirmed(uploadId, row.id());
            jobs.schedule(row.id());
            events.publish(new TakesChanged(shot.project(), upload.shotId(), row.id()));
            return Asset.of(row);
        });
    }

    /** Deletes expired uploads: the bytes of those never confirmed, and every expired row. */
    int expire() throws IOException {
        int removed = 0;
        for (DirectUploadRow upload : rows.expiredBefore(Instant.now(), 500)) {
            if (upload.assetId() == null) {
                blobs.delete(upload.blobKey());
            }
            rows.delete(upload.id());
            removed++;
        }
        if (removed > 0) {
            log.info("Removed {} expired direct uploads", removed);
        }
        return removed;
    }

    private DirectUploadRow open(UUID ownerId, UUID uploadId) throws IOException {
        access.require(ownerId, OwnedKind.DIRECT_UPLOAD, uploadId);
        DirectUploadRow upload = rows.byId(uploadId).orElseThrow(KadrException::notFound);
        if (upload.assetId() == null && upload.expired()) {
            forget(upload);
            throw KadrException.notFound();
        }
        return upload;
    }

    private void forget(DirectUploadRow upload) throws IOException {
        blobs.delete(upload.blobKey());
        rows.delete(upload.id());
    }

    private static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSION.matcher(extension).matches() ? extension : "bin";
    }
}
