package app.kadr.media;

import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Probes a video and writes its poster, thumbnail and hover clip into a work folder, with the bundled ffmpeg. */
@Component
public class VideoProcessor {

    public VideoDerivatives derive(Path original, Path workDir) throws MediaException {
        throw new UnsupportedOperationException("TODO: media helper");
    }
}
