package app.kadr.asset;

import app.kadr.account.CurrentUser;
import app.kadr.shared.PublicAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Direct uploads: an address for the bytes, the bytes themselves when Kadr takes them, and the confirm. */
@RestController
@RequestMapping("/api/v1")
class DirectUploadApi {

    private final DirectUploads uploads;
    private final PublicAddress address;

    DirectUploadApi(DirectUploads uploads, PublicAddress address) {
        this.uploads = uploads;
        this.address = address;
    }

    @PostMapping("/shots/{shotId}/uploads")
    @ResponseStatus(HttpStatus.CREATED)
    DirectUploads.Ticket start(
            CurrentUser me, @PathVariable UUID shotId, @RequestBody DirectUploads.Declared declared) {
        return uploads.start(me.id(), shotId, declared, address.prefix());
    }

    @PutMapping("/uploads/{uploadId}/content")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void content(CurrentUser me, @PathVariable UUID uploadId, HttpServletRequest request) throws IOException {
        uploads.receive(me.id(), uploadId, request.getInputStream());
    }

    @PostMapping("/uploads/{uploadId}/confirm")
    Asset confirm(CurrentUser me, @PathVariable UUID uploadId) throws IOException {
        return uploads.confirm(me.id(), uploadId);
    }
}
