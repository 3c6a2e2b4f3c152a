package app.kadr.asset;

import app.kadr.account.CurrentUser;
import app.kadr.shared.Page;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The gallery for scripts: every take across the caller's projects, favourites, copies and moves. */
@RestController
@RequestMapping("/api/v1/assets")
class GalleryApi {

    private final GalleryService gallery;
    private final AssetService assets;
    private final TakeTransfers transfers;

    GalleryApi(GalleryService gallery, AssetService assets, TakeTransfers transfers) {
        this.gallery = gallery;
        this.assets = assets;
        this.transfers = transfers;
    }

    @GetMapping
    Page<GalleryItem> search(
            CurrentUser me,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String projectId,
            @RequestParam(required = false) String modelId,
            @RequestParam(required = false) String providerId,
            @RequestParam(required = false) String favourite,
            @RequestParam(required = false) String headliner,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        GalleryFilter filter =
                GalleryFilter.parse(q, kind, projectId, modelId, providerId, favourite, headliner, from, to);
        return gallery.search(me.id(), filter, cursor, limit);
    }

    @PutMapping("/{assetId}/favourite")
    Asset favourite(CurrentUser me, @PathVariable UUID assetId) {
        return assets.setStarred(me.id(), assetId, true);
    }

    @DeleteMapping("/{assetId}/favourite")
    Asset unfavourite(CurrentUser me, @PathVariable UUID assetId) {
        return assets.setStarred(me.id(), assetId, false);
    }

    /** Where a copy or move goes. */
    record Target(@Nullable String shotId) {}

    @PostMapping("/{assetId}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    Asset copy(CurrentUser me, @PathVariable UUID assetId, @RequestBody Target target) {
        return transfers.copy(me.id(), assetId, target.shotId());
    }

    @PostMapping("/{assetId}/move")
    Asset move(CurrentUser me, @PathVariable UUID assetId, @RequestBody Target target) {
        return transfers.move(me.id(), assetId, target.shotId());
    }
}
