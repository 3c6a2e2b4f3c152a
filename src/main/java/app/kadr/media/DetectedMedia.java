package app.kadr.media;

/**
 * What an uploaded file really is, read from its bytes (never from its name).
 *
 * @param kind image, video or audio
 * @param mimeType one of image/jpeg, image/png, image/webp, image/gif, video/mp4, video/quicktime, video/webm,
 *     audio/mpeg, audio/wav, audio/mp4, audio/ogg
 * @param extension the file extension that goes with the type, without a dot (jpg, png, webp, gif, mp4, mov, webm, mp3,
 *     wav, m4a, ogg)
 */
public record DetectedMedia(MediaKind kind, String mimeType, String extension) {}
