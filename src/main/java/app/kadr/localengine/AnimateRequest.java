package app.kadr.localengine;

import java.nio.file.Path;

/**
 * A pan-and-zoom clip of a still. Odd sizes are rounded down to even ones, as H.264 in yuv420p needs.
 *
 * @param sourceImage the still; it is cropped to fill the frame, never letterboxed
 * @param seed picks the direction of the camera move and how far it zooms
 */
public record AnimateRequest(Path sourceImage, long seed, double durationSeconds, int width, int height, int fps) {

    public static final int DEFAULT_WIDTH = 1280;
    public static final int DEFAULT_HEIGHT = 720;
    public static final int DEFAULT_FPS = 24;

    /** A clip of the suggested size and frame rate. */
    public AnimateRequest(Path sourceImage, long seed, double durationSeconds) {
        this(sourceImage, seed, durationSeconds, DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_FPS);
    }
}
