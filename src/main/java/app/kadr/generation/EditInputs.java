package app.kadr.generation;

import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.asset.MaskService;
import app.kadr.catalog.CatalogModel;
import app.kadr.shared.KadrException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The inputs of the picture edits beyond a prompt and a source: an inpaint's mask and an outpaint's canvas. */
@Component
class EditInputs {

    private final AssetService assets;
    private final MaskService masks;

    EditInputs(AssetService assets, MaskService masks) {
        this.assets = assets;
        this.masks = masks;
    }

    /** The mask among a generation's sources (an inpainted take names it there), or null. */
    @Nullable
    UUID maskAmong(UUID ownerId, List<UUID> sources) {
        return sources.stream()
                .filter(id -> masks.imageOf(ownerId, id).isPresent())
                .findFirst()
                .orElse(null);
    }

    /**
     * The mask of an inpaint: required by a model that takes one, refused by any other; it must be the person's, a
     * mask, and drawn over this generation's source image.
     */
    @Nullable
    UUID mask(UUID ownerId, @Nullable UUID maskId, List<UUID> sources, CatalogModel model) {
        boolean takesMask = model.accepts("maskImage");
        if (maskId == null) {
            if (takesMask) {
                throw KadrException.invalid("maskAssetId", "generation.mask.missing");
            }
            return null;
        }
        if (!takesMask) {
            throw KadrException.invalid("maskAssetId", "generation.mask.unsupported");
        }
        UUID image = masks.imageOf(ownerId, maskId)
                .orElseThrow(() -> KadrException.invalid("maskAssetId", "generation.mask.not_mask"));
        if (sources.isEmpty() || !sources.getFirst().equals(image)) {
            throw KadrException.invalid("maskAssetId", "generation.mask.other_image");
        }
        return maskId;
    }

    OutpaintCanvas canvas(UUID ownerId, UUID sourceId, Map<String, Object> params) {
        Asset source = assets.get(ownerId, sourceId);
        if (source.width() == null || source.height() == null) {
            throw KadrException.invalid("sourceAssetIds", "generation.source.not_image");
        }
        return OutpaintCanvas.of(
                source.width(),
                source.height(),
                String.valueOf(params.getOrDefault("aspectRatio", "9:16")),
                number(params.get("offsetX")),
                number(params.get("offsetY")));
    }

    private static double number(@Nullable Object value) {
        return value instanceof Number n ? n.doubleValue() : 0.5;
    }
}
