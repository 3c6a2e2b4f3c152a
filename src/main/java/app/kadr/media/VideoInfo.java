package app.kadr.media;

/**
 * What a video's main picture stream is, as the studio needs it.
 *
 * @param width as displayed, after rotation
 * @param height as displayed, after rotation
 * @param durationMs 0 when the file does not say
 * @param rotation how far the player turns the stored frames (ffmpeg's display matrix: degrees counter-clockwise,
 *     0, 90, 180 or 270); phones record upright video as landscape frames plus this
 * @param codec the picture codec, e.g. h264
 * @param pixelFormat e.g. yuv420p, the one every browser plays; empty when unknown
 * @param frameRate frames per second, 0 when unknown
 * @param hasAudio whether any audio stream is present
 */
public record VideoInfo(
        int width,
        int height,
        long durationMs,
        int rotation,
        String codec,
        String pixelFormat,
        double frameRate,
        boolean hasAudio) {

    /** Any angle, as ffmpeg reports it (e.g. -90.00), as one of 0, 90, 180, 270. */
    static int quarterTurns(double degrees) {
        long rounded = Math.round(degrees / 90.0) * 90;
        return (int) Math.floorMod(rounded, 360L);
    }

    static boolean isSideways(int rotation) {
        return rotation % 180 == 90;
    }
}
