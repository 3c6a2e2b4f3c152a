package app.kadr.shared;

/** Running times as people in an edit read them. */
public final class Timecode {

    private Timecode() {}

    /** SMPTE-style {@code HH:MM:SS:FF} at a whole frame rate, frames rounded down (the frame on screen then). */
    public static String smpte(long ms, int fps) {
        long frames = Math.floorDiv(Math.max(ms, 0) * fps, 1000);
        long seconds = frames / fps;
        return "%02d:%02d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60, frames % fps);
    }

    /** A short clock for labels: {@code 0:07}, {@code 12:30}, {@code 1:02:03}. */
    public static String clock(long ms) {
        long seconds = Math.max(ms, 0) / 1000;
        return seconds >= 3600
                ? "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60)
                : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }

    /** A shot's length for a label: whole seconds plain, otherwise one decimal with a comma («3,5 с»). */
    public static String seconds(long ms) {
        return ms % 1000 == 0
                ? ms / 1000 + " с"
                : String.format(java.util.Locale.forLanguageTag("ru"), "%.1f с", ms / 1000.0);
    }
}
