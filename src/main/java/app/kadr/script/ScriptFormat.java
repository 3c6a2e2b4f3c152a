package app.kadr.script;

import app.kadr.shared.KadrException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a pasted text is read: a plain text, a Fountain screenplay, or a shot list as CSV. */
enum ScriptFormat {
    TEXT,
    FOUNTAIN,
    CSV;

    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** No format means plain text; an unknown one is refused. */
    static ScriptFormat parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return TEXT;
        }
        for (ScriptFormat format : values()) {
            if (format.apiName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw KadrException.invalid("format", "script.format.unknown");
    }
}
