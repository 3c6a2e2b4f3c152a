package app.kadr.media;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * ffmpeg or ffprobe did not do what was asked. The caller turns it into its own Russian reason: a file that cannot be
 * read is the file's fault, a run past its time limit says so, a tool that cannot start is the studio's.
 */
public class FfmpegException extends Exception {

    public enum Reason {
        /** Exited with an error: usually a broken or unsupported input. */
        FAILED,
        /** Ran past its time limit and was killed. */
        TIMED_OUT,
        /** Could not be started (no binary, no bundled build for this platform, no room to extract it). */
        UNAVAILABLE,
        /** The waiting thread was interrupted (a cancelled job, a stopping studio); the process was killed. */
        INTERRUPTED
    }

    private final Reason reason;
    private final @Nullable Duration timeLimit;

    FfmpegException(Reason reason, String message, @Nullable Throwable cause) {
        this(reason, null, message, cause);
    }

    FfmpegException(Reason reason, @Nullable Duration timeLimit, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.timeLimit = timeLimit;
    }

    public Reason reason() {
        return reason;
    }

    /** The limit a {@link Reason#TIMED_OUT} run exceeded, in Russian words such as «5 мин» or «1 ч 30 мин». */
    public String timeLimitInRussian() {
        return timeLimit == null ? "" : inRussian(timeLimit);
    }

    static String inRussian(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + " мс";
        }
        StringBuilder words = new StringBuilder();
        append(words, duration.toHours(), "ч");
        append(words, duration.toMinutesPart(), "мин");
        append(words, duration.toSecondsPart(), "с");
        return words.toString();
    }

    private static void append(StringBuilder words, long amount, String unit) {
        if (amount > 0) {
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append(amount).append(' ').append(unit);
        }
    }
}
