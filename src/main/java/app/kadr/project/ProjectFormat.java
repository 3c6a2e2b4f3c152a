package app.kadr.project;

import app.kadr.shared.KadrException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The film's frame rate and picture shape. Timecodes count frames at {@code fps}; exports render at it; new
 * generations default to the aspect ratio.
 */
public record ProjectFormat(int fps, String aspectRatio) {

    public static final List<Integer> FRAME_RATES = List.of(24, 25, 30);
    public static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1", "4:5", "4:3", "21:9");
    public static final ProjectFormat DEFAULT = new ProjectFormat(24, "16:9");

    /** This format with the given fields changed; a field left null stays. Refuses what a film can't have. */
    ProjectFormat with(@Nullable Integer newFps, @Nullable String newAspectRatio) {
        if (newFps != null && !FRAME_RATES.contains(newFps)) {
            throw KadrException.invalid("fps", "project.fps.invalid");
        }
        if (newAspectRatio != null && !ASPECT_RATIOS.contains(newAspectRatio)) {
            throw KadrException.invalid("aspectRatio", "project.aspect.invalid", String.join(", ", ASPECT_RATIOS));
        }
        return new ProjectFormat(newFps == null ? fps : newFps, newAspectRatio == null ? aspectRatio : newAspectRatio);
    }

    /** Width over height, e.g. 1.777… for 16:9. */
    public double ratio() {
        String[] parts = aspectRatio.split(":");
        return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }
}
