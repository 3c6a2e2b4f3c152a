package app.kadr.film;

/**
 * Non-drop-frame SMPTE timecode at a whole frame rate. The record side of a timeline starts at one hour, as
 * editors expect of a programme.
 */
final class Frames {

    private Frames() {}

    static long programmeStart(int fps) {
        return 3600L * fps;
    }

    static String timecode(long frames, int fps) {
        long seconds = frames / fps;
        return "%02d:%02d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60, frames % fps);
    }

    /** Whole frames closest to a length in milliseconds. */
    static int frames(long millis, int fps) {
        return (int) Math.round(millis * fps / 1000.0);
    }

    /** Whole frames a video of this length has (the last partial frame does not count). */
    static int framesWithin(long millis, int fps) {
        return (int) (millis * fps / 1000);
    }
}
