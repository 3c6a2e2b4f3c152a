package app.kadr.media;

import java.nio.file.Path;

/**
 * What one decode of an image produces. The files are fresh encodings without any metadata.
 *
 * @param thumb about 320 px on the long side (WebP where it can be encoded, else JPEG)
 * @param thumbMimeType image/webp or image/jpeg
 * @param preview about 1440 px on the long side, never larger than the original
 * @param previewMimeType image/webp or image/jpeg
 * @param width width of the original, after EXIF orientation
 * @param height height of the original, after EXIF orientation
 * @param thumbhash a ThumbHash of the image, base64, for a blurred placeholder
 */
public record ImageDerivatives(
        Path thumb,
        String thumbMimeType,
        Path preview,
        String previewMimeType,
        int width,
        int height,
        String thumbhash) {}
