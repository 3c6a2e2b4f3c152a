package app.kadr.asset;

import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.KadrProperties;
import app.kadr.shared.Owned;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.Rows;
import app.kadr.storage.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Masks for inpainting: a PNG drawn over an image take, white where the picture is to be made anew and black where it
 * stays. Each is kept as a take of kind {@code mask} linked to its image, in the image's shot but out of its feed, so
 * a generation can name it ({@code maskAssetId}) and provenance can show it.
 */
@Service
public class MaskService {

    /** A mask is one bit per pixel at heart; even a large picture's mask compresses far below this. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    private final Assets assets;
    private final BlobStore blobs;
    private final Access access;
    private final KadrProperties.Upload limits;

    MaskService(Assets assets, BlobStore blobs, Access access, KadrProperties properties) {
        this.assets = assets;
        this.blobs = blobs;
        this.access = access;
        this.limits = properties.upload();
    }

    /** Checks the file by its content, brings it to the image's size in pure black and white, and stores it. */
    @Transactional
    public Asset create(UUID ownerId, UUID imageId, MultipartFile file) throws IOException {
        Owned image = access.require(ownerId, OwnedKind.ASSET, imageId);
        AssetRow source = assets.byId(imageId).orElseThrow(KadrException::notFound);
        if (!"image".equals(source.kind()) || !"ready".equals(source.mediaStatus()) || source.width() == null) {
            throw KadrException.invalid("assetId", "asset.mask.source_not_image");
        }
        if (file.getSize() > MAX_BYTES) {
            throw KadrException.invalid("file", "asset.mask.too_large", MAX_BYTES / (1024 * 1024));
        }
        byte[] png;
        try (InputStream in = file.getInputStream()) {
            png = MaskImage.normalise(in.readAllBytes(), source.width(), source.height(), limits.maxImagePixels());
        }
        String key = blobs.write(new ByteArrayInputStream(png), "png");
        try {
            AssetRow row = new AssetRow(
                    UUID.randomUUID(),
                    image.shot(),
                    "mask",
                    "upload",
                    "ready",
                    null,
                    "image/png",
                    png.length,
                    source.width(),
                    source.height(),
                    null,
                    null,
                    "mask.png",
                    key,
                    null,
                    null,
                    null,
                    null,
                    false,
                    Rows.now(),
                    null);
            assets.insertMask(row, imageId);
            return Asset.of(assets.byId(row.id()).orElseThrow());
        } catch (RuntimeException e) {
            blobs.delete(key);
            throw e;
        }
    }

    /** The image a mask the person owns was drawn over; empty if the asset is not a mask. 404 if not theirs. */
    @Transactional(readOnly = true)
    public Optional<UUID> imageOf(UUID ownerId, UUID maskId) {
        access.require(ownerId, OwnedKind.ASSET, maskId);
        return assets.maskOf(maskId);
    }

    static byte[] encode(java.awt.image.BufferedImage image) throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }
}
