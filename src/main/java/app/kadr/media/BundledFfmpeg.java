package app.kadr.media;

import java.nio.file.Path;

/** The bundled ffmpeg for code outside this module that needs to run it directly, such as test sample makers. */
public final class BundledFfmpeg {

    private BundledFfmpeg() {}

    /**
     * @return the extracted static ffmpeg, ready to run
     * @throws IllegalStateException when there is no bundled binary for this platform or it cannot be extracted
     */
    public static Path executable() {
        try {
            return Ffmpeg.executable();
        } catch (MediaException e) {
            throw new IllegalStateException("The bundled ffmpeg is not available", e);
        }
    }
}
