package app.kadr.asset;

import app.kadr.account.CurrentUser;
import app.kadr.shared.KadrException;
import app.kadr.storage.BlobStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves an asset's files to its owner: ETag revalidation, long caching when the address names the file's
 * version, and byte ranges so videos seek. With presigned downloads on ({@code KADR_S3_PRESIGNED_DOWNLOADS}) the
 * answer is a redirect to a short-lived signed address in the bucket, which serves ranges itself.
 */
@RestController
class AssetContent {

    private static final Set<String> VARIANTS = Set.of("original", "thumb", "preview", "poster", "hover");

    /** How long a signed address stays valid; the redirect to it is kept by the browser for half of that. */
    private static final Duration SIGNED_FOR = Duration.ofMinutes(10);

    private final AssetService assets;
    private final BlobStore blobs;

    AssetContent(AssetService assets, BlobStore blobs) {
        this.assets = assets;
        this.blobs = blobs;
    }

    @GetMapping("/api/v1/assets/{assetId}/content/{variant}")
    ResponseEntity<Resource> content(
            CurrentUser me,
            @PathVariable UUID assetId,
            @PathVariable String variant,
            @RequestParam(name = "v", required = false) String version,
            @RequestParam(required = false) boolean download,
            WebRequest request)
            throws IOException {
        if (!VARIANTS.contains(variant)) {
            throw KadrException.notFound();
        }
        StoredFile file = assets.file(me.id(), assetId, variant);
        String etag = "\"" + file.version() + "\"";
        CacheControl caching = file.version().equals(version)
                ? CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable()
                : CacheControl.noCache().cachePrivate();
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(caching).build();
        }
        Optional<URI> signed =
                blobs.presignedGet(file.key(), SIGNED_FOR, file.mimeType(), download ? file.downloadName() : null);
        if (signed.isPresent()) {
            return ResponseEntity.status(302)
                    .location(signed.get())
                    .cacheControl(CacheControl.maxAge(SIGNED_FOR.dividedBy(2)).cachePrivate())
                    .build();
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(caching)
                .contentType(MediaType.parseMediaType(file.mimeType()));
        if (download) {
            answer.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(file.downloadName(), StandardCharsets.UTF_8)
                            .build()
                            .toString());
        }
        try {
            return answer.body(blobs.resource(file.key()));
        } catch (NoSuchFileException gone) {
            throw KadrException.notFound();
        }
    }
}
