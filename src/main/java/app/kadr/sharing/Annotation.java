package app.kadr.sharing;

import app.kadr.shared.KadrException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A drawing over a picture: a point, a rectangle (two corners), an arrow (tail, head) or a freehand path. Points are
 * in 0–1 of the picture's width and height, so the drawing fits any size the picture is shown at.
 */
@Schema(description = "Рисунок поверх кадра: точка, прямоугольник, стрелка или линия")
public record Annotation(
        @Schema(allowableValues = {"point", "rect", "arrow", "path"})
        String type,

        @Schema(description = "Точки [[x, y], …] в долях кадра, 0–1 от левого верхнего угла")
        List<List<Double>> points) {

    /** How many points each type takes, at least and at most. */
    private static final Map<String, int[]> POINTS = Map.of(
            "point", new int[] {1, 1},
            "rect", new int[] {2, 2},
            "arrow", new int[] {2, 2},
            "path", new int[] {2, Annotation.MAX_PATH});

    /** A path of more points is not drawn by hand; it also keeps a stored drawing within its column. */
    static final int MAX_PATH = 400;

    /** Four decimals are a tenth of a pixel on a 4K picture: more is noise. */
    private static final double GRID = 10_000;

    /** What the client sent, not yet trusted: any of it may be missing or out of range. */
    record Draft(
            @Schema(allowableValues = {"point", "rect", "arrow", "path"}) @Nullable
            String type,

            @Schema(description = "Точки [[x, y], …] в долях кадра, 0–1; rect и arrow — две точки, point — одна")
            @Nullable
            List<@Nullable List<@Nullable Double>> points) {

        /**
         * A drawing as a form sends it: its type and its points as {@code x,y x,y …}; none when the type is blank.
         * Anything that is not a number pair is refused as such.
         */
        static @Nullable Draft of(@Nullable String type, @Nullable String points) {
            if (type == null || type.isBlank()) {
                return null;
            }
            List<@Nullable List<@Nullable Double>> parsed = new ArrayList<>();
            String text = points == null ? "" : points.strip();
            for (String pair : text.isEmpty() ? new String[0] : text.split("\\s+")) {
                String[] xy = pair.split(",", -1);
                try {
                    parsed.add(xy.length == 2 ? List.of(Double.valueOf(xy[0]), Double.valueOf(xy[1])) : List.of());
                } catch (NumberFormatException notANumber) {
                    throw KadrException.invalid("annotation.points", "annotation.points.pair");
                }
                if (parsed.size() > MAX_PATH) {
                    break;
                }
            }
            return new Draft(type, parsed);
        }
    }

    /** Checks a drawing as sent and rounds its points; null when none was sent. */
    static @Nullable Annotation of(@Nullable Draft draft) {
        if (draft == null) {
            return null;
        }
        int[] range = draft.type() == null ? null : POINTS.get(draft.type());
        if (range == null) {
            throw KadrException.invalid("annotation.type", "annotation.type.invalid");
        }
        List<@Nullable List<@Nullable Double>> sent = draft.points() == null ? List.of() : draft.points();
        if (sent.size() < range[0] || sent.size() > range[1]) {
            throw KadrException.invalid(
                    "annotation.points",
                    range[0] == range[1] ? "annotation.points.count" : "annotation.points.range",
                    range[0],
                    range[1]);
        }
        List<List<Double>> points = new ArrayList<>(sent.size());
        for (List<@Nullable Double> point : sent) {
            if (point == null || point.size() != 2) {
                throw KadrException.invalid("annotation.points", "annotation.points.pair");
            }
            points.add(List.of(coordinate(point.get(0)), coordinate(point.get(1))));
        }
        if (!"point".equals(draft.type()) && points.stream().distinct().count() < 2) {
            throw KadrException.invalid("annotation.points", "annotation.points.same");
        }
        return new Annotation(draft.type(), List.copyOf(points));
    }

    private static double coordinate(@Nullable Double value) {
        if (value == null || !Double.isFinite(value) || value < 0 || value > 1) {
            throw KadrException.invalid("annotation.points", "annotation.points.outside");
        }
        return Math.round(value * GRID) / GRID;
    }

    /** The points as the comments table keeps them and pages carry them: {@code x,y x,y …}. */
    public String pointsText() {
        StringBuilder text = new StringBuilder();
        for (List<Double> point : points) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(format(point.get(0))).append(',').append(format(point.get(1)));
        }
        return text.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A drawing as the comments table keeps it, or null when the comment has none. */
    static @Nullable Annotation stored(@Nullable String type, @Nullable String points) {
        if (type == null || points == null) {
            return null;
        }
        List<List<Double>> parsed = new ArrayList<>();
        for (String pair : points.split(" ")) {
            String[] xy = pair.split(",");
            parsed.add(List.of(Double.valueOf(xy[0]), Double.valueOf(xy[1])));
        }
        return new Annotation(type, List.copyOf(parsed));
    }
}
