package app.kadr.script;

import app.kadr.storyboard.Shot;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A shot's running time as a script suggests it and as a shot list writes it: seconds, «3», «2,5», «4 с», «0:05». */
final class Durations {

    static final long MIN_ESTIMATE_MS = 3_000;
    static final long MAX_ESTIMATE_MS = 10_000;

    /** About how fast a described action plays: words per second of screen time. */
    private static final double WORDS_PER_SECOND = 2.5;

    private static final Pattern SECONDS =
            Pattern.compile("(\\d{1,4}(?:[.,]\\d{1,3})?)\\s*(с|сек\\.?|секунд[аы]?|s|sec)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private Durations() {}

    /** A guess from how much happens: a few seconds for a line, up to the length video models make. */
    static long estimate(String description) {
        String text = description.strip();
        int words = text.isEmpty() ? 0 : text.split("\\s+").length;
        long ms = Math.round(words / WORDS_PER_SECOND) * 1000;
        return Math.clamp(ms, MIN_ESTIMATE_MS, MAX_ESTIMATE_MS);
    }

    /** Milliseconds, or null for a blank cell; {@code -1} for a value that is not a duration. */
    static @Nullable Long parse(@Nullable String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        Matcher clock = CLOCK.matcher(text);
        if (clock.matches()) {
            return (Long.parseLong(clock.group(1)) * 60 + Long.parseLong(clock.group(2))) * 1000;
        }
        Matcher seconds = SECONDS.matcher(text);
        if (!seconds.matches()) {
            return -1L;
        }
        return new BigDecimal(seconds.group(1).replace(',', '.'))
                .movePointRight(3)
                .longValue();
    }

    /** Seconds with a decimal comma where needed («3», «2,5»): what a spreadsheet in Russian reads as a number. */
    static String format(long ms) {
        BigDecimal seconds = BigDecimal.valueOf(ms).movePointLeft(3).stripTrailingZeros();
        return seconds.toPlainString().replace('.', ',');
    }

    static boolean valid(long ms) {
        return ms >= Shot.MIN_DURATION_MS && ms <= Shot.MAX_DURATION_MS;
    }
}
