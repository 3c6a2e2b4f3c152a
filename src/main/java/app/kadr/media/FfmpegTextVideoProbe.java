package app.kadr.media;

import java.nio.file.Path;

/** The probe for an ffmpeg without ffprobe, such as the bundled one: reads what ffmpeg prints about its input. */
final class FfmpegTextVideoProbe implements VideoProbe {

    private final FfmpegRunner ffmpeg;

    FfmpegTextVideoProbe(FfmpegRunner ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    @Override
    public VideoInfo probe(Path file) throws MediaException {
        String description;
        try {
            description = ffmpeg.describe(file, InputFormat.VIDEO);
        } catch (FfmpegException e) {
            throw MediaFailures.of(e, "media.video.unreadable");
        }
        return InputDescription.parse(description);
    }

    @Override
    public long audioDurationMs(Path file) throws MediaException {
        try {
            return InputDescription.audioDurationMs(ffmpeg.describe(file, InputFormat.AUDIO));
        } catch (FfmpegException e) {
            throw MediaFailures.of(e, "media.audio.unreadable");
        }
    }

    @Override
    public String describe() {
        return "ffmpeg's description of its input (no ffprobe)";
    }
}
