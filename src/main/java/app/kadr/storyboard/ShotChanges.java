package app.kadr.storyboard;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A partial update of a shot. Absent fields stay as they are; for the headliner, an explicit null clears
 * it, which is why {@link #headlinerChanged()} is separate from the value.
 */
public record ShotChanges(
        @Nullable String title,
        @Nullable String description,
        @Nullable String status,
        boolean headlinerChanged,
        @Nullable UUID headlinerAssetId) {

    public static ShotChanges texts(@Nullable String title, @Nullable String description, @Nullable String status) {
        return new ShotChanges(title, description, status, false, null);
    }

    public static ShotChanges headliner(@Nullable UUID assetId) {
        return new ShotChanges(null, null, null, true, assetId);
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
                headlinerId);
    }

    private static @Nullable String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw app.kadr.shared.KadrException.invalid(field, "problem.validation.text", field);
        }
        return (String) value;
    }
}
