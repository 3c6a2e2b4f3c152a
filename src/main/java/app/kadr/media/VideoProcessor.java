package app.kadr.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Probes a video and writes its poster, thumbnail and hover clip into a work folder. */
@Component
public class VideoProcessor {

    private static final Logger log = LoggerFactory.getLogger(VideoProcessor.class);

    /** A poster from one second in skips the black or blurred first frames most clips open with. */
    private static final long POSTER_AT_MS = 1000;

    private static final String HOVER_SECONDS = "6";
    private static final int HOVER_MAX_WIDTH = 480;

    private final FfmpegRunner ffmpeg;
    private final VideoProbe probe;

    public VideoProcessor(FfmpegRunner ffmpeg, VideoProbe probe) {
        this.ffmpeg = ffmpeg;
        this.probe = probe;
    }

    public VideoDerivatives derive(Path original, Path workDir) throws MediaException {
        VideoInfo info = probe.probe(original);
        BufferedImage frame = posterFrame(original, workDir, info.durationMs());
        Stills.Written stills = Stills.write(frame, workDir, "poster");
        Path hover = hoverClip(original, workDir);
        return new VideoDerivatives(
                stills.large(),
                Stills.MIME_TYPE,
                stills.thumb(),
                Stills.MIME_TYPE,
                hover,
                info.width(),
                info.height(),
                info.durationMs(),
                stills.thumbhash());
    }

    private BufferedImage posterFrame(Path original, Path workDir, long durationMs) throws MediaException {
        Path frame = workDir.resolve("poster-frame.bmp");
        try {
            if (durationMs >= 2 * POSTER_AT_MS) {
                extractFrame(original, frame, POSTER_AT_MS);
            }
            if (!Files.isRegularFile(frame) || Files.size(frame) == 0) {
                extractFrame(original, frame, 0); // too short, or the seek landed past the end
            }
            BufferedImage image = Files.isRegularFile(frame) ? ImageIO.read(frame.toFile()) : null;
            if (image == null) {
                throw new MediaException("media.video.unreadable");
            }
            return Stills.toIntPixels(image);
        } catch (IOException e) {
            throw new MediaException("media.video.unreadable", e);
        } finally {
            deleteQuietly(frame);
        }
    }

    /** Scaled by ffmpeg (after it turned the frame upright) and written as BMP, which costs nothing to encode. */
    private void extractFrame(Path original, Path frame, long atMs) throws MediaException {
        String box = Integer.toString(Stills.LARGE_SIZE);
        run(FfmpegCommand.read(original, InputFormat.VIDEO, "-ss", seconds(atMs))
                .writeTo(
                        frame,
                        "-map",
                        "0:v:0",
                        "-frames:v",
                        "1",
                        "-vf",
                        "scale=w='min(" + box + ",iw)':h='min(" + box + ",ih)':force_original_aspect_ratio=decrease",
                        "-map_metadata",
                        "-1",
                        "-c:v",
                        "bmp",
                        "-pix_fmt",
                        "bgr24",
                        "-f",
                        "image2",
                        "-update",
                        "1"));
    }

    /**
     * A muted H.264 loop small enough to start playing as soon as the pointer rests on a card: at most 6 s, 480 px
     * wide, capped bitrate (so at most about 340 KB), and written as every MP4 a client may receive ({@link CleanMp4}).
     */
    private Path hoverClip(Path original, Path workDir) throws MediaException {
        Path hover = workDir.resolve("hover.mp4");
        String width = "trunc(min(" + HOVER_MAX_WIDTH + ",iw)/2)*2";
        long started = System.nanoTime();
        List<String> options = new ArrayList<>(List.of(
                "-map",
                "0:v:0",
                "-an",
                "-sn",
                "-dn",
                "-vf",
                "scale=w='" + width + "':h=-2,format=yuv420p",
                "-fpsmax",
                "30",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "28",
                "-maxrate",
                "450k",
                "-bufsize",
                "900k",
                "-pix_fmt",
                "yuv420p"));
        options.addAll(CleanMp4.OPTIONS);
        run(FfmpegCommand.read(original, InputFormat.VIDEO, "-t", HOVER_SECONDS).writeTo(hover, options));
        log.debug("Hover clip encoded in {} ms", (System.nanoTime() - started) / 1_000_000);
        return hover;
    }

    private void run(FfmpegCommand command) throws MediaException {
        try {
            ffmpeg.run(command, FfmpegWork.PREVIEW);
        } catch (FfmpegException e) {
            throw MediaFailures.of(e, "media.video.unreadable");
        }
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.3f", ms / 1000.0);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }
}
