package app.kadr.media;

import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Decodes an image once and writes its thumbnail, preview and placeholder into a work folder. */
@Component
public class ImageProcessor {

    public ImageDerivatives derive(Path original, Path workDir) throws MediaException {
        throw new UnsupportedOperationException("TODO: media helper");
    }
}
