package app.kadr.script;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shot has no field of its own for the camera: the note goes on the last line of its description as «Камера: …»,
 * where the prompt carries it too, and the shot list reads it back from there into its own column.
 */
final class CameraLine {

    static final String PREFIX = "Камера: ";
    private static final Pattern LAST_LINE = Pattern.compile("(?s)^(.*?)\\n?" + Pattern.quote(PREFIX) + "([^\\n]*)$");

    private CameraLine() {}

    static String join(String description, String camera) {
        String note = camera.strip().replaceAll("\\s*\\n\\s*", " ");
        if (note.isEmpty()) {
            return description.strip();
        }
        return description.isBlank() ? PREFIX + note : description.strip() + "\n" + PREFIX + note;
    }

    /** The description without its camera line, and the note. */
    static String[] split(String description) {
        Matcher line = LAST_LINE.matcher(description);
        if (line.matches()) {
            return new String[] {line.group(1).strip(), line.group(2).strip()};
        }
        return new String[] {description, ""};
    }
}
