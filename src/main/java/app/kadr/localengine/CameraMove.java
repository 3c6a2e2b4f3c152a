package app.kadr.localengine;

import java.util.Locale;

/**
 * A Ken Burns move over a still: zoom and the framed point (as fractions of the free room, 0 = left/top edge) at the
 * first and the last frame, eased in and out so the camera starts and stops gently instead of jerking.
 */
record CameraMove(double zoomFrom, double zoomTo, double xFrom, double xTo, double yFrom, double yTo) {

    private static final double MIN_ZOOM_CHANGE = 0.12;
    private static final double MAX_ZOOM_CHANGE = 0.30;
    /** A pan shorter than this reads as a wobble rather than a deliberate move. */
    private static final double MIN_PAN = 0.35;

    static CameraMove fromSeed(long seed) {
        SplitMix dice = new SplitMix(SplitMix.mix(seed ^ 0x4B656E4275726E73L));
        double closeUp = 1 + dice.between(MIN_ZOOM_CHANGE, MAX_ZOOM_CHANGE);
        boolean zoomIn = dice.nextBoolean();
        double x1 = dice.between(0.0, 1.0);
        double x2 = farEnoughFrom(x1, dice);
        double y1 = dice.between(0.2, 0.8);
        double y2 = dice.between(0.2, 0.8);
        return zoomIn ? new CameraMove(1, closeUp, x1, x2, y1, y2) : new CameraMove(closeUp, 1, x1, x2, y1, y2);
    }

    private static double farEnoughFrom(double start, SplitMix dice) {
        // Towards the side with more room, which always has at least half of it, so the pan is never too short.
        double distance = dice.between(MIN_PAN, 0.8);
        return start < 0.5 ? Math.min(1, start + distance) : Math.max(0, start - distance);
    }

    /**
     * The zoompan filter for {@code frames} frames of {@code width}×{@code height} over an input that is already
     * cropped to that shape. {@code on} is zoompan's output frame number; x and y are the top-left corner in input
     * pixels, so the free room at a zoom is {@code iw - iw/zoom}.
     */
    String zoompan(int frames, int width, int height, int fps) {
        String eased = "(1-cos(PI*on/%d))/2".formatted(Math.max(frames - 1, 1));
        return String.format(
                Locale.ROOT,
                "zoompan=z='%s':x='(iw-iw/zoom)*%s':y='(ih-ih/zoom)*%s':d=%d:s=%dx%d:fps=%d",
                between(zoomFrom, zoomTo, eased),
                between(xFrom, xTo, eased),
                between(yFrom, yTo, eased),
                frames,
                width,
                height,
                fps);
    }

    private static String between(double from, double to, String progress) {
        return String.format(Locale.ROOT, "(%.6f+%.6f*%s)", from, to - from, progress);
    }
}
