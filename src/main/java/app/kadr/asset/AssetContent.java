package app.kadr.asset;

import app.kadr.account.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
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
 * version, and byte ranges so videos seek.
 */
@RestController
class AssetContent {

    private static final Set<String> VARIANTS = Set.of("original", "thumb", "preview", "poster", "hover");

    private final AssetService assets;

    AssetContent(AssetService assets) {
        this.assets = assets;
    }

    @GetMapping("/api/v1/assets/{assetId}/content/{variant}")
    ResponseEntity<Resource> content(
            CurrentUser me,
            @PathVariable UUID assetId,
            @PathVariable String variant,
            @RequestParam(name = "v", required = false) String version,
            @RequestParam(required = false) boolean download,
            WebRequest request) {
        if (!VARIANTS.contains(variant)) {
            throw app.kadr.shared.KadrException.notFound();
        }
        StoredFile file = assets.file(me.id(), assetId, variant);
        String etag = "\"" + file.version() + "\"";
        CacheControl caching = file.version().equals(version)
                ? CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable()
                : CacheControl.noCache().cachePrivate();
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(caching).build();
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
        return answer.body(new FileSystemResource(file.path()));
    }
}
