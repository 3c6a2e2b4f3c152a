package app.kadr.localengine;

import app.kadr.media.FfmpegCommand;
import app.kadr.media.FfmpegException;
import app.kadr.media.FfmpegRunner;
import app.kadr.media.FfmpegWork;
import app.kadr.media.InputFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The generator that works with no provider keys and no network: a procedural draft picture, a pan-and-zoom clip of a
 * still and a plain upscale. None of it is AI and the studio labels it so. Every file it writes lands in the given work
 * folder; the caller owns and cleans that folder.
 */
@Component
public class LocalEngine {

    public static final int MIN_SIZE = 64;
    public static final int MAX_SIZE = 4096;
    public static final int MIN_SECONDS = 1;
    public static final int MAX_SECONDS = 10;
    public static final int MIN_FPS = 1;
    public static final int MAX_FPS = 60;
    public static final int MAX_UPSCALED_SIZE = 8192;
    public static final List<Integer> UPSCALE_FACTORS = List.of(2, 4);

    static final String SIZE_INVALID = "localengine.size.invalid";
    static final String DURATION_INVALID = "localengine.duration.invalid";
    static final String FPS_INVALID = "localengine.fps.invalid";
    static final String SOURCE_UNREADABLE = "localengine.source.unreadable";
    static final String UPSCALE_FACTOR_INVALID = "localengine.upscale.factor_invalid";
    static final String UPSCALE_TOO_LARGE = "localengine.upscale.too_large";
    static final String FAILED = "localengine.failed";
    static final String CANVAS_INVALID = "localengine.canvas.invalid";
    static final String TIMED_OUT = "localengine.timed_out";

    private static final Logger log = LoggerFactory.getLogger(LocalEngine.class);
    /** Drafts are grainy, so strong deflate buys little size for much time; this level is the sweet spot. */
    private static final float PNG_COMPRESSION_QUALITY = 0.6f;
    /**
     * zoompan moves the frame in whole input pixels, so the still is enlarged first until one step is a fraction of an
     * output pixel, but no further than this many pixels, to keep memory and time in bounds for large clips.
     */
    private static final double SUPERSAMPLED_PIXELS = 16_000_000;

    private static final double MAX_SUPERSAMPLING = 4;

    private final FfmpegRunner ffmpeg;

