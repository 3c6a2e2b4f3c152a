package app.kadr.media;

import java.nio.file.Path;
import java.time.Duration;

/** What ffmpeg says about a video's main picture stream. */
final class VideoProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param width as displayed, after rotation
     * @param height as displayed, after rotation
     * @param durationMs 0 when the container does not say
     * @param codec the picture codec, e.g. h264
     * @param hasAudio whether any audio stream is present
     */
    record Info(int width, int height, long durationMs, String codec, boolean hasAudio) {}

    private VideoProbe() {}

    static Info probe(Path file) throws MediaException {
        return InputDescription.parse(Ffmpeg.describeInput(file, TIMEOUT));
    }
}
