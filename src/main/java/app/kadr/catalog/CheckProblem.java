package app.kadr.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a connection check found wrong with a provider; each has a Russian sentence and a short picker reason. */
public enum CheckProblem {
    NO_KEY,
    BAD_KEY,
    UNREACHABLE,
    TIMEOUT,
    UNEXPECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The full sentence for the admin: «Ключ API отклонён…». */
    public String messageKey() {
        return "catalog.check." + code();
    }

    /** The few words after a greyed model's name in the picker. */
    public String pickerKey() {
        return "catalog.picker.check." + code();
    }

    static Optional<CheckProblem> of(@Nullable String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }
}
