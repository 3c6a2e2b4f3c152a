package app.kadr.media;

import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Recognises an uploaded file by its content and refuses what the studio cannot use. */
@Component
public class MediaInspector {

    /**
     * @param file the uploaded bytes, already on disk
     * @param maxImagePixels images with more pixels than this are refused before any decoding
     * @throws MediaException for an empty, unknown, fake or unreadable file, or a decompression bomb
     */
    public DetectedMedia inspect(Path file, long maxImagePixels) throws MediaException {
        throw new UnsupportedOperationException("TODO: media helper");
    }
}
