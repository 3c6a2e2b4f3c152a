package app.kadr.storyboard;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A partial update of a shot. Absent fields stay as they are; for the headliner and the duration an explicit
 * null clears it (no headliner; the automatic duration), which is why {@link #headlinerChanged()} and
 * {@link #durationChanged()} are separate from the values.
 */
public record ShotChanges(
        @Nullable String title,
        @Nullable String description,
        @Nullable String status,
        boolean headlinerChanged,
        @Nullable UUID headlinerAssetId,
        boolean durationChanged,
        @Nullable Long durationMs) {

    public static ShotChanges texts(@Nullable String title, @Nullable String description, @Nullable String status) {
        return new ShotChanges(title, description, status, false, null, false, null);
    }

    public static ShotChanges headliner(@Nullable UUID assetId) {
        return new ShotChanges(null, null, null, true, assetId, false, null);
    }

    /** A new running time in milliseconds, or null to go back to the automatic one. */
    public static ShotChanges duration(@Nullable Long durationMs) {
        return new ShotChanges(null, null, null, false, null, true, durationMs);
    }

    /**
     * The shot form: texts, and the running time in seconds as typed («3,5» or «3.5»); an empty field means
     * automatic, a missing one leaves it.
     */
    public static ShotChanges form(
            @Nullable String title,
            @Nullable String description,
            @Nullable String status,
            @Nullable String durationSeconds) {
        if (durationSeconds == null) {
            return texts(title, description, status);
        }
        Long duration = null;
        if (!durationSeconds.isBlank()) {
            try {
                duration = Math.round(Double.parseDouble(durationSeconds.strip().replace(',', '.')) * 1000);
            } catch (NumberFormatException e) {
                throw invalidDuration();
            }
        }
        return new ShotChanges(title, description, status, false, null, true, duration);
    }

    /** Reads a JSON PATCH body, where "field": null and a missing field mean different things. */
    static ShotChanges fromJson(Map<String, Object> body) {
        Object headliner = body.get("headlinerAssetId");
        UUID headlinerId;
        try {
            headlinerId = headliner == null ? null : UUID.fromString(headliner.toString());
        } catch (IllegalArgumentException e) {
            throw app.kadr.shared.KadrException.invalid("headlinerAssetId", "shot.headliner.foreign");
        }
        return new ShotChanges(
                text(body, "title"),
                text(body, "description"),
                text(body, "status"),
                body.containsKey("headlinerAssetId"),
                headlinerId,
                body.containsKey("durationMs"),
                duration(body.get("durationMs")));
    }

    private static @Nullable Long duration(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw invalidDuration();
        }
        return number.longValue();
    }

    static app.kadr.shared.KadrException invalidDuration() {
        return app.kadr.shared.KadrException.invalid(
                "durationMs", "shot.duration.invalid", Shot.MIN_DURATION_MS / 1000.0, Shot.MAX_DURATION_MS / 1000);
    }

    private static @Nullable String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw app.kadr.shared.KadrException.invalid(field, "problem.validation.text", field);
        }
        return (String) value;
    }
}
