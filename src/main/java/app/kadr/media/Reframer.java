package app.kadr.media;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * Cuts a new frame out of a picture or a clip ({@link Reframe}) and finds where a picture's subject is
 * ({@link Saliency}). Pictures are cut inside the JVM; clips by ffmpeg, with the sound kept.
 */
@Component
public class Reframer {

    /** Detail beyond the largest frame a platform asks for (a 16:9 cut of an 8K picture at 1920 wide) is wasted. */
    private static final int LARGEST_USEFUL = 4096;

    private static final float JPEG_QUALITY = 0.9f;

    private final FfmpegRunner ffmpeg;

    public Reframer(FfmpegRunner ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** Where the subject of an upright picture (a preview or a poster) seems to be; the centre if nothing stands out. */
    public FocalPoint subjectOf(Path still) throws MediaException {
        return Saliency.of(ImageProcessor.decode(still, Saliency.SIDE * 4).image());
    }

    /** Writes the frame of an image as a JPEG (transparent areas on the studio's dark background). */
    public void image(Path original, Reframe frame, Path target) throws MediaException {
        BufferedImage upright = ImageProcessor.decode(original, LARGEST_USEFUL).image();
        Reframe.Crop crop = frame.cropOf(upright.getWidth(), upright.getHeight());
        try {
            BufferedImage cut = Thumbnails.of(upright.getSubimage(crop.x(), crop.y(), crop.width(), crop.height()))
                    .forceSize(frame.width(), frame.height())
                    .asBufferedImage();
            Stills.writeJpeg(Stills.flatten(Stills.toIntPixels(cut)), target, JPEG_QUALITY);
        } catch (java.io.IOException | RuntimeException e) {
            throw new MediaException("media.processing.failed", e);
        }
    }

    /**
     * Writes the frame of a clip as an MP4 every platform takes: H.264 (yuv420p) at a capped bitrate, AAC sound when
     * the source has any, the index first so it plays while it loads.
     *
     * @param sourceWidth the clip's width as displayed (ffmpeg turns rotated clips upright before cutting)
     * @param maxVideoKbps the ceiling of the picture's bitrate
     */
    public void video(Path original, int sourceWidth, int sourceHeight, Reframe frame, int maxVideoKbps, Path target)
            throws MediaException {
        Reframe.Crop crop = frame.cropOf(sourceWidth, sourceHeight);
        // As fractions of the input, so that a clip whose stored size differs by a pixel from its probe still cuts.
        String cut = String.format(
                Locale.ROOT,
                "crop=w=iw*%.6f:h=ih*%.6f:x=iw*%.6f:y=ih*%.6f,scale=%d:%d:flags=lanczos,setsar=1,format=yuv420p",
                (double) crop.width() / sourceWidth,
                (double) crop.height() / sourceHeight,
                (double) crop.x() / sourceWidth,
                (double) crop.y() / sourceHeight,
                frame.width(),
                frame.height());
        try {
            ffmpeg.run(
                    FfmpegCommand.read(original, InputFormat.VIDEO)
                            .writeTo(
                                    target,
                                    "-map",
                                    "0:v:0",
                                    "-map",
                                    "0:a:0?",
                                    "-sn",
                                    "-dn",
                                    "-vf",
                                    cut,
                                    "-fpsmax",
                                    "60",
                                    "-c:v",
                                    "libx264",
                                    "-preset",
                                    "veryfast",
                                    "-crf",
                                    "20",
                                    "-maxrate",
                                    maxVideoKbps + "k",
                                    "-bufsize",
                                    (2 * maxVideoKbps) + "k",
                                    "-pix_fmt",
                                    "yuv420p",
                                    "-c:a",
                                    "aac",
                                    "-b:a",
                                    "128k",
                                    "-ar",
                                    "48000",
                                    "-map_metadata",
                                    "-1",
                                    "-map_chapters",
                                    "-1",
                                    "-movflags",
                                    "+faststart",
                                    "-f",
                                    "mp4"),
                    FfmpegWork.RENDER);
        } catch (FfmpegException e) {
            throw MediaFailures.of(e, "media.video.unreadable");
        }
    }
}
