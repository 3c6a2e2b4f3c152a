package app.kadr.storyboard;

import app.kadr.shared.KadrException;
import java.util.Arrays;

/** Where a shot stands in production. */
public enum ShotStatus {
    DRAFT("draft"),
    IN_PROGRESS("in_progress"),
    DONE("done");

    private final String apiName;

    ShotStatus(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** The message key of the Russian label: «Черновик», «В работе», «Готово». */
    public String labelKey() {
        return "shot.status." + apiName;
    }

    public static ShotStatus parse(String value) {
        return Arrays.stream(values())
                .filter(status -> status.apiName.equals(value))
                .findFirst()
                .orElseThrow(() -> KadrException.invalid("status", "shot.status.invalid"));
    }
}
