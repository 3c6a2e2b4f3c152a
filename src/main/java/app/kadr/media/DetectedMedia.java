package app.kadr.media;

/**
 * What an uploaded file really is, read from its bytes (never from its name).
 *
 * @param kind image or video
 * @param mimeType one of image/jpeg, image/png, image/webp, image/gif, video/mp4, video/quicktime, video/webm
 * @param extension the file extension that goes with the type, without a dot (jpg, png, webp, gif, mp4, mov, webm)
 */
public record DetectedMedia(MediaKind kind, String mimeType, String extension) {}
