package app.kadr.asset;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the box page from which size a video goes straight to the store ({@code kadr.direct-uploads.threshold}). */
@ControllerAdvice(assignableTypes = BoxPage.class)
class DirectUploadThreshold {

    private final DirectUploadSettings settings;

    DirectUploadThreshold(DirectUploadSettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("directUploadFrom")
    long directUploadFrom() {
        return settings.threshold().toBytes();
    }
}
