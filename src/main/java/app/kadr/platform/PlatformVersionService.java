package app.kadr.platform;

import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.media.FocalPoint;
import app.kadr.media.MediaException;
import app.kadr.media.Reframer;
import app.kadr.shared.KadrException;
import app.kadr.storage.BlobStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Asks for platform versions of a take and tells how they are getting on. */
@Service
public class PlatformVersionService {

    private static final Logger log = LoggerFactory.getLogger(PlatformVersionService.class);

    private final AssetService assets;
    private final PlatformVersions versions;
    private final PlatformVersionJobs jobs;
    private final Reframer reframer;
    private final BlobStore blobs;

    PlatformVersionService(
            AssetService assets,
            PlatformVersions versions,
            PlatformVersionJobs jobs,
            Reframer reframer,
            BlobStore blobs) {
        this.assets = assets;
        this.versions = versions;
        this.jobs = jobs;
        this.reframer = reframer;
        this.blobs = blobs;
    }

    /** Checks everything before writing anything; the versions are then made by a durable job. */
    @Transactional
    public PlatformVersion request(UUID ownerId, UUID assetId, PlatformVersionRequest body) {
        Asset source = usableSource(ownerId, assetId);
        List<PlatformFormat> formats = formats(body.formats());
        FocalPoint focus = body.focus() == null ? subjectOf(ownerId, source) : focus(body.focus());
        UUID id = UUID.randomUUID();
        versions.insert(id, ownerId, assetId, formats, focus);
        jobs.schedule(id);
        return view(versions.byId(id).orElseThrow());
    }

    /** The requests for a take's versions, newest first. */
    @Transactional(readOnly = true)
    public List<PlatformVersion> ofTake(UUID ownerId, UUID assetId) {
        assets.get(ownerId, assetId);
        return versions.ofSource(assetId).stream().map(this::view).toList();
    }

    /** The take the dialog shows, checked as a request would check it. */
    @Transactional(readOnly = true)
    public Asset source(UUID ownerId, UUID assetId) {
        return usableSource(ownerId, assetId);
    }

    /** Where the subject of a take seems to be, found on its preview (a video's poster); the centre if unsure. */
    public FocalPoint subjectOf(UUID ownerId, Asset take) {
        try {
            return reframer.subjectOf(
                    blobs.localFile(assets.file(ownerId, take.id(), "preview").key()));
        } catch (MediaException | IOException | KadrException e) {
            log.info("No subject found in take {}, framing on its centre", take.id(), e);
            return FocalPoint.CENTRE;
        }
    }

    private Asset usableSource(UUID ownerId, UUID assetId) {
        Asset source = assets.get(ownerId, assetId);
        if (!source.kind().equals("image") && !source.kind().equals("video")) {
            throw KadrException.invalid("assetId", "asset.platform.kind");
        }
        if (!source.isReady() || source.width() == null || source.height() == null) {
            throw KadrException.conflict("asset.platform.not_ready");
        }
        return source;
    }

    private static List<PlatformFormat> formats(@Nullable List<String> names) {
        if (names == null || names.isEmpty()) {
            throw KadrException.invalid("formats", "asset.platform.formats.required");
        }
        Set<PlatformFormat> formats = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null) {
                throw KadrException.invalid("formats", "asset.platform.format.unknown", "null");
            }
            formats.add(PlatformFormat.byApiName(name)
                    .orElseThrow(() -> KadrException.invalid("formats", "asset.platform.format.unknown", name)));
        }
        return new ArrayList<>(formats);
    }

    private static FocalPoint focus(PlatformVersionRequest.Focus focus) {
        Double x = focus.x();
        Double y = focus.y();
        if (x == null || y == null || !(x >= 0 && x <= 1) || !(y >= 0 && y <= 1)) {
            throw KadrException.invalid("focus", "asset.platform.focus.invalid");
        }
        return new FocalPoint(x, y);
    }

    private PlatformVersion view(PlatformVersions.Row row) {
        var made = versions.takes(row.id());
        return new PlatformVersion(
                row.id(),
                row.sourceAssetId(),
                row.formats().stream().map(PlatformFormat::apiName).toList(),
                row.focus(),
                row.status(),
                row.failure(),
                row.formats().stream()
                        .filter(made::containsKey)
                        .map(format -> new PlatformVersion.Take(format.apiName(), made.get(format)))
                        .toList(),
                row.createdAt(),
                row.finishedAt());
    }
}
