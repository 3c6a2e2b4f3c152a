package app.kadr.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How a model ranks for the person choosing one: the best there is, good, or quick and cheap. */
public enum Quality {
    ULTRA,
    HIGH,
    BALANCED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Quality> of(@Nullable String code) {
        return Arrays.stream(values()).filter(q -> q.code().equals(code)).findFirst();
    }

    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Quality::code).toList());
    }
}