    public LocalEngine(FfmpegRunner ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** A deterministic procedural draft picture, PNG, of exactly the requested size. */
    public Path draft(DraftRequest request, Path workDir) throws LocalEngineException {
        requireSize(request.width(), request.height());
        long started = System.nanoTime();
        DraftScene scene = DraftScene.compose(request.prompt(), request.negativePrompt(), request.seed());
        BufferedImage image = DraftPainter.paint(scene, request.width(), request.height());
        ReferenceCards.pin(image, request.references());
        Path output = newFile(workDir, "draft-", ".png");
        writePng(image, output);
        log.debug("Draft {}x{} ({}) in {} ms", request.width(), request.height(), scene.mood(), millisSince(started));
        return output;
    }

    /** A Ken Burns clip of a still: H.264 in MP4, yuv420p, no audio, moov first so it plays while loading. */
    public Path animate(AnimateRequest request, Path workDir) throws LocalEngineException {
        requireSize(request.width(), request.height());
        if (!(request.durationSeconds() >= MIN_SECONDS && request.durationSeconds() <= MAX_SECONDS)) {
            throw new LocalEngineException(DURATION_INVALID, MIN_SECONDS, MAX_SECONDS);
        }
        if (request.fps() < MIN_FPS || request.fps() > MAX_FPS) {
            throw new LocalEngineException(FPS_INVALID, MIN_FPS, MAX_FPS);
        }
        SourceImage source = SourceImage.read(request.sourceImage());
        int width = evenDown(request.width());
        int height = evenDown(request.height());
        int frames = (int) Math.max(1, Math.round(request.durationSeconds() * request.fps()));
        double supersampling =
                Math.clamp(Math.sqrt(SUPERSAMPLED_PIXELS / ((double) width * height)), 1, MAX_SUPERSAMPLING);
        String filter = String.join(
                ",",
                String.format(
                        Locale.ROOT,
                        "scale=%d:%d:force_original_aspect_ratio=increase:flags=lanczos",
                        evenDown((int) (width * supersampling)),
                        evenDown((int) (height * supersampling))),
                "crop=%d:%d"
                        .formatted(evenDown((int) (width * supersampling)), evenDown((int) (height * supersampling))),
                "setsar=1",
                CameraMove.fromSeed(request.seed()).zoompan(frames, width, height, request.fps()),
                "format=yuv420p");
        Path output = newFile(workDir, "clip-", ".mp4");
        long started = System.nanoTime();
        render(FfmpegCommand.read(source.file(), InputFormat.STILL_IMAGE)
                .writeTo(
                        output,
                        "-vf",
                        filter,
                        "-frames:v",
                        Integer.toString(frames),
                        "-an",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-crf",
                        "20",
                        "-pix_fmt",
                        "yuv420p",
                        "-movflags",
                        "+faststart"));
        log.debug("Clip {}x{} of {} frames in {} ms", width, height, frames, millisSince(started));
        return output;
    }

    /** A plain Lanczos enlargement, PNG; nothing is invented, so it is fast and honest. */
    public Path upscale(UpscaleRequest request, Path workDir) throws LocalEngineException {
        if (!UPSCALE_FACTORS.contains(request.factor())) {
            throw new LocalEngineException(UPSCALE_FACTOR_INVALID, UPSCALE_FACTORS.get(0), UPSCALE_FACTORS.get(1));
        }
        SourceImage source = SourceImage.read(request.sourceImage());
        long width = (long) source.width() * request.factor();
        long height = (long) source.height() * request.factor();
        if (width > MAX_UPSCALED_SIZE || height > MAX_UPSCALED_SIZE) {
            throw new LocalEngineException(UPSCALE_TOO_LARGE, width, height, MAX_UPSCALED_SIZE);
        }
        Path output = newFile(workDir, "upscaled-", ".png");
        long started = System.nanoTime();
        render(FfmpegCommand.read(source.file(), InputFormat.STILL_IMAGE)
                .writeTo(
                        output,
                        "-vf",
                        "scale=%d:%d:flags=lanczos+accurate_rnd+full_chroma_int".formatted(width, height),
                        "-frames:v",
                        "1",
                        "-update",
                        "1"));
        log.debug("Upscale to {}x{} in {} ms", width, height, millisSince(started));
        return output;
    }

    /** The masked area filled from the picture around it, PNG of the image's size (see {@link ImageEdits#fill}). */
    public Path inpaint(InpaintRequest request, Path workDir) throws LocalEngineException {
        SourceImage source = SourceImage.read(request.sourceImage());
        SourceImage mask = SourceImage.read(request.mask());
        requireEditable(source);
        requireEditable(mask);
        long started = System.nanoTime();
        BufferedImage filled = ImageEdits.fill(decode(source), decode(mask));
        Path output = newFile(workDir, "filled-", ".png");
        writePng(filled, output);
        log.debug("Mask fill {}x{} in {} ms", source.width(), source.height(), millisSince(started));
        return output;
    }

    /** The image on a larger canvas with mirrored edges, PNG of the canvas's size (see {@link ImageEdits#extend}). */
    public Path outpaint(OutpaintRequest request, Path workDir) throws LocalEngineException {
        requireSize(request.width(), request.height());
        if (request.imageWidth() < 1
                || request.imageHeight() < 1
                || request.x() < 0
                || request.y() < 0
                || request.x() + request.imageWidth() > request.width()
                || request.y() + request.imageHeight() > request.height()) {
            throw new LocalEngineException(CANVAS_INVALID);
        }
        SourceImage source = SourceImage.read(request.sourceImage());
        requireEditable(source);
        long started = System.nanoTime();
        BufferedImage extended = ImageEdits.extend(
                decode(source),
                request.width(),
                request.height(),
                request.imageWidth(),
                request.imageHeight(),
                request.x(),
                request.y());
        Path output = newFile(workDir, "extended-", ".png");
        writePng(extended, output);
        log.debug("Canvas extension to {}x{} in {} ms", request.width(), request.height(), millisSince(started));
        return output;
    }

    /** Edits hold the whole picture in memory, so they take what a draft could be at most. */
    private static void requireEditable(SourceImage image) throws LocalEngineException {
        if ((long) image.width() * image.height() > (long) MAX_SIZE * MAX_SIZE) {
            throw new LocalEngineException(SIZE_INVALID, MIN_SIZE, MAX_SIZE);
        }
    }

    static BufferedImage decode(SourceImage image) throws LocalEngineException {
        try {
            BufferedImage read = ImageIO.read(image.file().toFile());
            if (read == null) {
                throw new LocalEngineException(SOURCE_UNREADABLE);
            }
            return read;
        } catch (IOException e) {
            throw new LocalEngineException(SOURCE_UNREADABLE, e);
        }
    }

    private static void requireSize(int width, int height) throws LocalEngineException {
        if (width < MIN_SIZE || width > MAX_SIZE || height < MIN_SIZE || height > MAX_SIZE) {
            throw new LocalEngineException(SIZE_INVALID, MIN_SIZE, MAX_SIZE);
        }
    }

    private static int evenDown(int value) {
        return value & ~1;
    }

    /** A run past {@code KADR_FFMPEG_RENDER_TIME_LIMIT} says so; any other failure is the engine's own. */
    private void render(FfmpegCommand command) throws LocalEngineException {
        try {
            ffmpeg.run(command, FfmpegWork.RENDER);
        } catch (FfmpegException e) {
            log.warn("ffmpeg failed ({}): {}", e.reason(), e.getMessage());
            throw e.reason() == FfmpegException.Reason.TIMED_OUT
                    ? new LocalEngineException(TIMED_OUT, e, e.timeLimitInRussian())
                    : new LocalEngineException(FAILED, e);
        }
    }

    private static Path newFile(Path workDir, String prefix, String suffix) throws LocalEngineException {
        try {
            Files.createDirectories(workDir);
            return Files.createTempFile(workDir, prefix, suffix);
        } catch (IOException e) {
            throw new LocalEngineException(FAILED, e);
        }
    }

    private static void writePng(BufferedImage image, Path output) throws LocalEngineException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(output.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(PNG_COMPRESSION_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new LocalEngineException(FAILED, e);
        } finally {
            writer.dispose();
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
