package app.kadr.media;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The full-quality files a client reviews: a video with its sound at up to 1080p, a still at up to 2560 px. Both
 * are made anew from the original, so nothing of its metadata, its name or the software that made it goes along.
 */
@Component
public class ReviewRenditions {

    /** The long and the short side of 1080p: a portrait video gets 1080 × 1920 at most. */
    static final int VIDEO_LONG_SIDE = 1920;

    static final int VIDEO_SHORT_SIDE = 1080;
    static final int STILL_SIZE = 2560;
    private static final float STILL_QUALITY = 0.88f;

    /** A written rendition and the size of its picture. */
    public record Made(Path file, String mimeType, int width, int height) {}

    private final FfmpegRunner ffmpeg;
    private final VideoProbe probe;

    public ReviewRenditions(FfmpegRunner ffmpeg, VideoProbe probe) {
        this.ffmpeg = ffmpeg;
        this.probe = probe;
    }

    /**
     * H.264 and AAC in an MP4 that every browser plays with its sound: the picture shrunk into 1080p keeping its
     * proportions (never enlarged), the first sound track in stereo (none when the original is silent), a quality
     * that shows detail without letting a long film grow without bound.
     */
    public Made video(Path original, Path workDir) throws MediaException {
        Path target = workDir.resolve("review.mp4");
        String longSide = Integer.toString(VIDEO_LONG_SIDE);
        String shortSide = Integer.toString(VIDEO_SHORT_SIDE);
        List<String> options = new ArrayList<>(List.of(
                "-map",
                "0:v:0",
                "-map",
                "0:a:0?",
                "-sn",
                "-dn",
                "-vf",
                "scale=w='min(iw," + "if(gte(iw,ih)," + longSide + "," + shortSide + "))'"
                        + ":h='min(ih,if(gte(iw,ih)," + shortSide + "," + longSide + "))'"
                        + ":force_original_aspect_ratio=decrease:force_divisible_by=2,format=yuv420p",
                "-fpsmax",
                "60",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "20",
                "-maxrate",
                "10M",
                "-bufsize",
                "20M",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "160k",
                "-ac",
                "2",
                "-ar",
                "48000"));
        options.addAll(CleanMp4.OPTIONS);
        try {
            ffmpeg.run(FfmpegCommand.read(original, InputFormat.VIDEO).writeTo(target, options), FfmpegWork.RENDER);
        } catch (FfmpegException e) {
            throw MediaFailures.of(e, "media.video.unreadable");
        }
        VideoInfo made = probe.probe(target);
        return new Made(target, "video/mp4", made.width(), made.height());
    }

    /** A JPEG of the upright picture at up to 2560 px on its long side, written with no metadata at all. */
    public Made still(Path original, Path workDir) throws MediaException {
        Path target = workDir.resolve("review.jpg");
        BufferedImage picture = Stills.flatten(
                Stills.fit(ImageProcessor.decode(original, STILL_SIZE).image(), STILL_SIZE));
        Stills.writeJpeg(picture, target, STILL_QUALITY);
        return new Made(target, Stills.MIME_TYPE, picture.getWidth(), picture.getHeight());
    }
}
