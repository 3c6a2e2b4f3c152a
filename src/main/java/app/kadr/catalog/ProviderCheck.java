package app.kadr.catalog;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The result of a provider's last «Проверить подключение».
 *
 * @param problem null when the provider answered as documented
 * @param detail what it answered, for the admin (e.g. {@code HTTP 500}); never the key
 */
public record ProviderCheck(
        Instant at,
        @Nullable CheckProblem problem,
        @Nullable String detail) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    public boolean ok() {
        return problem == null;
    }

    /** When, as the admin page shows it (the server's time zone, like the rest of the studio's times). */
    public String localTime() {
        return SHOWN.format(at.atZone(ZoneId.systemDefault()));
    }
}
