package app.kadr.generation.provider.fal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * fal has no progress field; models log it instead, usually as a tqdm bar ({@code 50%|█████| 14/28}) or as
 * steps ({@code Step 14/28}). Only the latest line counts: an older percentage would be stale.
 */
final class FalProgress {

    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%");
    private static final Pattern STEPS = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)");

    private FalProgress() {}

    static @Nullable Double of(@Nullable String line) {
        if (line == null) {
            return null;
        }
        Matcher percent = PERCENT.matcher(line);
        if (percent.find()) {
            double value = Double.parseDouble(percent.group(1)) / 100;
            return value <= 1 ? value : null;
        }
        Matcher steps = STEPS.matcher(line);
        if (steps.find()) {
            double done = Double.parseDouble(steps.group(1));
            double total = Double.parseDouble(steps.group(2));
            return total > 0 && done <= total ? done / total : null;
        }
        return null;
    }
}
