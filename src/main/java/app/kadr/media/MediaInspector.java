package app.kadr.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Recognises an uploaded file by its content and refuses what the studio cannot use. */
@Component
public class MediaInspector {

    private static final int HEAD_BYTES = 8192;
    /** ISO brands of still images (HEIF, AVIF) that share the ftyp box with videos. */
    private static final Set<String> STILL_IMAGE_BRANDS =
            Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis");

    private static final Tika TIKA = new Tika();

    private final VideoProbe videoProbe;

    public MediaInspector(VideoProbe videoProbe) {
        this.videoProbe = videoProbe;
    }

    /**
     * @param file the uploaded bytes, already on disk
     * @param maxImagePixels images with more pixels than this are refused before any decoding
     * @throws MediaException for an empty, unknown, fake, unreadable, truncated or damaged file, or a decompression
     *     bomb
     */
    public DetectedMedia inspect(Path file, long maxImagePixels) throws MediaException {
        byte[] head = readHead(file);
        if (head.length == 0) {
            throw new MediaException("media.empty");
        }
        DetectedMedia media = recognise(head);
        if (media == null) {
            throw new MediaException("media.unsupported");
        }
        switch (media.kind()) {
            case IMAGE -> {
                checkImageSize(file, media, maxImagePixels);
                ImageIntegrity.check(file, media);
            }
            case VIDEO -> videoProbe.probe(file);
            case AUDIO -> videoProbe.audioDurationMs(file);
        }
        return media;
    }

    private static byte[] readHead(Path file) throws MediaException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new MediaException("media.processing.failed", e);
        }
    }

    private static @Nullable DetectedMedia recognise(byte[] head) {
        String mimeType = TIKA.detect(head);
        return switch (mimeType) {
            case "image/jpeg" -> image(mimeType, "jpg");
            case "image/png", "image/vnd.mozilla.apng" -> image("image/png", "png");
            case "image/webp" -> image(mimeType, "webp");
            case "image/gif" -> image(mimeType, "gif");
            case "video/mp4", "video/quicktime", "application/mp4", "video/x-m4v", "audio/mp4", "audio/x-m4a" ->
                isoVideo(head);
            case "audio/mpeg" -> audio("audio/mpeg", "mp3");
            case "audio/vnd.wave", "audio/wav", "audio/x-wav" -> audio("audio/wav", "wav");
            case "audio/ogg", "audio/vorbis", "audio/opus" -> audio("audio/ogg", "ogg");
            case "video/webm", "video/x-matroska", "application/x-matroska" -> webm(head);
            default -> null;
        };
    }

    private static DetectedMedia image(String mimeType, String extension) {
        return new DetectedMedia(MediaKind.IMAGE, mimeType, extension);
    }

    private static DetectedMedia audio(String mimeType, String extension) {
        return new DetectedMedia(MediaKind.AUDIO, mimeType, extension);
    }

    /** MP4, MOV and M4A are all ISO boxes; the major brand tells them apart. */
    private static @Nullable DetectedMedia isoVideo(byte[] head) {
        String brand = Containers.isoMajorBrand(head);
        if (brand == null || STILL_IMAGE_BRANDS.contains(brand.strip().toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (brand.startsWith("M4A")) {
            return audio("audio/mp4", "m4a");
        }
        return "qt  ".equals(brand)
                ? new DetectedMedia(MediaKind.VIDEO, "video/quicktime", "mov")
                : new DetectedMedia(MediaKind.VIDEO, "video/mp4", "mp4");
    }

    /** Browsers play WebM but not Matroska in general, so only the webm DocType is taken. */
    private static @Nullable DetectedMedia webm(byte[] head) {
        return "webm".equals(Containers.ebmlDocType(head))
                ? new DetectedMedia(MediaKind.VIDEO, "video/webm", "webm")
                : null;
    }

    /** Reads only the header: a small file can claim a gigantic canvas, and decoding it would exhaust memory. */
    private static void checkImageSize(Path file, DetectedMedia media, long maxImagePixels) throws MediaException {
        long pixels;
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(media.mimeType());
            if (!readers.hasNext()) {
                throw new MediaException("media.unsupported");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new MediaException("media.image.unreadable", e);
        }
        if (pixels <= 0) {
            throw new MediaException("media.image.unreadable");
        }
        if (pixels > maxImagePixels) {
            throw new MediaException("media.image.too_many_pixels", megapixels(pixels), megapixels(maxImagePixels));
        }
    }

    private static double megapixels(long pixels) {
        return Math.round(pixels / 100_000.0) / 10.0;
    }
}
