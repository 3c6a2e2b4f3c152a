package app.kadr.element;

import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.OwnedKind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An element's reference images are takes of its owner, from any of their projects, read through the asset module:
 * an image, live, and theirs (someone else's take is not there: 404, as everywhere).
 */
@Component
class References {

    static final int MAX = 8;

    private final AssetService assets;
    private final Access access;

    References(AssetService assets, Access access) {
        this.assets = assets;
        this.access = access;
    }

    List<UUID> valid(UUID ownerId, @Nullable List<UUID> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX) {
            throw KadrException.invalid("referenceAssetIds", "element.references.too_many", MAX);
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw KadrException.invalid("referenceAssetIds", "element.references.empty_id");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw KadrException.invalid("referenceAssetIds", "element.references.repeated");
        }
        for (UUID id : ids) {
            if (!"image".equals(assets.get(ownerId, id).kind())) {
                throw KadrException.invalid("referenceAssetIds", "element.references.not_image");
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The take, if it is still there for its owner; a trashed reference is simply not shown or sent. Asked of
     * {@link Access} first rather than caught, since a refusal inside a transaction would spoil it.
     */
    Optional<Asset> shown(UUID ownerId, UUID assetId) {
        return access.ownerOf(OwnedKind.ASSET, assetId)
                .filter(ownerId::equals)
                .map(owner -> assets.get(owner, assetId));
    }
}
