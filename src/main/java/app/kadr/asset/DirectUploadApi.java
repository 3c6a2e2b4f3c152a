package app.kadr.asset;

import app.kadr.account.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Direct uploads: an address for the bytes, the bytes themselves when Kadr takes them, and the confirm. */
@RestController
@RequestMapping("/api/v1")
class DirectUploadApi {

    private final DirectUploads uploads;

    DirectUploadApi(DirectUploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping("/shots/{shotId}/uploads")
    @ResponseStatus(HttpStatus.CREATED)
    DirectUploads.Ticket start(
            CurrentUser me, @PathVariable UUID shotId, @RequestBody DirectUploads.Declared declared) {
        URI kadr = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUri();
        return uploads.start(me.id(), shotId, declared, kadr);
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
