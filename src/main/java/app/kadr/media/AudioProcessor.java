package app.kadr.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/** Probes a sound file and draws its waveform (ffmpeg's {@code showwavespic}) into a work folder. */
@Component
public class AudioProcessor {

    /** Wide and low like a timeline track; the colour is the studio's accent on its dark background. */
    static final String WAVEFORM = "aformat=channel_layouts=mono,showwavespic=s=1440x360:colors=0x8fb3ff";

    private final FfmpegRunner ffmpeg;
    private final VideoProbe probe;

    public AudioProcessor(FfmpegRunner ffmpeg, VideoProbe probe) {
        this.ffmpeg = ffmpeg;
        this.probe = probe;
    }

    public AudioDerivatives derive(Path original, Path workDir) throws MediaException {
        long durationMs = probe.audioDurationMs(original);
        Path picture = workDir.resolve("waveform.bmp");
        try {
            ffmpeg.run(
                    FfmpegCommand.read(original, InputFormat.AUDIO)
                            .writeTo(
                                    picture,
                                    "-filter_complex",
                                    WAVEFORM,
                                    "-frames:v",
                                    "1",
                                    "-map_metadata",
                                    "-1",
                                    "-c:v",
                                    "bmp",
                                    "-pix_fmt",
                                    "bgr24",
                                    "-f",
                                    "image2",
                                    "-update",
                                    "1"),
                    FfmpegWork.PREVIEW);
            BufferedImage image = Files.isRegularFile(picture) ? ImageIO.read(picture.toFile()) : null;
            if (image == null) {
                throw new MediaException("media.audio.unreadable");
            }
            Stills.Written stills = Stills.write(Stills.toIntPixels(image), workDir, "waveform");
            return new AudioDerivatives(
                    stills.large(), stills.thumb(), Stills.MIME_TYPE, durationMs, stills.thumbhash());
        } catch (FfmpegException e) {
            throw MediaFailures.of(e, "media.audio.unreadable");
        } catch (IOException e) {
            throw new MediaException("media.audio.unreadable", e);
        }
    }
}
