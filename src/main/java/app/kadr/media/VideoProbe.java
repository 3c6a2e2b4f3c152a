package app.kadr.media;

import java.nio.file.Path;

/**
 * Reads what a video holds. Two ways, chosen once at start ({@link MediaToolsConfiguration}): ffprobe's JSON when an
 * ffprobe is configured, otherwise what the bundled ffmpeg prints about its input (it comes without ffprobe).
 */
public interface VideoProbe {

    /**
     * @throws MediaException {@code media.video.unreadable} for a file ffmpeg cannot read (or an allowed demuxer
     *     cannot), {@code media.video.no_stream} for one without a picture, {@code media.video.timed_out} past the
     *     probe's time limit
     */
    VideoInfo probe(Path file) throws MediaException;

    /**
     * How long a sound file plays, read the same way as a video.
     *
     * @throws MediaException {@code media.audio.unreadable} for a file ffmpeg cannot read or one without a sound
     *     track or length, {@code media.video.timed_out} past the probe's time limit
     */
    long audioDurationMs(Path file) throws MediaException;

    /** For the start-up log: which tool reads the files. */
    String describe();

    /** The probe the studio would choose for these tools: ffprobe's JSON if there is an ffprobe, else ffmpeg's text. */
    static VideoProbe of(FfmpegRunner tools) {
        return MediaToolsConfiguration.choose(tools);
    }
}
