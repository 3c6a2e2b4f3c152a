package app.kadr.asset;

import app.kadr.account.CurrentUser;
import app.kadr.shared.KadrException;
import app.kadr.shared.Page;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
class AssetApi {

    private final AssetService assets;

    AssetApi(AssetService assets) {
        this.assets = assets;
    }

    @GetMapping("/shots/{shotId}/assets")
    Page<Asset> feed(
            CurrentUser me,
            @PathVariable UUID shotId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return assets.feed(me.id(), shotId, kind, cursor, limit);
    }

    @PostMapping(value = "/shots/{shotId}/assets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    List<Asset> upload(CurrentUser me, @PathVariable UUID shotId, @RequestPart("file") List<MultipartFile> files)
            throws IOException {
        return assets.upload(me.id(), shotId, files);
    }

    @GetMapping("/assets/{assetId}")
    Asset get(CurrentUser me, @PathVariable UUID assetId) {
        return assets.get(me.id(), assetId);
    }

    @PatchMapping("/assets/{assetId}")
    Asset update(CurrentUser me, @PathVariable UUID assetId, @RequestBody Map<String, Object> body) {
        Object starred = body.get("starred");
        if (starred == null) {
            return assets.get(me.id(), assetId);
        }
        if (!(starred instanceof Boolean value)) {
            throw KadrException.invalid("starred", "asset.starred.invalid");
        }
        return assets.setStarred(me.id(), assetId, value);
    }

    @DeleteMapping("/assets/{assetId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser me, @PathVariable UUID assetId) {
        assets.moveToTrash(me.id(), assetId);
    }

    @PostMapping("/assets/{assetId}/restore")
    Asset restore(CurrentUser me, @PathVariable UUID assetId) {
        return assets.restore(me.id(), assetId);
    }

    @PostMapping("/assets/{assetId}/repair")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Asset repair(CurrentUser me, @PathVariable UUID assetId) {
        return assets.repair(me.id(), assetId);
    }

    record Repaired(int queued) {}

    @PostMapping("/projects/{projectId}/repair")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Repaired repairProject(CurrentUser me, @PathVariable UUID projectId) {
        return new Repaired(assets.repairProject(me.id(), projectId));
    }
}
