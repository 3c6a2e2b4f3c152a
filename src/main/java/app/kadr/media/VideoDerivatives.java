package app.kadr.media;

import java.nio.file.Path;

/**
 * What processing a video produces. The files carry no metadata.
 *
 * @param poster a frame of the video as an image, about 1440 px on the long side at most
 * @param posterMimeType image/jpeg or image/webp
 * @param thumb the poster at about 320 px
 * @param thumbMimeType image/jpeg or image/webp
 * @param hover a muted H.264 MP4 with faststart, at most 480 px wide and 6 s long, small enough to load on hover
 * @param width width of the video
 * @param height height of the video
 * @param durationMs duration of the video
 * @param thumbhash a ThumbHash of the poster, base64
 */
public record VideoDerivatives(
        Path poster,
        String posterMimeType,
        Path thumb,
        String thumbMimeType,
        Path hover,
        int width,
        int height,
        long durationMs,
        String thumbhash) {}
