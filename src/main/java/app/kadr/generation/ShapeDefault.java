package app.kadr.generation;

import app.kadr.project.ProjectFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks, among a model's size or aspect-ratio choices, the one with the film's picture shape, so a new take of a
 * 9:16 film starts out 9:16. Choices come as {@code 1080x1920}, {@code 9:16} or fal's names
 * ({@code portrait_16_9}, {@code square_hd}); a model without a matching choice keeps its own default.
 */
final class ShapeDefault {

    private static final Pattern PIXELS = Pattern.compile("(\\d+)x(\\d+)");
    private static final Pattern RATIO = Pattern.compile("(\\d+(?:\\.\\d+)?):(\\d+(?:\\.\\d+)?)");
    private static final Pattern FAL = Pattern.compile("(portrait|landscape)_(\\d+)_(\\d+)");

    private ShapeDefault() {}

    static Optional<String> among(List<String> choices, ProjectFormat format) {
        double wanted = format.ratio();
        return choices.stream()
                .filter(choice -> ratioOf(choice)
                        .map(r -> Math.abs(r / wanted - 1) < 0.01)
                        .orElse(false))
                .findFirst();
    }

    static Optional<Double> ratioOf(String choice) {
        String text = choice.toLowerCase(Locale.ROOT);
        if (text.startsWith("square")) {
            return Optional.of(1.0);
        }
        Matcher pixels = PIXELS.matcher(text);
        if (pixels.matches()) {
            return Optional.of(Double.parseDouble(pixels.group(1)) / Double.parseDouble(pixels.group(2)));
        }
        Matcher ratio = RATIO.matcher(text);
        if (ratio.matches()) {
            return Optional.of(Double.parseDouble(ratio.group(1)) / Double.parseDouble(ratio.group(2)));
        }
        Matcher fal = FAL.matcher(text);
        if (fal.matches()) {
            double wide = Double.parseDouble(fal.group(2)) / Double.parseDouble(fal.group(3));
            return Optional.of(fal.group(1).equals("landscape") ? wide : 1 / wide);
        }
        return Optional.empty();
    }
}
