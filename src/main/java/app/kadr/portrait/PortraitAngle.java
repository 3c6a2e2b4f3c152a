package app.kadr.portrait;

import java.util.Arrays;

/** The three views of a character, in the order they are made and shown, with the words the model gets for each. */
enum PortraitAngle {
    FRONT("front", "front view, facing the camera"),
    THREE_QUARTER("three_quarter", "three-quarter view, head turned 45 degrees"),
    PROFILE("profile", "side profile view");

    /** What every view asks for besides its angle: one person, plainly lit, nothing to distract a reference. */
    private static final String SHEET = "character reference portrait, head and shoulders, neutral expression, "
            + "plain light grey background, soft even studio light, sharp focus";

    private final String code;
    private final String angle;

    PortraitAngle(String code, String angle) {
        this.code = code;
        this.angle = angle;
    }

    String code() {
        return code;
    }

    String labelKey() {
        return "portrait.angle." + code;
    }

    /** The prompt for this view of a character described as given (its name when it has no description). */
    String prompt(String description) {
        return description.strip() + ". " + SHEET + ", " + angle;
    }

    static PortraitAngle of(String code) {
        return Arrays.stream(values())
                .filter(a -> a.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No portrait angle " + code));
    }
}
