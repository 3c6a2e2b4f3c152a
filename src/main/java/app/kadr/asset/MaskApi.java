package app.kadr.asset;

import app.kadr.account.CurrentUser;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A mask drawn over an image take, for inpainting: {@code POST /api/v1/assets/{assetId}/masks} with a PNG. */
@RestController
@RequestMapping("/api/v1")
class MaskApi {

    private final MaskService masks;

    MaskApi(MaskService masks) {
        this.masks = masks;
    }

    @PostMapping(value = "/assets/{assetId}/masks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Asset create(CurrentUser me, @PathVariable UUID assetId, @RequestPart("file") MultipartFile file)
            throws IOException {
        return masks.create(me.id(), assetId, file);
    }
}
